'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath } = require('../../tools/simulator/client');
const { resolveProfile } = require('../../tools/simulator/versions');

describe('simulator: version profiles', () => {
	test.each([
		['8.x', [5, 6, 7, 8], '8.1.0.331'],
		['7.0', [4, 5, 6, 7], '7.0.0.2911'],
		['6.0', [3, 4, 5, 6], '6.0.0.367'],
		['5.0', [2, 3, 4, 5], '5.0.3.1063'],
		['all', [2, 3, 4, 5, 6, 7, 8], '8.1.0.331'],
	])('profile %s serves %j', async (profile, served, build) => {
		const sim = await startSimulator({ profile });
		try {
			for (let v = 1; v <= 9; v++) {
				const res = await call(sim, 'POST', `/v${v}/token`, {
					form: {
						grant_type: 'password',
						username: sim.credentials.username,
						password: sim.credentials.password,
					},
				});
				if (served.includes(v)) {
					expect(res.status).toBe(200);
				} else {
					expect(res.status).toBe(404);
					expect(Object.keys(res.json)).toEqual(['message']);
				}
			}
			const top = Math.max(...served);
			if (top >= 6) {
				const t = await login(sim, top);
				const si = await call(sim, 'GET', `/v${top}/ServiceInstance`, { token: t.access_token });
				expect(si.json).toEqual({ installationId: sim.fixture.installationId, version: build });
			}
		} finally {
			await sim.stop();
		}
	});

	test('profile aliases and unknown profiles', () => {
		expect(resolveProfile('8').name).toBe('8.x');
		expect(resolveProfile('v7').name).toBe('7.0');
		expect(() => resolveProfile('9.0')).toThrow(/unknown profile/);
	});
});

describe('simulator: routing per version', () => {
	let sim;
	let tokens;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all' });
		tokens = await login(sim, 8);
	});
	afterAll(() => sim.stop());
	const get = (path) => call(sim, 'GET', path, { token: tokens.access_token });
	const post = (path, json) => call(sim, 'POST', path, { token: tokens.access_token, json });

	test('paths match case-insensitively, and IDs too', async () => {
		const att = sim.fixture.item('helpdesk').attachments[0];
		const exact = await get(`/v8${itemPath(att)}/Attachments/${att.id}`);
		expect(exact.status).toBe(200);
		const weird = await get(
			`/V8${itemPath(att).toLowerCase().replace('organization', 'ORGANIZATION')}/attachments/${att.id.toUpperCase()}`,
		);
		expect(weird.status).toBe(200);
		expect(weird.json).toEqual(exact.json);
		expect((await get('/v6/vespemailsettings')).status).toBe(200);
		expect((await get('/v5/VESPEmailSettings')).status).toBe(200);
		expect((await get('/v8/Organizations/')).status).toBe(200);
	});

	test('split endpoints exist from v6, Action endpoints up to v5', async () => {
		const org = sim.fixture.organization('contoso');
		expect((await post(`/v5/Organizations/${org.id}/explore`, { type: 'Vesp' })).status).toBe(404);
		expect(
			(await post(`/v6/Organizations/${org.id}/Action`, { explore: { type: 'Vesp' } })).status,
		).toBe(404);
		const att = sim.fixture.item('helpdesk').attachments[0];
		expect((await post(`/v5${itemPath(att)}/Attachments/save`, {})).status).toBe(404);
		expect((await post(`/v8${itemPath(att)}/Attachments/Action`, { save: null })).status).toBe(404);
		expect((await get('/v5/ServiceInstance')).status).toBe(404);
	});

	test('unknown routes answer 404 RESTExceptionInfo for the version', async () => {
		const v8 = await get('/v8/Nope');
		expect(v8.status).toBe(404);
		expect(v8.json).toEqual({
			message: expect.any(String),
			errorCode: 'ResourceNotFound',
			stackTrace: null,
		});
		const v6 = await get('/v6/Nope');
		expect(v6.json).toEqual({ message: expect.any(String) });
	});

	test('links are absolute https up to v5 and relative from v6', async () => {
		const v5 = await get('/v5/Organizations');
		expect(v5.json[0]._links.self.href).toBe(
			`https://127.0.0.1:${sim.port}/v5/Organizations/${v5.json[0].id}`,
		);
		const v6 = await get('/v6/Organizations');
		expect(v6.json[0]._links.self.href).toBe(`/v6/Organizations/${v6.json[0].id}`);
	});

	test('error bodies: {message} to v6, errorCode from v7 (v7 spec enum only), stackTrace in v8', async () => {
		const rid = '00000000-0000-4000-8000-000000000000';
		const v6 = await get(`/v6/RestoreSessions/${rid}`);
		const v7 = await get(`/v7/RestoreSessions/${rid}`);
		const v8 = await get(`/v8/RestoreSessions/${rid}`);
		for (const r of [v6, v7, v8]) expect(r.status).toBe(404);
		expect(v6.json).toEqual({ message: expect.stringContaining(rid) });
		expect(v7.json).toEqual({ message: expect.any(String), errorCode: null });
		expect(v8.json).toEqual({
			message: expect.any(String),
			errorCode: 'ResourceNotFound',
			stackTrace: null,
		});
	});

	test('malformed JSON is a 400 ParameterValidationFailure', async () => {
		const org = sim.fixture.organization('contoso');
		const res = await call(sim, 'POST', `/v8/Organizations/${org.id}/explore`, {
			token: tokens.access_token,
			body: '{"type": "Vesp",',
			headers: { 'content-type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(res.json.errorCode).toBe('ParameterValidationFailure');
	});
});

describe('simulator: strictV7ErrorCodes off', () => {
	test('v7 then sends the v8 code names', async () => {
		const sim = await startSimulator({ profile: '7.0', strictV7ErrorCodes: false });
		try {
			const t = await login(sim, 7);
			const res = await call(sim, 'GET', '/v7/Organizations/00000000-0000-4000-8000-000000000000', {
				token: t.access_token,
			});
			expect(res.json).toEqual({ message: expect.any(String), errorCode: 'ResourceNotFound' });
		} finally {
			await sim.stop();
		}
	});
});
