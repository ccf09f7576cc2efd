'use strict';
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const runningSessions = (sim) => [...sim.state.sessions.values()].filter((session) => session.state === 'Working');

describe.each([
	{ profile: '5.0', apiVersion: 'v5' },
	{ profile: '8.x', apiVersion: 'v8' },
])('restore sessions on $apiVersion', ({ profile, apiVersion }) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.faults.clear();
		sim.requests.length = 0;
		sim.outbox.length = 0;
	});
	const credential = { apiVersion };
	const organization = () => sim.fixture.organizations[0];

	test('Start, Get, Get Many and Stop', async () => {
		const started = await runNode(sim, {
			credential,
			parameters: {
				resource: 'restoreSession',
				operation: 'start',
				organizationId: rl(organization().id),
				pointInTime: '2024-03-10T12:00:00Z',
			},
		});
		expect(started.error).toBeUndefined();
		const session = started.items[0].json;
		expect(session).toMatchObject({ type: expect.stringMatching(/vesp/i), state: 'Working', pointInTime: '2024-03-10T12:00:00.000Z' });
		const explore = sim.requests.find((r) => /explore$|organizations\/[^/]+\/action$/i.test(r.path));
		expect(explore.body).toEqual(
			apiVersion === 'v5'
				? { explore: { datetime: '2024.03.10 12:00:00', type: 'vesp', showDeleted: true, showAllVersions: false } }
				: { type: 'Vesp', showDeleted: true, showAllVersions: false, dateTime: '2024-03-10T12:00:00.000Z' },
		);

		const got = await runNode(sim, { credential, parameters: { resource: 'restoreSession', operation: 'get', restoreSessionId: rl(session.id) } });
		expect(got.items[0].json.id).toBe(session.id);

		const many = await runNode(sim, { credential, parameters: { resource: 'restoreSession', operation: 'getAll', returnAll: true } });
		expect(many.items.map((entry) => entry.json.id)).toContain(session.id);

		const stopped = await runNode(sim, { credential, parameters: { resource: 'restoreSession', operation: 'stop', restoreSessionId: rl(session.id) } });
		expect(stopped.items[0].json).toEqual({ id: session.id, stopped: true });
		expect(sim.state.sessions.get(session.id.toLowerCase()).state).toBe('Stopped');
		const after = await runNode(sim, { credential, parameters: { resource: 'restoreSession', operation: 'getAll', returnAll: true } });
		expect(after.items.map((entry) => entry.json.id)).not.toContain(session.id);
	});

	test('one node from organization and point in time to files: one session for all items, stopped at the end', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const before = runningSessions(sim).length;
		const result = await runNode(sim, {
			credential,
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				restoreSessionMode: 'startAndStop',
				organizationId: rl(organization().id),
				siteId: rl(item.siteId),
				itemId: rl(item.id),
				output: 'zip',
			},
			inputItems: [{}, {}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.pointInTime).toBe('latest');
		expect(result.items[0].json.restoreSessionId).not.toBe(item.restoreSessionId);
		expect(sim.requests.filter((r) => /explore$|organizations\/[^/]+\/action$/i.test(r.path))).toHaveLength(1);
		expect(runningSessions(sim)).toHaveLength(before);
	});

	test('the session is stopped also when items fail (fault in the middle), with and without Continue On Fail', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const parameters = {
			resource: 'sharePointItemAttachment',
			operation: 'save',
			restoreSessionMode: 'startAndStop',
			organizationId: rl(organization().id),
			siteId: rl(item.siteId),
			itemId: rl(item.id),
			output: 'zip',
			options: { retries: 0 },
		};
		const before = runningSessions(sim).length;
		sim.faults.add({ method: 'POST', path: '/attachments/(save|action)$', status: 500, skip: 1, times: 1 });
		const failing = await runNode(sim, { credential, parameters, inputItems: [{}, {}, {}] });
		expect(failing.status).toBe('error');
		expect(runningSessions(sim)).toHaveLength(before);

		sim.faults.add({ method: 'POST', path: '/attachments/(save|action)$', status: 500, skip: 1, times: 1 });
		const continuing = await runNode(sim, {
			credential,
			parameters,
			inputItems: [{}, {}, {}],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(continuing.items.map((entry) => Boolean(entry.json.error))).toEqual([false, true, false]);
		expect(runningSessions(sim)).toHaveLength(before);
	});

	test('Send in start-and-stop mode with site and item given by SharePoint URL', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const site = sim.fixture.sites.find((candidate) => candidate.id === item.siteId);
		const before = runningSessions(sim).length;
		const result = await runNode(sim, {
			credential,
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'send',
				restoreSessionMode: 'startAndStop',
				organizationId: rl(organization().id),
				siteId: rl(site.url, 'url'),
				itemId: rl(`${site.url}/Lists/Contracts/DispForm.aspx?ID=${item.number}`, 'url'),
				to: 'anna.meier@contoso.com',
			},
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0].itemId).toBe(item.id);
		expect(runningSessions(sim)).toHaveLength(before);
	});
});

describe('lookups a ticket needs', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('SharePoint Item search by title text and by item ID', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const base = {
			resource: 'sharePointItem',
			operation: 'search',
			restoreSessionId: rl(item.restoreSessionId),
			siteId: rl(item.siteId),
			listId: rl(item.listId),
			returnAll: true,
		};
		const byTitle = await runNode(sim, { parameters: { ...base, query: 'acme-42' } });
		expect(byTitle.items.map((entry) => entry.json.id)).toEqual([item.id]);
		expect(byTitle.items[0].json).toMatchObject({ title: 'ACME-42', itemNumber: 42, listId: item.listId });
		const byNumber = await runNode(sim, { parameters: { ...base, query: '42' } });
		expect(byNumber.items.map((entry) => entry.json.id)).toEqual([item.id]);
		const none = await runNode(sim, { parameters: { ...base, query: 'no such ticket' } });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});

	test('Sites Get Many with and without sub-sites', async () => {
		const parameters = { resource: 'sharePointSite', operation: 'getAll', restoreSessionId: rl(sim.fixture.restoreSession.id), returnAll: true };
		const all = await runNode(sim, { parameters });
		const topLevel = await runNode(sim, { parameters: { ...parameters, topLevelOnly: true } });
		expect(all.items.length).toBeGreaterThan(topLevel.items.length);
		expect(topLevel.items.every((entry) => typeof entry.json.url === 'string')).toBe(true);
	});

	test('Email settings: Get tells whether the server can send; Send Test Email reaches the outbox', async () => {
		sim.setEmailSettings(true);
		const ready = await runNode(sim, { parameters: { resource: 'emailSettings', operation: 'get' } });
		expect(ready.items[0].json).toMatchObject({ readyToSend: true, problems: [] });
		sim.setEmailSettings(false);
		const notReady = await runNode(sim, { parameters: { resource: 'emailSettings', operation: 'get' } });
		expect(notReady.items[0].json.readyToSend).toBe(false);
		sim.setEmailSettings(true);
		sim.outbox.length = 0;
		const test = await runNode(sim, { parameters: { resource: 'emailSettings', operation: 'sendTest', email: 'helpdesk@contoso.com' } });
		expect(test.items[0].json).toEqual({ sent: true, to: 'helpdesk@contoso.com' });
		expect(sim.outbox.map((mail) => mail.to)).toEqual(['helpdesk@contoso.com']);
	});
});
