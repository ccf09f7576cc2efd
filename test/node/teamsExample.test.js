'use strict';
// examples/restore-teams-channel-file.json as "Execute workflow" runs it, in n8n's engine against
// the simulator: the pinned ticket names team, channel and file; the file comes back as its raw
// bytes, and the disabled send, enabled, emails it to the requester.
const { shutdownHarness, runWorkflow } = require('../../tools/engine/harness');
const { BASE_NODE_STAND_INS } = require('../../tools/engine/base-node-stand-ins');
const { startSimulator, credentialFor, NODE_TYPE } = require('../support/node-runs');
const { runningVet } = require('../support/teams-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const example = () => structuredClone(require('../../examples/restore-teams-channel-file.json'));

function run(workflow) {
	const { id } = workflow.nodes.find((node) => node.type === NODE_TYPE).credentials.veeamM365Api;
	return runWorkflow({
		nodes: workflow.nodes,
		connections: workflow.connections,
		pinData: workflow.pinData,
		credentials: { veeamM365Api: { [id]: credentialFor(sim).veeamM365Api.vb365 } },
		extraNodeTypes: BASE_NODE_STAND_INS,
	});
}

test('the pinned ticket restores the channel file as its raw bytes and stops the sessions', async () => {
	sim.reset();
	const result = await run(example());
	expect(result.error).toBeUndefined();
	const [restored] = result.output['Restore the File'];
	expect(restored.binary.data.fileName).toBe('Kickoff deck.pptx');
	const bytes = await result.readBinary(restored.binary.data);
	expect(bytes.equals(sim.teamsFileContent('kickoff'))).toBe(true);
	expect(restored.json.summary).toMatch(/from channel "General" of team "Project Phoenix"/);
	const explores = sim.requests.filter((r) => /\/explore$/i.test(r.path));
	expect(explores.map((r) => [r.body.type, r.body.showDeleted])).toEqual([
		['Vet', true],
		['Vet', true],
	]);
	expect(runningVet(sim)).toEqual([]);
});

test('enabled, the send emails the file to the requester', async () => {
	sim.reset();
	sim.setEmailSettings(true);
	const workflow = example();
	delete workflow.nodes.find((node) => node.name === 'Send to Requester').disabled;
	const result = await run(workflow);
	expect(result.error).toBeUndefined();
	expect(sim.outbox.map((mail) => [mail.kind, mail.to, mail.subject])).toEqual([
		['teamsSend', 'carla.diaz@contoso.com', 'Your restored Teams file (HD-2004)'],
	]);
	expect(runningVet(sim)).toEqual([]);
});
