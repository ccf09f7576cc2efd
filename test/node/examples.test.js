'use strict';
// The example workflows' VB365 nodes, run with the payloads their notes describe.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, fixtureItem, runNode, NODE_TYPE } = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

function exampleNode(file) {
	const workflow = require(`../../examples/${file}`);
	const node = workflow.nodes.find((candidate) => candidate.type === NODE_TYPE);
	return node.parameters;
}

const running = () => [...sim.state.sessions.values()].filter((session) => session.state === 'Working').length;

test('helpdesk example: a ticket with an item URL restores every attachment and stops its session', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const before = running();
	const result = await runNode(sim, {
		parameters: exampleNode('helpdesk-ticket-restore.json'),
		inputItems: [
			{
				body: {
					ticketId: 'HD-1042',
					requester: 'anna.meier@contoso.com',
					itemUrl: 'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42',
				},
			},
		],
	});
	expect(result.error).toBeUndefined();
	expect(result.items.map((entry) => entry.json.name)).toEqual(item.attachments.map((a) => a.name));
	expect(running()).toBe(before);
});

test('email example: the requester gets the attachments by email', async () => {
	sim.outbox.length = 0;
	const result = await runNode(sim, {
		parameters: exampleNode('email-request-restore-reply.json'),
		inputItems: [
			{
				requester: 'anna.meier@contoso.com',
				subject: 'Please restore the ACME contract',
				itemUrl: 'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42',
			},
		],
	});
	expect(result.error).toBeUndefined();
	expect(sim.outbox.map((mail) => [mail.to, mail.subject])).toEqual([
		['anna.meier@contoso.com', 'Re: Please restore the ACME contract'],
	]);
});
