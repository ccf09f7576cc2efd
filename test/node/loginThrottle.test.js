'use strict';
// VB365 v6+ answers logins beyond its /token quota with 429. The node waits and logs in again,
// and executions that find the token expired together share the one another execution stored.
const { shutdownHarness } = require('../../tools/engine/harness');
const { call } = require('../../tools/simulator/client');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

const getMany = (item, options) => ({
	resource: 'sharePointItemAttachment',
	operation: 'getAll',
	...itemParameters(item),
	returnAll: true,
	...(options ? { options } : {}),
});

/** Uses up the quota the way another client would, so the node's first login is refused. */
const loginElsewhere = (sim) =>
	call(sim, 'POST', '/v8/token', {
		form: {
			grant_type: 'password',
			username: sim.credentials.username,
			password: sim.credentials.password,
			disable_antiforgery_token: 'true',
		},
	});

describe('login under the token throttle', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(() => sim.stop());
	beforeEach(() => {
		sim.setTokenThrottle(null);
		sim.reset();
	});

	test('a login answered 429 with Retry-After waits for it and logs in again', async () => {
		sim.faults.add({ method: 'POST', path: '/token$', status: 429, retryAfter: 1, times: 2 });
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, { parameters: getMany(item) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(item.attachments.length);
		expect(sim.stats.logins).toBe(1);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(2000);
	});

	test('without Retry-After it backs off, 1 s then 2 s, and logs in again', async () => {
		sim.faults.add({ method: 'POST', path: '/token$', status: 429, times: 2 });
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, { parameters: getMany(item) });
		expect(result.error).toBeUndefined();
		expect(sim.stats.logins).toBe(1);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(3000);
	});

	test('a quota that stays used up fails within the timeout, naming the 429 and the fix', async () => {
		sim.setTokenThrottle({ perHour: 1 });
		expect((await loginElsewhere(sim)).status).toBe(200);
		const item = fixtureItem(sim, 'helpdesk');
		const started = Date.now();
		const result = await runNode(sim, { parameters: getMany(item, { timeout: 3 }) });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/too many logins on the token endpoint \(HTTP 429\)/);
		expect(result.error.message).toMatch(/server asks to wait \d+ s/);
		expect(result.error.message).toMatch(/EndpointTokensPerSecond/);
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(sim.stats.logins).toBe(1);
	});
});

test('12 executions finding the token revoked together all succeed with a handful of logins (VB365 quotas)', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		const first = await runNode(sim, { parameters: getMany(item) });
		expect(first.error).toBeUndefined();
		const { credentialStore } = first;
		sim.revokeAllTokens();
		sim.reset();
		sim.setTokenThrottle(true); // 1 per second, 5 per minute, 1500 per hour
		const runs = await Promise.all(
			Array.from({ length: 12 }, () =>
				runNode(sim, { parameters: getMany(item), credentialStore }),
			),
		);
		expect(runs.map((run) => run.error?.message)).toEqual(Array(12).fill(undefined));
		for (const run of runs) expect(run.items).toHaveLength(item.attachments.length);
		expect(sim.stats.logins).toBeGreaterThanOrEqual(1);
		expect(sim.stats.logins).toBeLessThanOrEqual(5);
		expect(sim.stats.tokenThrottled).toBeGreaterThan(0);
	} finally {
		await sim.stop();
	}
}, 90_000);
