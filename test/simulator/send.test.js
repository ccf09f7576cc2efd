'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath } = require('../../tools/simulator/client');

describe('simulator: send attachments and VESP email settings', () => {
	let sim;
	let token;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all', emailSettings: 'unconfigured' });
		token = (await login(sim, 8)).access_token;
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());
	const post = (path, json) => call(sim, 'POST', path, { token, json });
	const base = (v, key = 'helpdesk') => `/v${v}${itemPath(sim.fixture.item(key))}/Attachments`;

	test('refused while the email settings are not configured', async () => {
		for (const [path, body] of [
			[`${base(8)}/send`, { to: 'agent@contoso.com' }],
			[`${base(5)}/Action`, { sendTo: { to: 'agent@contoso.com' } }],
		]) {
			const res = await post(path, body);
			expect(res.status).toBe(400);
			expect(res.json.message).toMatch(/email notification settings are not configured/);
		}
		expect(sim.outbox).toEqual([]);
		sim.setEmailSettings({
			server: 'smtp.contoso.com',
			from: 'a@contoso.com',
			enableNotification: false,
		});
		expect((await post(`${base(8)}/send`, { to: 'agent@contoso.com' })).status).toBe(400);
	});

	test('v5 Action with a lowercase `sendto` key and capitalised properties', async () => {
		sim.setEmailSettings(true);
		const atts = sim.fixture.item('helpdesk').attachments;
		const res = await post(`${base(5)}/Action`, {
			sendto: {
				From: 'helpdesk@contoso.com',
				To: 'customer@fabrikam.com',
				Subject: 'Your files',
				Text: 'Attached.',
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.length).toBe(0);
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			to: 'customer@fabrikam.com',
			from: 'helpdesk@contoso.com',
			subject: 'Your files',
			text: 'Attached.',
			attachments: atts.map((a) => ({ id: a.id, name: a.name, sizeBytes: a.sizeBytes })),
			restoreSessionId: sim.fixture.restoreSession.id,
			siteId: atts[0].siteId,
			itemId: atts[0].itemId,
			apiVersion: 5,
		});
		const selected = await post(`${base(5)}/Action`, {
			SendTo: { to: 'x@contoso.com', attachments: [{ id: atts[2].id }] },
		});
		expect(selected.status).toBe(200);
		expect(sim.outbox[1].attachments.map((a) => a.name)).toEqual(['Whiteboard photo.png']);
		expect(sim.outbox[1].from).toBe(sim.fixture.emailSettings.configured.from);
	});

	test.each([
		[6, 200],
		[7, 200],
		[8, 204],
	])('v%i send answers %i with no body; single send too', async (v, status) => {
		sim.setEmailSettings('configured');
		const atts = sim.fixture.item('tricky').attachments;
		const many = await post(`${base(v, 'tricky')}/send`, {
			attachments: [{ id: atts[0].id }, { id: atts[1].id }],
			to: 'kunde@example.de',
			subject: 'Angebot',
			text: 'Bitte prüfen',
		});
		expect(many.status).toBe(status);
		expect(many.body.length).toBe(0);
		const one = await post(`${base(v, 'tricky')}/${atts[4].id}/send`, { to: 'kunde@example.de' });
		expect(one.status).toBe(status);
		expect(sim.outbox.map((m) => m.attachments.map((a) => a.name))).toEqual([
			['Angebot Müller – 2024.pdf', '見積書.xlsx'],
			['quote "draft".txt'],
		]);
		expect(sim.outbox.every((m) => m.apiVersion === v)).toBe(true);
		expect(sim.stats.sends).toBe(2);
	});

	test('validation: `to` required and a valid address, `from` valid if given, strings only', async () => {
		sim.setEmailSettings(true);
		const cases = [
			[{}, /\bto\b/],
			[{ to: '' }, /\bto\b/],
			[{ to: 'not-an-address' }, /\bto\b/],
			[{ to: 'a@contoso.com; b@contoso.com' }, /\bto\b/],
			[{ to: 'a@contoso.com', from: 'nobody' }, /\bfrom\b/],
			[{ to: 42 }, /\bto\b/],
			[{ to: 'a@contoso.com', subject: ['x'] }, /subject/],
		];
		for (const [body, pattern] of cases) {
			const v8 = await post(`${base(8)}/send`, body);
			expect(v8.status).toBe(400);
			expect(v8.json.errorCode).toBe('ParameterValidationFailure');
			expect(v8.json.message).toMatch(pattern);
		}
		const v7 = await post(`${base(7)}/send`, { to: 'bad' });
		expect(v7.json.errorCode).toBeNull();
		const v5 = await post(`${base(5)}/Action`, { sendTo: null });
		expect(v5.status).toBe(400);
		expect(v5.json).toEqual({ message: expect.stringMatching(/\bto\b/) });
		expect((await post(`${base(8)}/send`)).status).toBe(400);
		const unknown = await post(`${base(8)}/send`, {
			to: 'a@contoso.com',
			attachments: [{ id: 'x' }],
		});
		expect(unknown.status).toBe(404);
		expect(sim.outbox).toEqual([]);
	});

	test('GET/PUT VespEmailSettings per version; omitted fields stay, password never returned', async () => {
		const v6 = await call(sim, 'GET', '/v6/VespEmailSettings', { token });
		expect(v6.json).toMatchObject({ enableNotification: false, server: '', from: '' });
		expect(v6.json.authenticationType).toBeUndefined();
		const put = await call(sim, 'PUT', '/v6/VespEmailSettings', {
			token,
			json: {
				enableNotification: true,
				server: 'smtp.contoso.com',
				port: 587,
				from: 'vb365@contoso.com',
				userPassword: 'S3cret!',
			},
		});
		expect(put.status).toBe(200);
		const partial = await call(sim, 'PUT', '/v8/VESPEmailSettings', {
			token,
			json: { useSSL: true },
		});
		expect(partial.status).toBe(204);
		const v8 = await call(sim, 'GET', '/v8/VespEmailSettings', { token });
		expect(v8.json).toMatchObject({
			enableNotification: true,
			server: 'smtp.contoso.com',
			port: 587,
			from: 'vb365@contoso.com',
			useSSL: true,
			authenticationType: 'CustomSmtp',
		});
		expect(v8.text).not.toContain('S3cret!');
		expect((await post(`${base(8)}/send`, { to: 'a@contoso.com' })).status).toBe(204);
		for (const bad of [
			{ port: 'x' },
			{ port: 70000 },
			{ enableNotification: 'yes' },
			{ from: 'nobody' },
		]) {
			expect((await call(sim, 'PUT', '/v8/VespEmailSettings', { token, json: bad })).status).toBe(
				400,
			);
		}
	});

	test('SendTestEmail: 200 to v7, 204 in v8, recorded as a test message', async () => {
		expect(
			(await post('/v8/VespEmailSettings/SendTestEmail', { email: 'ops@contoso.com' })).status,
		).toBe(400);
		sim.setEmailSettings(true);
		expect(
			(await post('/v7/VespEmailSettings/SendTestEmail', { email: 'ops@contoso.com' })).status,
		).toBe(200);
		expect(
			(await post('/v8/VespEmailSettings/SendTestEmail', { email: 'ops@contoso.com' })).status,
		).toBe(204);
		expect((await post('/v8/VespEmailSettings/SendTestEmail', { email: 'nope' })).status).toBe(400);
		expect(sim.outbox).toHaveLength(2);
		expect(sim.outbox[0]).toMatchObject({
			to: 'ops@contoso.com',
			test: true,
			subject: expect.stringMatching(/test/i),
			attachments: [],
		});
	});

	test('sim.setEmailSettings validates its argument', () => {
		expect(() => sim.setEmailSettings('maybe')).toThrow(/emailSettings/);
	});
});
