'use strict';
// The /token quota (VB365 v6+ "EndpointTokensPer…"): off by default, fixed windows checked
// shortest first, 429 with or without Retry-After.
const { startSimulator } = require('../../tools/simulator');
const { call } = require('../../tools/simulator/client');
const { TokenThrottle } = require('../../tools/simulator/throttle');
const { toOptions, parseArgs } = require('../../tools/simulator/cli');

describe('simulator: token throttle', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(() => sim.stop());
	beforeEach(() => {
		sim.setTokenThrottle(null);
		sim.reset();
	});

	const login = () =>
		call(sim, 'POST', '/v8/token', {
			form: {
				grant_type: 'password',
				username: sim.credentials.username,
				password: sim.credentials.password,
				disable_antiforgery_token: 'true',
			},
		});

	test('is off by default: 20 logins at once all succeed', async () => {
		const answers = await Promise.all(Array.from({ length: 20 }, login));
		expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
		expect(sim.stats.logins).toBe(20);
		expect(sim.stats.tokenThrottled).toBe(0);
	});

	test('VB365 defaults: 1 per second, then 429 with Retry-After and a quota message', async () => {
		sim.setTokenThrottle(true);
		const answers = await Promise.all(Array.from({ length: 6 }, login));
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses).toEqual([200, 429, 429, 429, 429, 429]);
		const refused = answers.find((a) => a.status === 429);
		expect(refused.headers['retry-after']).toBe('1');
		expect(refused.json.message).toMatch(/Quota exceeded.*1 per second/);
		expect(sim.stats).toMatchObject({ logins: 1, tokenThrottled: 5 });
	});

	test('without Retry-After when configured so', async () => {
		sim.setTokenThrottle({ perSecond: 1, retryAfter: false });
		await login();
		const refused = await login();
		expect(refused.status).toBe(429);
		expect(refused.headers['retry-after']).toBeUndefined();
	});

	test('the control route turns it on and reports it', async () => {
		const put = await call(sim, 'PUT', '/__sim/token-throttle', { json: { perMinute: 2 } });
		expect(put.status).toBe(200);
		expect(put.json).toMatchObject({ enabled: true, perMinute: 2, retryAfter: true });
		expect((await login()).status).toBe(200);
		expect((await login()).status).toBe(200);
		const third = await login();
		expect(third.status).toBe(429);
		expect(Number(third.headers['retry-after'])).toBeGreaterThan(50);
		expect(
			(await call(sim, 'PUT', '/__sim/token-throttle', { json: { perMinute: 0 } })).status,
		).toBe(400);
	});
});

describe('token throttle windows (clock under test control)', () => {
	let now;
	const throttle = (config) => new TokenThrottle(config, () => now);
	beforeEach(() => {
		now = 1_000_000;
	});

	test('per-second quota resets after a second; Retry-After counts the rest of the window', () => {
		const t = throttle({ perSecond: 2 });
		expect(t.take()).toBeNull();
		now += 400;
		expect(t.take()).toBeNull();
		const refusal = t.take();
		expect(refusal.window.name).toBe('perSecond');
		expect(refusal.retryAfterSeconds).toBe(1);
		now += 600;
		expect(t.take()).toBeNull();
	});

	test('per-minute: 5 logins, one a second, then a wait until the minute is over', () => {
		const t = throttle({ perSecond: 1, perMinute: 5, perHour: 1500 });
		for (let i = 0; i < 5; i++) {
			expect(t.take()).toBeNull();
			now += 1000;
		}
		const refusal = t.take();
		expect(refusal.window.name).toBe('perMinute');
		expect(refusal.retryAfterSeconds).toBe(55);
		now += 55_000;
		expect(t.take()).toBeNull();
	});

	test('a refusal by the per-second window does not use up the minute', () => {
		const t = throttle({ perSecond: 1, perMinute: 2 });
		expect(t.take()).toBeNull();
		for (let i = 0; i < 10; i++) expect(t.take().window.name).toBe('perSecond');
		now += 1000;
		expect(t.take()).toBeNull();
		now += 1000;
		expect(t.take().window.name).toBe('perMinute');
	});

	test('per-hour quota', () => {
		const t = throttle({ perHour: 3 });
		for (let i = 0; i < 3; i++) expect(t.take()).toBeNull();
		const refusal = t.take();
		expect(refusal.window.name).toBe('perHour');
		expect(refusal.retryAfterSeconds).toBe(3600);
		now += 3_600_000;
		expect(t.take()).toBeNull();
	});

	test('bad configurations are refused', () => {
		expect(() => throttle({ perSecond: 0 })).toThrow(/perSecond/);
		expect(() => throttle({})).toThrow(/needs perSecond/);
		expect(throttle(null).take()).toBeNull();
	});

	test('the CLI flag', () => {
		expect(toOptions(parseArgs(['--token-throttle', 'vb365'], {})).tokenThrottle).toEqual({
			perSecond: 1,
			perMinute: 5,
			perHour: 1500,
			retryAfter: true,
		});
		expect(
			toOptions(parseArgs([], { SIM_TOKEN_THROTTLE: ',5,,no-retry-after' })).tokenThrottle,
		).toEqual({
			perMinute: 5,
			retryAfter: false,
		});
	});
});
