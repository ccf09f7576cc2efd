'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath, unzip } = require('../../tools/simulator/client');

const LARGE = [300000, 0, 70000, 123457];

describe('simulator: attachments list and save', () => {
	let sim;
	let token;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all', largeAttachmentSizes: LARGE });
		token = (await login(sim, 8)).access_token;
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());
	const get = (path) => call(sim, 'GET', path, { token });
	const post = (path, json) => call(sim, 'POST', path, { token, json });
	const base = (v, key) => `/v${v}${itemPath(sim.fixture.item(key))}/Attachments`;

	async function expectZipOf(res, atts) {
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/octet-stream');
		expect(res.body.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
		const entries = await unzip(res.body);
		expect(entries.map((e) => e.name)).toEqual(atts.map((a) => a.name));
		for (const [i, e] of entries.entries()) {
			expect(e.utf8).toBe(true);
			expect(e.crcOk).toBe(true);
			expect(e.data.equals(sim.attachmentContent(atts[i].id))).toBe(true);
		}
		return entries;
	}

	test('v2 lists a bare array with `size`; v3-v5 bare arrays with sizeBytes', async () => {
		const item = sim.fixture.item('helpdesk');
		const v2 = (await get(base(2, 'helpdesk'))).json;
		expect(Array.isArray(v2)).toBe(true);
		expect(v2.map((a) => [a.name, a.size, a.sizeBytes])).toEqual(
			item.attachments.map((a) => [a.name, a.sizeBytes, undefined]),
		);
		const v5 = (await get(base(5, 'helpdesk'))).json;
		expect(v5.map((a) => a.sizeBytes)).toEqual(item.attachments.map((a) => a.sizeBytes));
		expect(v5[0]._links.self.href).toMatch(/^https:\/\//);
	});

	test('v8 lists a page with siteId/itemId; v6 has totalCount, no siteId', async () => {
		const item = sim.fixture.item('helpdesk');
		const v8 = (await get(base(8, 'helpdesk'))).json;
		expect(v8).toMatchObject({ offset: 0, limit: 30 });
		expect(v8.results[0]).toMatchObject({
			id: item.attachments[0].id,
			siteId: item.siteId,
			itemId: item.id,
			sizeBytes: 183211,
		});
		expect(v8.results[0].url).toBe(
			'/sites/Contracts/Lists/Contracts/Attachments/42/ACME-42 Signed Contract.pdf',
		);
		const v6 = (await get(base(6, 'helpdesk'))).json;
		expect(v6.totalCount).toBe(4);
		expect(v6.results[0].siteId).toBeUndefined();
		expect((await get(base(8, 'noAttachments'))).json.results).toEqual([]);
	});

	test('get by id (case-insensitive) and unknown id', async () => {
		const att = sim.fixture.item('tricky').attachments[1];
		const one = await get(`${base(8, 'tricky')}/${att.id.toUpperCase()}`);
		expect(one.json).toMatchObject({ id: att.id, name: '見積書.xlsx', sizeBytes: 12288 });
		const other = sim.fixture.item('helpdesk').attachments[0];
		expect((await get(`${base(8, 'tricky')}/${other.id}`)).status).toBe(404);
	});

	test('v8 save of all attachments streams a ZIP equal to the fixture (mixed stored/deflated)', async () => {
		const atts = sim.fixture.item('helpdesk').attachments;
		const entries = await expectZipOf(
			await post(`${base(8, 'helpdesk')}/save`, { attachments: [] }),
			atts,
		);
		expect(entries.map((e) => e.compressionMethod)).toEqual([8, 0, 0, 8]);
		expect(sim.stats.saves).toBe(1);
	});

	test('tricky names, a zero-byte file, and the UTF-8 flag', async () => {
		const atts = sim.fixture.item('tricky').attachments;
		const names = atts.map((a) => a.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'Angebot Müller – 2024.pdf',
				'見積書.xlsx',
				'quote "draft".txt',
				'empty.txt',
			]),
		);
		expect(names.some((n) => n.includes(';'))).toBe(true);
		expect(names.some((n) => n.includes('=') && n.includes('%'))).toBe(true);
		const entries = await expectZipOf(await post(`${base(8, 'tricky')}/save`, {}), atts);
		expect(entries.find((e) => e.name === 'empty.txt').data.length).toBe(0);
	});

	test('selection: chosen ids in request order, duplicates collapse, unknown id 404', async () => {
		const atts = sim.fixture.item('helpdesk').attachments;
		const res = await post(`${base(8, 'helpdesk')}/save`, {
			attachments: [{ id: atts[3].id }, { Id: atts[1].id.toUpperCase() }, { id: atts[3].id }],
		});
		await expectZipOf(res, [atts[3], atts[1]]);
		const unknown = await post(`${base(8, 'helpdesk')}/save`, {
			attachments: [{ id: `${atts[0].itemId}00000000-0000-4000-8000-000000000000` }],
		});
		expect(unknown.status).toBe(404);
		expect(unknown.json.errorCode).toBe('ResourceNotFound');
		const foreign = await post(`${base(8, 'helpdesk')}/save`, {
			attachments: [{ id: sim.fixture.item('duplicateA').attachments[0].id }],
		});
		expect(foreign.status).toBe(404);
		expect((await post(`${base(8, 'helpdesk')}/save`, { attachments: 'all' })).status).toBe(400);
		expect((await post(`${base(8, 'helpdesk')}/save`, { attachments: [{}] })).status).toBe(400);
		expect((await post(`${base(8, 'helpdesk')}/save`)).status).toBe(400);
	});

	test('single-attachment save is a ZIP too', async () => {
		const att = sim.fixture.item('helpdesk').attachments[2];
		const res = await post(`${base(6, 'helpdesk')}/${att.id}/save`);
		await expectZipOf(res, [att]);
		expect(res.headers['content-disposition']).toBe(
			"attachment; filename*=UTF-8''Whiteboard%20photo.png.zip",
		);
	});

	test('duplicate names across items stay separate', async () => {
		const a = sim.fixture.item('duplicateA').attachments;
		const b = sim.fixture.item('duplicateB').attachments;
		expect(a.map((x) => x.name)).toEqual(b.map((x) => x.name));
		await expectZipOf(await post(`${base(8, 'duplicateA')}/save`, {}), a);
		await expectZipOf(await post(`${base(8, 'duplicateB')}/save`, {}), b);
		expect(sim.attachmentContent(a[0].id).equals(sim.attachmentContent(b[0].id))).toBe(false);
	});

	test('v5 Action save (key case-insensitive, null or selection) and v2 save', async () => {
		const atts = sim.fixture.item('helpdesk').attachments;
		await expectZipOf(await post(`${base(5, 'helpdesk')}/Action`, { save: null }), atts);
		await expectZipOf(
			await post(`${base(5, 'helpdesk')}/action`, { Save: { attachments: [{ id: atts[0].id }] } }),
			[atts[0]],
		);
		await expectZipOf(await post(`${base(2, 'helpdesk')}/Action`, { save: null }), atts);
		expect((await post(`${base(5, 'helpdesk')}/Action`, { save: null, sendTo: {} })).status).toBe(
			400,
		);
		expect((await post(`${base(5, 'helpdesk')}/Action`, { restoreTo: {} })).status).toBe(400);
	});

	test('the large item uses the configured sizes, and many-attachment items page', async () => {
		const large = sim.fixture.item('large');
		expect(large.attachments.map((a) => a.sizeBytes)).toEqual(LARGE);
		await expectZipOf(await post(`${base(8, 'large')}/save`, {}), large.attachments);
		expect(sim.fixture.item('many').attachments.length).toBeGreaterThanOrEqual(45);
	});

	test('attachmentStream yields the same bytes as attachmentContent', async () => {
		const att = sim.fixture.item('large').attachments[0];
		const chunks = [];
		for await (const c of sim.attachmentStream(att.id)) chunks.push(c);
		expect(Buffer.concat(chunks).equals(sim.attachmentContent(att.id))).toBe(true);
		expect(() => sim.attachmentContent('nope')).toThrow(/no attachment/);
	});
});

describe('simulator: Content-Disposition modes and ZIP64', () => {
	const item = (sim) => sim.fixture.item('tricky');
	const save = async (sim) => {
		const t = await login(sim, 8);
		return call(sim, 'POST', `/v8${itemPath(item(sim).attachments[0])}/Attachments/save`, {
			token: t.access_token,
			json: {},
		});
	};

	test.each([
		['none', () => undefined],
		[
			'filename',
			(title) => `attachment; filename="${Buffer.from(`${title}.zip`).toString('latin1')}"`,
		],
		['filename*', (title) => `attachment; filename*=UTF-8''${encodeURIComponent(`${title}.zip`)}`],
		[
			'both',
			(title) =>
				`attachment; filename="M_ller GmbH _ Verl_ngerung 2024.zip"; filename*=UTF-8''${encodeURIComponent(`${title}.zip`)}`,
		],
	])('contentDisposition %s', async (mode, expected) => {
		const sim = await startSimulator({ contentDisposition: mode });
		try {
			const res = await save(sim);
			expect(res.status).toBe(200);
			expect(res.headers['content-disposition']).toBe(expected(item(sim).title));
		} finally {
			await sim.stop();
		}
	});

	test('filename* escapes quotes and other attr-chars', () => {
		const { contentDisposition } = require('../../tools/simulator/routes/attachments');
		expect(contentDisposition('filename*', `quote "draft" (1)'s.zip`)).toBe(
			"attachment; filename*=UTF-8''quote%20%22draft%22%20%281%29%27s.zip",
		);
		expect(contentDisposition('filename', 'a"b\\c.zip')).toBe(
			'attachment; filename="a\\"b\\\\c.zip"',
		);
	});

	test('forceZip64 writes ZIP64 records that still unzip', async () => {
		const sim = await startSimulator({ forceZip64: true });
		try {
			const res = await save(sim);
			// ZIP64 end of central directory record signature.
			expect(res.body.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
			const entries = await unzip(res.body);
			expect(entries.map((e) => e.name)).toEqual(item(sim).attachments.map((a) => a.name));
			for (const e of entries) expect(e.crcOk).toBe(true);
		} finally {
			await sim.stop();
		}
	});

	test('an unknown contentDisposition mode is rejected at start', async () => {
		await expect(startSimulator({ contentDisposition: 'inline' })).rejects.toThrow(
			/contentDisposition/,
		);
	});
});
