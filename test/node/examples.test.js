'use strict';
// The example workflows, whole, as "Execute workflow" runs them: n8n's engine starts from the
// trigger's pinned data, the expressions and the package's node run for real against the
// simulator. The n8n-nodes-base nodes around them are harness stand-ins (tools/engine).
const { shutdownHarness, runWorkflow } = require('../../tools/engine/harness');
const { BASE_NODE_STAND_INS, WEBHOOK_TYPE } = require('../../tools/engine/base-node-stand-ins');
const { startSimulator, fixtureItem, credentialFor, NODE_TYPE } = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

function loadExample(file) {
	return structuredClone(require(`../../examples/${file}`));
}

/** Runs the example with the credential it names pointing at the simulator. */
function runExample(workflow) {
	const veeam = workflow.nodes.find((node) => node.type === NODE_TYPE);
	const { id } = veeam.credentials.veeamM365Api;
	const credentials = { veeamM365Api: { [id]: credentialFor(sim).veeamM365Api.vb365 } };
	return runWorkflow({
		nodes: workflow.nodes,
		connections: workflow.connections,
		pinData: workflow.pinData,
		credentials,
		extraNodeTypes: BASE_NODE_STAND_INS,
	});
}

const running = () =>
	[...sim.state.sessions.values()].filter((session) => session.state === 'Working').length;

describe.each(['helpdesk-ticket-restore.json', 'email-request-restore-reply.json'])(
	'%s',
	(file) => {
		test('starts with a Webhook trigger that has a pinned sample request', () => {
			const workflow = loadExample(file);
			const triggers = workflow.nodes.filter((node) => node.type === WEBHOOK_TYPE);
			expect(triggers).toHaveLength(1);
			const [pinned] = workflow.pinData[triggers[0].name];
			expect(pinned.json.body).toEqual(expect.any(Object));
			expect(Object.keys(workflow.pinData)).toEqual([triggers[0].name]);
		});
	},
);

test('helpdesk example: the pinned ticket restores every attachment of its item and stops the session', async () => {
	const workflow = loadExample('helpdesk-ticket-restore.json');
	const ticket = workflow.pinData['Ticket Webhook'][0].json.body;
	const item = fixtureItem(sim, 'helpdesk');
	sim.reset();
	const before = running();

	const result = await runExample(workflow);

	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.output['Ticket Webhook'].map((entry) => entry.json.body)).toEqual([ticket]);
	const restored = result.output['Restore Attachments'];
	expect(restored.map((entry) => entry.json.name)).toEqual(item.attachments.map((a) => a.name));
	for (const entry of restored) {
		const attachment = item.attachments.find((a) => a.name === entry.json.name);
		expect(
			(await result.readBinary(entry.binary.data)).equals(sim.attachmentContent(attachment.id)),
		).toBe(true);
	}
	// "Attach to Ticket" is deactivated until the user points it at a ticket system: the files pass through.
	expect(workflow.nodes.find((node) => node.name === 'Attach to Ticket').disabled).toBe(true);
	expect(result.output['Attach to Ticket']).toHaveLength(item.attachments.length);
	expect(running()).toBe(before);
	expect(
		sim.requests.some(
			(request) =>
				request.method === 'POST' && /\/RestoreSessions\/[^/]+\/Stop$/i.test(request.path),
		),
	).toBe(true);
});

test('email example: the pinned request mail has VB365 email the attachments to its sender', async () => {
	const workflow = loadExample('email-request-restore-reply.json');
	const mail = workflow.pinData['Restore Request Mail'][0].json.body;
	const item = fixtureItem(sim, 'helpdesk');
	const before = running();
	sim.outbox.length = 0;

	const result = await runExample(workflow);

	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.output['Read Request'].map((entry) => entry.json)).toEqual([
		{
			requester: 'anna.meier@contoso.com',
			subject: mail.subject,
			itemUrl: 'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42',
		},
	]);
	expect(sim.outbox.map((sent) => [sent.to, sent.subject])).toEqual([
		['anna.meier@contoso.com', `Re: ${mail.subject}`],
	]);
	expect(sim.outbox[0].attachments.map((a) => a.name)).toEqual(item.attachments.map((a) => a.name));
	expect(running()).toBe(before);
});
