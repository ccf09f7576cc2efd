'use strict';
// examples/restore-onedrive-file-as-of-yesterday.json as "Execute workflow" runs it, in n8n's
// engine against the simulator: the pinned ticket finds Anna's Budget 2024.xlsx in her OneDrive as
// of the day before the ticket, sends it to her, and the disabled save gives the raw file.
const { shutdownHarness, runWorkflow } = require('../../tools/engine/harness');
const { BASE_NODE_STAND_INS, WEBHOOK_TYPE } = require('../../tools/engine/base-node-stand-ins');
const { startSimulator, credentialFor, NODE_TYPE } = require('../support/node-runs');
const { runningSessions } = require('../support/mail-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const example = () =>
	structuredClone(require('../../examples/restore-onedrive-file-as-of-yesterday.json'));

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

test('starts with a Webhook trigger that has a pinned ticket', () => {
	const workflow = example();
	const triggers = workflow.nodes.filter((node) => node.type === WEBHOOK_TYPE);
	expect(triggers.map((node) => node.name)).toEqual(['Ticket Webhook']);
	expect(workflow.pinData['Ticket Webhook'][0].json.body.description).toMatch(
		/"Budget 2024\.xlsx" in my OneDrive/,
	);
});

test('the pinned ticket sends the file, as of the day before, to the requester and stops the sessions', async () => {
	sim.reset();
	const result = await run(example());
	expect(result.error).toBeUndefined();
	const budget = sim.fixture.oneDrive.byKey.document.budget;
	expect(result.output['Find the File'].map((item) => item.json.id)).toEqual([budget.id]);
	expect(result.output['Find the File'][0].json.pointInTime).toBe('2024-05-02T09:12:00.000Z');
	expect(sim.outbox.map((mail) => [mail.kind, mail.to, mail.subject, mail.documentIds])).toEqual([
		['oneDriveSend', 'anna.meier@contoso.com', 'Your file as of yesterday (HD-2002)', [budget.id]],
	]);
	const explores = sim.requests.filter((r) => /\/explore$/i.test(r.path));
	expect(explores.map((r) => r.body.dateTime)).toEqual([
		'2024-05-02T09:12:00.000Z',
		'2024-05-02T09:12:00.000Z',
	]);
	expect(runningSessions(sim, 'Veod')).toEqual([]);
});

test('enabled, the save gives the raw file for the ticket', async () => {
	const workflow = example();
	workflow.nodes.find((node) => node.name === 'Save the File for the Ticket').disabled = false;
	sim.reset();
	const result = await run(workflow);
	expect(result.error).toBeUndefined();
	const [saved] = result.output['Save the File for the Ticket'];
	expect(saved.binary.data.fileName).toBe('Budget 2024.xlsx');
	expect((await result.readBinary(saved.binary.data)).equals(sim.oneDriveContent('budget'))).toBe(
		true,
	);
	expect(runningSessions(sim, 'Veod')).toEqual([]);
});
