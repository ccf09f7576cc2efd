'use strict';
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

const SERVERS = [
	{ label: 'v5 (Action endpoint)', profile: '5.0', apiVersion: 'v5' },
	{ label: 'v8 (split endpoints)', profile: '8.x', apiVersion: 'v8' },
];

describe.each(SERVERS)('Send against a $label server', ({ profile, apiVersion }) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.outbox.length = 0;
		sim.requests.length = 0;
		sim.setEmailSettings(true);
	});

	const sendParameters = (item, extra = {}) => ({
		resource: 'sharePointItemAttachment',
		operation: 'send',
		...itemParameters(item),
		to: 'anna.meier@contoso.com',
		subject: 'Your restored files (HD-1042)',
		text: 'Here are the files from the backup.',
		...extra,
	});

	test('sends every attachment once and summarises what was sent', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, { credential: { apiVersion }, parameters: sendParameters(item) });
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			to: 'anna.meier@contoso.com',
			subject: 'Your restored files (HD-1042)',
			text: 'Here are the files from the backup.',
			itemId: item.id,
		});
		expect(sim.outbox[0].attachments.map((a) => a.name)).toEqual(item.attachments.map((a) => a.name));
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					sent: true,
					to: 'anna.meier@contoso.com',
					attachments: item.attachments.map((a) => a.name),
					restoreSessionId: item.restoreSessionId,
					siteId: item.siteId,
					itemId: item.id,
					apiVersion,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('sends only the chosen attachments', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential: { apiVersion },
			parameters: sendParameters(item, { attachmentSelection: 'byName', attachmentNames: ['Call notes.txt'] }),
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox.map((mail) => mail.attachments.map((a) => a.name))).toEqual([['Call notes.txt']]);
	});

	test('a server without email settings fails before sending, with what to configure', async () => {
		sim.setEmailSettings(false);
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, { credential: { apiVersion }, parameters: sendParameters(item) });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/The VB365 server cannot send email: email notifications are turned off/);
		expect(result.error.description).toMatch(/email settings of Veeam Explorer for Microsoft SharePoint/);
		expect(sim.outbox).toHaveLength(0);
		expect(sim.requests.some((request) => /attachments\/(send|action)$/i.test(request.path))).toBe(false);
	});

	test('without the pre-check, the server refusal still explains what to configure', async () => {
		sim.setEmailSettings(false);
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential: { apiVersion },
			parameters: sendParameters(item, { options: { checkEmailSettings: false } }),
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/Could not send the attachments/);
		expect(result.error.description).toMatch(/email settings of Veeam Explorer for Microsoft SharePoint/);
		expect(sim.outbox).toHaveLength(0);
	});

	test('an invalid recipient is refused before anything is sent', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential: { apiVersion },
			parameters: sendParameters(item, { to: 'anna.meier at contoso' }),
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/not a valid email address \[parameter "To"\]/);
		expect(sim.outbox).toHaveLength(0);
	});
});

test('v4 cannot send a selection: the error names the parameter and the fix', async () => {
	const sim = await startSimulator({ profile: '5.0' });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential: { apiVersion: 'v4' },
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'send',
				...itemParameters(item),
				to: 'anna.meier@contoso.com',
				attachmentSelection: 'byName',
				attachmentNames: ['Call notes.txt'],
			},
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/v4 can only send all attachments .*\[parameter "Attachments"\]/);
		expect(sim.outbox).toHaveLength(0);
	} finally {
		await sim.stop();
	}
});

test('a send that fails on the server is not retried (at most one email)', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		sim.faults.add({ method: 'POST', path: '/attachments/send$', status: 503, times: 1 });
		const result = await runNode(sim, {
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'send',
				...itemParameters(item),
				to: 'anna.meier@contoso.com',
			},
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/HTTP 503/);
		const sends = sim.requests.filter((request) => /attachments\/send$/i.test(request.path));
		expect(sends).toHaveLength(1);
	} finally {
		await sim.stop();
	}
});
