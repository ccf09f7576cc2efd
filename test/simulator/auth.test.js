'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login } = require('../../tools/simulator/client');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('simulator: authentication', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all', accessTokenLifetime: 2 });
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	const passwordForm = (extra = {}) => ({
		grant_type: 'password',
		username: sim.credentials.username,
		password: sim.credentials.password,
		...extra,
	});

	test('password grant returns an OAuthTokenResponse', async () => {
		const res = await call(sim, 'POST', '/v8/token', {
			form: passwordForm({ disable_antiforgery_token: 'true' }),
		});
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/application\/json/);
		const t = res.json;
		expect(Object.keys(t).sort()).toEqual(
			[
				'.expires',
				'.issued',
				'access_token',
				'expires_in',
				'refresh_token',
				'token_type',
				'userName',
			].sort(),
		);
		expect(t.token_type).toBe('bearer');
		expect(t.expires_in).toBe(2);
		expect(t.userName).toBe(sim.credentials.username);
		expect(Date.parse(t['.expires']) - Date.parse(t['.issued'])).toBe(2000);
		expect(t.access_token).not.toBe(t.refresh_token);
		expect(sim.stats.tokenRequests).toEqual({ password: 1 });
	});

	test('the username is case-insensitive, the password is not', async () => {
		const upper = await call(sim, 'POST', '/v6/token', {
			form: passwordForm({ username: sim.credentials.username.toUpperCase() }),
		});
		expect(upper.status).toBe(200);
		const wrong = await call(sim, 'POST', '/v6/token', {
			form: passwordForm({ password: sim.credentials.password.toLowerCase() }),
		});
		expect(wrong.status).toBe(400);
		expect(wrong.json.error).toBe('invalid_grant');
		expect(wrong.json.error_description).toEqual(expect.any(String));
		expect(wrong.text).not.toContain(sim.credentials.password.toLowerCase());
	});

	test('unsupported and missing grant types', async () => {
		const jwt = await call(sim, 'POST', '/v8/token', {
			form: { grant_type: 'client_credentials' },
		});
		expect(jwt.status).toBe(400);
		expect(jwt.json.error).toBe('unsupported_grant_type');
		const missing = await call(sim, 'POST', '/v8/token', { form: { username: 'x' } });
		expect(missing.status).toBe(400);
		expect(missing.json.error).toBe('unsupported_grant_type');
		expect(sim.stats.tokenRequests).toEqual({ client_credentials: 1, '(missing)': 1 });
	});

	test('v6+ accept a JSON token body; v5 only form fields', async () => {
		const v6 = await call(sim, 'POST', '/v6/token', { json: passwordForm() });
		expect(v6.status).toBe(200);
		const v5 = await call(sim, 'POST', '/v5/token', { json: passwordForm() });
		expect(v5.status).toBe(400);
		expect(v5.json.error).toBe('unsupported_grant_type');
		const v5form = await call(sim, 'POST', '/v5/Token', { form: passwordForm() });
		expect(v5form.status).toBe(200);
	});

	test('missing, malformed, unknown, expired and revoked bearers get 401 with an empty body', async () => {
		const { access_token: token } = await login(sim, 8);
		const path = '/v8/Organizations';
		expect((await call(sim, 'GET', path, { token })).status).toBe(200);

		for (const headers of [
			{},
			{ authorization: 'Basic abc' },
			{ authorization: 'Bearer' },
			{ authorization: 'Bearer not-a-token' },
		]) {
			const res = await call(sim, 'GET', path, { headers });
			expect(res.status).toBe(401);
			expect(res.body.length).toBe(0);
			expect(res.headers['www-authenticate']).toBe('Bearer');
		}

		await sleep(2100);
		const expired = await call(sim, 'GET', path, { token });
		expect(expired.status).toBe(401);
		expect(expired.body.length).toBe(0);

		const fresh = await login(sim, 8);
		sim.revokeAllTokens();
		const revoked = await call(sim, 'GET', path, { token: fresh.access_token });
		expect(revoked.status).toBe(401);
		expect(revoked.text).toBe('');
	});

	test('refresh_token grant issues new tokens and retires the used refresh token', async () => {
		const first = await login(sim, 8);
		const form = {
			grant_type: 'refresh_token',
			refresh_token: first.refresh_token,
			disable_antiforgery_token: 'true',
		};
		const second = await call(sim, 'POST', '/v8/token', { form });
		expect(second.status).toBe(200);
		expect(second.json.access_token).not.toBe(first.access_token);
		expect(
			(await call(sim, 'GET', '/v8/Organizations', { token: second.json.access_token })).status,
		).toBe(200);
		const reuse = await call(sim, 'POST', '/v8/token', { form });
		expect(reuse.status).toBe(400);
		expect(reuse.json.error).toBe('invalid_grant');
		expect(sim.stats.tokenRequests).toEqual({ password: 1, refresh_token: 2 });
	});

	test('refresh still works after the access token expired, but not after revocation', async () => {
		const t = await login(sim, 7);
		await sleep(2100);
		const ok = await call(sim, 'POST', '/v7/token', {
			form: {
				grant_type: 'refresh_token',
				refresh_token: t.refresh_token,
				disable_antiforgery_token: 'true',
			},
		});
		expect(ok.status).toBe(200);
		sim.revokeAllTokens();
		const revoked = await call(sim, 'POST', '/v7/token', {
			form: {
				grant_type: 'refresh_token',
				refresh_token: ok.json.refresh_token,
				disable_antiforgery_token: 'true',
			},
		});
		expect(revoked.status).toBe(400);
	});

	test.each([7, 8])(
		'v%i antiforgery rule: without disable_antiforgery_token the refresh needs the cookie',
		async (v) => {
			const res = await call(sim, 'POST', `/v${v}/token`, { form: passwordForm() });
			expect(res.status).toBe(200);
			const cookie = res.headers['set-cookie'];
			expect(cookie).toHaveLength(1);
			const refresh = {
				grant_type: 'refresh_token',
				refresh_token: res.json.refresh_token,
				disable_antiforgery_token: 'true',
			};
			const refused = await call(sim, 'POST', `/v${v}/token`, { form: refresh });
			expect(refused.status).toBe(400);
			expect(refused.json.error).toBe('invalid_grant');
			expect(refused.json.error_description).toMatch(/antiforgery/i);
			// Bearer calls keep working (antiforgeryStrict is off by default).
			expect(
				(await call(sim, 'GET', `/v${v}/Organizations`, { token: res.json.access_token })).status,
			).toBe(200);
			const withCookie = await call(sim, 'POST', `/v${v}/token`, {
				form: refresh,
				headers: { cookie: cookie[0].split(';')[0] },
			});
			expect(withCookie.status).toBe(200);
			expect(withCookie.headers['set-cookie']).toBeUndefined();
		},
	);

	test('no antiforgery rule before v7', async () => {
		const res = await call(sim, 'POST', '/v6/token', { form: passwordForm() });
		expect(res.headers['set-cookie']).toBeUndefined();
		const refresh = await call(sim, 'POST', '/v6/token', {
			form: { grant_type: 'refresh_token', refresh_token: res.json.refresh_token },
		});
		expect(refresh.status).toBe(200);
	});

	test('logout: absent before v7, 200 in v7, 204 in v8, and revokes the session tokens', async () => {
		const v6 = await login(sim, 6);
		expect((await call(sim, 'POST', '/v6/token/logout', { token: v6.access_token })).status).toBe(
			404,
		);

		const v7 = await login(sim, 7);
		const out7 = await call(sim, 'POST', '/v7/token/logout', { token: v7.access_token });
		expect(out7.status).toBe(200);
		expect(out7.body.length).toBe(0);
		expect((await call(sim, 'GET', '/v7/Organizations', { token: v7.access_token })).status).toBe(
			401,
		);
		const refresh = await call(sim, 'POST', '/v7/token', {
			form: {
				grant_type: 'refresh_token',
				refresh_token: v7.refresh_token,
				disable_antiforgery_token: 'true',
			},
		});
		expect(refresh.status).toBe(400);

		const v8 = await login(sim, 8);
		expect((await call(sim, 'POST', '/v8/token/logout', { token: v8.access_token })).status).toBe(
			204,
		);
		expect((await call(sim, 'POST', '/v8/token/logout', { token: v8.access_token })).status).toBe(
			401,
		);
		// Other sessions are untouched.
		expect((await call(sim, 'GET', '/v6/Organizations', { token: v6.access_token })).status).toBe(
			200,
		);
	});

	test('the request log never holds passwords or tokens', async () => {
		const t = await login(sim, 8);
		await call(sim, 'GET', '/v8/Organizations', { token: t.access_token });
		await call(sim, 'POST', '/v8/token', {
			form: { grant_type: 'refresh_token', refresh_token: t.refresh_token },
		});
		await call(sim, 'PUT', '/v8/VespEmailSettings', {
			token: t.access_token,
			json: { userPassword: 'smtp-Secret-9' },
		});
		const log = JSON.stringify(sim.requests);
		for (const secret of [
			sim.credentials.password,
			t.access_token,
			t.refresh_token,
			'smtp-Secret-9',
		]) {
			expect(log).not.toContain(secret);
		}
		expect(sim.requests[0].body).toEqual({
			grant_type: 'password',
			username: sim.credentials.username,
			password: '[REDACTED]',
			disable_antiforgery_token: 'true',
		});
		expect(sim.requests[1].headers.authorization).toBe('Bearer [REDACTED]');
	});
});

describe('simulator: antiforgeryStrict', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x', antiforgeryStrict: true });
	});
	afterAll(() => sim.stop());

	test('v7+ bearer calls of a cookie-bound session need the cookie', async () => {
		const res = await call(sim, 'POST', '/v8/token', {
			form: {
				grant_type: 'password',
				username: sim.credentials.username,
				password: sim.credentials.password,
			},
		});
		const token = res.json.access_token;
		const cookie = res.headers['set-cookie'][0].split(';')[0];
		expect((await call(sim, 'GET', '/v8/Organizations', { token })).status).toBe(401);
		expect(
			(await call(sim, 'GET', '/v8/Organizations', { token, headers: { cookie } })).status,
		).toBe(200);
		// v6 has no antiforgery, even with the same token.
		expect((await call(sim, 'GET', '/v6/Organizations', { token })).status).toBe(200);
		const optedOut = await login(sim, 8);
		expect(
			(await call(sim, 'GET', '/v8/Organizations', { token: optedOut.access_token })).status,
		).toBe(200);
	});
});
