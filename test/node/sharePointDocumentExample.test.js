'use strict';
// examples/restore-sharepoint-document-by-link.json as "Execute workflow" runs it, in n8n's engine
// against the simulator: the pinned ticket's /:w:/r/ link gives the document as its raw bytes,
// and the disabled send, enabled, emails it to the requester.
const { shutdownHarness, runWorkflow } = require('../../tools/engine/harness');
const { BASE_NODE_STAND_INS } = require('../../tools/engine/base-node-stand-ins');
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
	structuredClone(require('../../examples/restore-sharepoint-document-by-link.json'));

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

const started = () =>
	runningSessions(sim, 'Vesp').filter((s) => s.id !== sim.fixture.restoreSession.id);

test('the pinned ticket link restores the document as its raw bytes and stops the session', async () => {
	sim.reset();
	const result = await run(example());
	expect(result.error).toBeUndefined();
	const [restored] = result.output['Restore the Document'];
	expect(restored.binary.data.fileName).toBe('Contoso NDA.docx');
	const bytes = await result.readBinary(restored.binary.data);
	expect(bytes.equals(sim.siteDocumentContent('nda'))).toBe(true);
	const explores = sim.requests.filter((r) => /\/explore$/i.test(r.path));
	expect(explores.map((r) => r.body.showDeleted)).toEqual([true]);
	expect(started()).toEqual([]);
});

test('enabled, the send emails the document to the requester', async () => {
	sim.reset();
	sim.setEmailSettings(true);
	const workflow = example();
	delete workflow.nodes.find((node) => node.name === 'Send to Requester').disabled;
	const result = await run(workflow);
	expect(result.error).toBeUndefined();
	expect(sim.outbox.map((mail) => [mail.kind, mail.to, mail.subject])).toEqual([
		['siteDocumentSend', 'ben.okafor@contoso.com', 'Your restored document (HD-2003)'],
	]);
	expect(started()).toEqual([]);
});
