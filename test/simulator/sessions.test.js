'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login } = require('../../tools/simulator/client');

describe('simulator: restore sessions', () => {
	let sim;
	let token;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all' });
		token = (await login(sim, 8)).access_token;
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());
	const get = (path) => call(sim, 'GET', path, { token });
	const post = (path, json) => call(sim, 'POST', path, { token, json });
	const org = () => sim.fixture.organization('contoso');
	const helpdesk = () => sim.fixture.item('helpdesk');
	const attachmentsOf = (v, rid) =>
		get(
			`/v${v}/RestoreSessions/${rid}/Organization/Sites/${helpdesk().siteId}/Items/${helpdesk().id}/Attachments`,
		);

	test('the pre-existing session is a Working Vesp session with a known id', async () => {
		const s = sim.fixture.restoreSession;
		const res = await get(`/v8/RestoreSessions/${s.id.toUpperCase()}`);
		expect(res.json).toMatchObject({
			id: s.id,
			type: 'Vesp',
			state: 'Working',
			result: 'Success',
			organization: 'contoso.onmicrosoft.com',
			creationTime: s.creationTime,
			endTime: null,
			eTag: 1,
		});
		const v7 = await get(`/v7/RestoreSessions/${s.id}`);
		expect(v7.json.eTag).toBeUndefined();
	});

	test('v5 Action explore: 201, legacy datetime format and lowercase type', async () => {
		const res = await post(`/v5/Organizations/${org().id}/Action`, {
			explore: {
				datetime: '2024.05.12 10:00:00',
				type: 'vesp',
				showDeleted: 'true',
				showAllVersions: 'false',
			},
		});
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({
			type: 'Vesp',
			state: 'Working',
			initiatedBy: sim.credentials.username,
		});
		const s = sim.state.session(res.json.id);
		expect(s.pointInTime).toBe('2024-05-12T10:00:00.000Z');
		expect(s.showDeleted).toBe(true);
		expect(res.json._links.self.href).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v5\/RestoreSessions\//);
	});

	test('v5 Action rejects other actions and bad values', async () => {
		expect((await post(`/v5/Organizations/${org().id}/Action`, { restore: {} })).status).toBe(400);
		expect(
			(await post(`/v5/Organizations/${org().id}/Action`, { explore: { type: 'Exchange' } }))
				.status,
		).toBe(400);
		expect(
			(await post(`/v4/Organizations/${org().id}/Action`, { explore: { type: 'vet' } })).status,
		).toBe(400);
		expect(
			(await post(`/v5/Organizations/${org().id}/Action`, { explore: { datetime: 'yesterday' } }))
				.status,
		).toBe(400);
		expect(
			(await post('/v5/Organizations/00000000-0000-4000-8000-000000000000/Action', { explore: {} }))
				.status,
		).toBe(404);
	});

	test.each([
		[6, 200],
		[7, 200],
		[8, 201],
	])('v%i explore answers %i with a RESTRestoreSession', async (v, status) => {
		const body = {
			dateTime: '2024-04-01T00:00:00Z',
			type: 'Vesp',
			showDeleted: false,
			showAllVersions: true,
		};
		if (v === 8) body.repositoryId = null;
		const res = await post(`/v${v}/Organizations/${org().id}/explore`, body);
		expect(res.status).toBe(status);
		expect(res.json).toMatchObject({ type: 'Vesp', state: 'Working', result: 'Success' });
		expect(sim.state.session(res.json.id).pointInTime).toBe('2024-04-01T00:00:00.000Z');
		expect((await attachmentsOf(v, res.json.id)).status).toBe(200);
	});

	test('explore without a type makes a Vex session, which has no SharePoint data', async () => {
		const res = await post(`/v8/Organizations/${org().id}/explore`, {});
		expect(res.json.type).toBe('Vex');
		const sites = await get(`/v8/RestoreSessions/${res.json.id}/Organization/Sites`);
		expect(sites.status).toBe(400);
	});

	test('list: page from v5 (bare array before), newest first, offset/limit, time filters', async () => {
		const a = await post(`/v8/Organizations/${org().id}/explore`, { type: 'Vesp' });
		const b = await post(`/v8/Organizations/${org().id}/explore`, { type: 'Vesp' });
		const page = await get('/v8/RestoreSessions?limit=2');
		expect(page.json.results.map((s) => s.id).sort()).toEqual([a.json.id, b.json.id].sort());
		expect(page.json._links.next.href).toBe('/v8/RestoreSessions?offset=2&limit=2');
		const asc = await get('/v8/RestoreSessions?orderAsc=true');
		expect(asc.json.results[0].id).toBe(sim.fixture.restoreSession.id);
		const old = await get('/v6/RestoreSessions?startTimeTo=2024-12-31T00:00:00Z');
		expect(old.json.results.map((s) => s.id)).toEqual([sim.fixture.restoreSession.id]);
		expect(old.json.totalCount).toBe(1);
		const v5 = await get('/v5/RestoreSessions');
		expect(v5.json.results).toHaveLength(3);
		const v4 = await get('/v4/RestoreSessions');
		expect(Array.isArray(v4.json)).toBe(true);
	});

	test('v5 stop via Action {"stop": null}; the stopped session refuses further actions', async () => {
		const s = await post(`/v5/Organizations/${org().id}/Action`, { explore: { type: 'vesp' } });
		const rid = s.json.id;
		expect((await post(`/v5/RestoreSessions/${rid}/Action`, { stop: {} })).status).toBe(400);
		const stop = await post(`/v5/RestoreSessions/${rid}/Action`, { stop: null });
		expect(stop.status).toBe(200);
		expect(stop.body.length).toBe(0);
		const after = await get(`/v5/RestoreSessions/${rid}`);
		expect(after.json).toMatchObject({ state: 'Stopped', endTime: expect.any(String) });
		const refused = await attachmentsOf(5, rid);
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({ message: expect.stringMatching(/stopped/i) });
		const save = await post(
			`/v5/RestoreSessions/${rid}/Organization/Sites/${helpdesk().siteId}/Items/${helpdesk().id}/Attachments/Action`,
			{ save: null },
		);
		expect(save.status).toBe(400);
		expect((await post(`/v5/RestoreSessions/${rid}/Action`, { stop: null })).status).toBe(400);
	});

	test.each([
		[6, 200, undefined],
		[7, 200, null],
		[8, 204, 'OperationConflict'],
	])('v%i Stop answers %i; refusal errorCode %p', async (v, status, code) => {
		const s = await post(`/v${v}/Organizations/${org().id}/explore`, { type: 'Vesp' });
		const rid = s.json.id;
		const stop = await post(`/v${v}/RestoreSessions/${rid}/Stop`);
		expect(stop.status).toBe(status);
		expect(stop.body.length).toBe(0);
		const refused = await attachmentsOf(v, rid);
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/stopped/i);
		expect(refused.json.errorCode).toBe(code);
		const again = await post(`/v${v}/RestoreSessions/${rid}/Stop`);
		expect(again.status).toBe(400);
		if (v === 8) expect((await get(`/v8/RestoreSessions/${rid}`)).json.eTag).toBe(2);
	});

	test('events record saves and sends', async () => {
		const rid = sim.fixture.restoreSession.id;
		const base = `/v8/RestoreSessions/${rid}/Organization/Sites/${helpdesk().siteId}/Items/${helpdesk().id}/Attachments`;
		expect((await post(`${base}/save`, {})).status).toBe(200);
		expect((await post(`${base}/send`, { to: 'agent@contoso.com' })).status).toBe(204);
		const events = await get(`/v8/RestoreSessions/${rid}/Events`);
		expect(events.json.results.map((e) => [e.type, e.status, e.order])).toEqual([
			['Save', 'Success', 1],
			['Send', 'Success', 2],
		]);
		expect(events.json.results[1].target).toBe('agent@contoso.com');
		const one = await get(
			`/v8/RestoreSessions/${rid}/Events/${events.json.results[0].id.toUpperCase()}`,
		);
		expect(one.json.id).toBe(events.json.results[0].id);
		expect(
			(await get(`/v8/RestoreSessions/${rid}/Events/00000000-0000-4000-8000-000000000000`)).status,
		).toBe(404);
		expect((await get(`/v8/RestoreSessions/${rid}`)).json.eTag).toBe(3);
	});
});
