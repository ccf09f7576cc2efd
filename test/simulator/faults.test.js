'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath, unzip } = require('../../tools/simulator/client');

/** Reads a streamed response to the end or to its failure: {status, body, error}. */
function readAll(res) {
	return new Promise((resolve) => {
		const chunks = [];
		let settled = false;
		const done = (error) => {
			if (settled) return;
			settled = true;
			resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), error });
		};
		res.on('data', (c) => chunks.push(c));
		res.on('end', () => done(res.complete ? null : new Error('incomplete')));
		res.on('aborted', () => done(new Error('aborted')));
		res.on('error', (e) => done(e));
		res.on('close', () => done(res.complete ? null : new Error('closed early')));
	});
}

describe('simulator: fault injection', () => {
	let sim;
	let token;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all' });
	});
	afterAll(() => sim.stop());
	beforeEach(async () => {
		sim.reset();
		token = (await login(sim, 8)).access_token;
	});
	const helpdesk = () => sim.fixture.item('helpdesk');
	const savePath = (v = 8) => `/v${v}${itemPath(helpdesk())}/Attachments/save`;
	const save = (opts = {}) => call(sim, 'POST', savePath(), { token, json: {}, ...opts });
	const orgs = (v = 8) => call(sim, 'GET', `/v${v}/Organizations`, { token });

	test('rule validation', () => {
		expect(() => sim.faults.add({ path: 'x' })).toThrow(/needs one of/);
		expect(() => sim.faults.add({ status: 200 })).toThrow(/status/);
		expect(() => sim.faults.add({ path: '(', status: 500 })).toThrow();
		expect(() => sim.faults.add({ status: 500, times: 0 })).toThrow(/times/);
	});

	test('latencyMs delays matching requests, `times` limits the rule', async () => {
		sim.faults.add({ path: '/organizations$', latencyMs: 800, times: 1 });
		let t = Date.now();
		expect((await orgs()).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(780);
		t = Date.now();
		await orgs();
		expect(Date.now() - t).toBeLessThan(500);
		expect(sim.faults.list()).toEqual([]);
	});

	test('status 503 with Retry-After for the next N requests, then success', async () => {
		sim.faults.add({ method: 'GET', path: '/Organizations', status: 503, retryAfter: 2, times: 2 });
		for (let i = 0; i < 2; i++) {
			const res = await orgs();
			expect(res.status).toBe(503);
			expect(res.headers['retry-after']).toBe('2');
			expect(res.json).toEqual({ message: expect.any(String), errorCode: null, stackTrace: null });
		}
		expect((await orgs()).status).toBe(200);
		expect(sim.requests.filter((r) => r.faults).length).toBe(2);
	});

	test('skip lets the first N matching requests through', async () => {
		sim.faults.add({ path: '/Organizations$', skip: 2, times: 1, status: 500 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await orgs()).status);
		expect(statuses).toEqual([200, 200, 500, 200]);
		expect(() => sim.faults.add({ status: 500, skip: -1 })).toThrow(/skip/);
	});

	test('method and version filters', async () => {
		sim.faults.add({ method: 'POST', path: '/attachments/save$', version: 7, status: 500 });
		expect((await save()).status).toBe(200);
		const t7 = (await login(sim, 7)).access_token;
		const v7 = await call(sim, 'POST', savePath(7), { token: t7, json: {} });
		expect(v7.status).toBe(500);
		expect(v7.json).toEqual({ message: expect.any(String), errorCode: null });
		sim.faults.clear();
		expect((await call(sim, 'POST', savePath(7), { token: t7, json: {} })).status).toBe(200);
	});

	test('resetAfterBytes destroys the connection mid-body', async () => {
		sim.faults.add({ path: '/save$', resetAfterBytes: 5000, times: 1 });
		const res = await readAll(await save({ stream: true }));
		expect(res.status).toBe(200);
		expect(res.error).toBeTruthy();
		expect(res.body.length).toBe(5000);
		expect((await save()).status).toBe(200);
	});

	test('truncateAfterBytes ends the response cleanly after K bytes', async () => {
		sim.faults.add({ path: '/save$', truncateAfterBytes: 5000 });
		const res = await readAll(await save({ stream: true }));
		expect(res.error).toBeNull();
		expect(res.body.length).toBe(5000);
		await expect(unzip(res.body)).rejects.toThrow();
	});

	test('corruptEntryDataAt flips a byte inside the first entry’s compressed data', async () => {
		const clean = await save();
		sim.faults.add({ path: '/save$', corruptEntryDataAt: 50, times: 1 });
		const bad = await save();
		expect(bad.body.length).toBe(clean.body.length);
		const diff = [...bad.body.keys()].filter((i) => bad.body[i] !== clean.body[i]);
		expect(diff).toHaveLength(1);
		const nameLen = clean.body.readUInt16LE(26);
		const extraLen = clean.body.readUInt16LE(28);
		expect(diff[0]).toBe(30 + nameLen + extraLen + 50);
		let failed = false;
		try {
			const entries = await unzip(bad.body);
			failed = !entries[0].crcOk;
		} catch {
			failed = true;
		}
		expect(failed).toBe(true);
	});

	test('corruptAt flips the byte at an absolute offset', async () => {
		const clean = await save();
		sim.faults.add({ path: '/save$', corruptAt: 3, times: 1 });
		const bad = await save();
		expect(bad.body[3]).toBe(clean.body[3] ^ 0xa5);
		expect(bad.body.subarray(4).equals(clean.body.subarray(4))).toBe(true);
	});

	test('corruptCrc falsifies only the stored CRC of the first entry', async () => {
		sim.faults.add({ path: '/save$', corruptCrc: true, times: 1 });
		const entries = await unzip((await save()).body);
		expect(entries[0].crcOk).toBe(false);
		expect(entries[0].data.equals(sim.attachmentContent(helpdesk().attachments[0].id))).toBe(true);
		expect(entries.slice(1).every((e) => e.crcOk)).toBe(true);
	});

	test('revokeTokens revokes every token before handling the request', async () => {
		const other = (await login(sim, 6)).access_token;
		sim.faults.add({ path: '/Organizations$', revokeTokens: true, times: 1 });
		expect((await orgs()).status).toBe(401);
		expect((await call(sim, 'GET', '/v6/Organizations', { token: other })).status).toBe(401);
		const fresh = (await login(sim, 8)).access_token;
		expect((await call(sim, 'GET', '/v8/Organizations', { token: fresh })).status).toBe(200);
	});

	test('dripBytes/dripIntervalMs slow a download without changing it', async () => {
		const att = helpdesk().attachments[3];
		const body = { attachments: [{ id: att.id }] };
		const clean = await save({ json: body });
		const chunks = Math.ceil(clean.body.length / 500);
		sim.faults.add({ path: '/save$', dripBytes: 500, dripIntervalMs: 40, times: 1 });
		const t = Date.now();
		const slow = await save({ json: body });
		expect(Date.now() - t).toBeGreaterThanOrEqual(chunks * 40 * 0.8);
		const entries = await unzip(slow.body);
		expect(entries[0].data.equals(sim.attachmentContent(att.id))).toBe(true);
	});

	test('nullFields and setFields rewrite JSON responses (links untouched)', async () => {
		sim.faults.add({ path: '/Attachments$', nullFields: ['name', 'sizeBytes'], times: 1 });
		const list = await call(sim, 'GET', `/v8${itemPath(helpdesk())}/Attachments`, { token });
		expect(
			list.json.results.every(
				(a) => a.name === null && a.sizeBytes === null && typeof a.id === 'string',
			),
		).toBe(true);
		expect(list.json._links.self.href).toEqual(expect.any(String));
		const rid = sim.fixture.restoreSession.id;
		sim.faults.add({ path: `/RestoreSessions/${rid}$`, setFields: { state: 'Paused' } });
		const s = await call(sim, 'GET', `/v8/RestoreSessions/${rid}`, { token });
		expect(s.json.state).toBe('Paused');
		expect(s.json.type).toBe('Vesp');
	});

	test('control routes: faults, outbox, stats, email settings, revoke, reset', async () => {
		const added = await call(sim, 'POST', '/__sim/faults', {
			json: [
				{ path: '/Organizations$', status: 500, times: 1 },
				{ latencyMs: 1, path: '/nothing' },
			],
		});
		expect(added.status).toBe(201);
		expect(added.json.map((r) => r.id)).toEqual([expect.any(String), expect.any(String)]);
		expect((await call(sim, 'GET', '/__sim/faults')).json).toHaveLength(2);
		expect((await call(sim, 'DELETE', `/__sim/faults/${added.json[1].id}`)).status).toBe(204);
		expect((await call(sim, 'GET', '/__sim/faults')).json).toHaveLength(1);
		expect((await orgs()).status).toBe(500);
		expect((await call(sim, 'POST', '/__sim/faults', { json: { path: 'x' } })).status).toBe(400);
		expect((await call(sim, 'DELETE', '/__sim/faults')).status).toBe(204);

		expect(
			(await call(sim, 'PUT', '/__sim/email-settings', { json: { configured: true } })).status,
		).toBe(204);
		await call(sim, 'POST', `/v8${itemPath(helpdesk())}/Attachments/send`, {
			token,
			json: { to: 'a@contoso.com' },
		});
		const outbox = await call(sim, 'GET', '/__sim/outbox');
		expect(outbox.json).toHaveLength(1);
		expect(outbox.json[0].to).toBe('a@contoso.com');

		const stats = await call(sim, 'GET', '/__sim/stats');
		expect(stats.json).toMatchObject({ tokenRequests: { password: 1 }, sends: 1 });
		expect(stats.json.connections).toBeGreaterThan(3);
		expect(stats.json.requests).toBe(3); // login, GET Organizations, send; control routes not counted
		expect((await call(sim, 'GET', '/__sim/requests')).json.length).toBeGreaterThan(3);
		expect((await call(sim, 'GET', '/__sim/fixture')).json.restoreSession.id).toBe(
			sim.fixture.restoreSession.id,
		);
		const att = helpdesk().attachments[1];
		const content = await call(sim, 'GET', `/__sim/attachments/${att.id}/content`);
		expect(content.body.equals(sim.attachmentContent(att.id))).toBe(true);
		expect((await call(sim, 'GET', '/__sim/attachments/nope/content')).status).toBe(404);

		expect((await call(sim, 'POST', '/__sim/revoke-tokens')).status).toBe(204);
		expect((await orgs()).status).toBe(401);
		expect((await call(sim, 'POST', '/__sim/reset')).status).toBe(204);
		expect(sim.outbox).toEqual([]);
		expect(sim.stats.sends).toBe(0);
	});

	test('faults never apply to control routes', async () => {
		sim.faults.add({ status: 500 });
		expect((await call(sim, 'GET', '/__sim/stats')).status).toBe(200);
		expect((await orgs()).status).toBe(500);
		sim.faults.clear();
	});
});
