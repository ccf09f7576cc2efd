'use strict';
// examples/restore-deleted-email.json as "Execute workflow" runs it, in n8n's engine against the
// simulator: the pinned ticket finds Anna's deleted NDA mail and sends it back to her mailbox.
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

const example = () => structuredClone(require('../../examples/restore-deleted-email.json'));

test('starts with a Webhook trigger that has a pinned ticket', () => {
	const workflow = example();
	const triggers = workflow.nodes.filter((node) => node.type === WEBHOOK_TYPE);
	expect(triggers.map((node) => node.name)).toEqual(['Ticket Webhook']);
	expect(Object.keys(workflow.pinData)).toEqual(['Ticket Webhook']);
	expect(workflow.pinData['Ticket Webhook'][0].json.body.description).toMatch(
		/Contoso Legal about the NDA last Tuesday/,
	);
});

test('the pinned ticket sends the deleted NDA mail back to its mailbox once and stops the sessions', async () => {
	const workflow = example();
	const { id } = workflow.nodes.find((node) => node.type === NODE_TYPE).credentials.veeamM365Api;
	sim.reset();
	const result = await runWorkflow({
		nodes: workflow.nodes,
		connections: workflow.connections,
		pinData: workflow.pinData,
		credentials: { veeamM365Api: { [id]: credentialFor(sim).veeamM365Api.vb365 } },
		extraNodeTypes: BASE_NODE_STAND_INS,
	});
	expect(result.error).toBeUndefined();
	const nda = sim.fixture.exchange.byKey.item.nda;
	expect(result.output['Find the Mail'].map((item) => item.json.id)).toEqual([nda.id]);
	expect(sim.outbox.map((mail) => [mail.kind, mail.to, mail.itemIds])).toEqual([
		['sendToDefaultAddress', 'anna.meier@contoso.com', [nda.id]],
	]);
	expect(runningSessions(sim)).toEqual([]);
});
