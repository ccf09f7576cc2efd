'use strict';
// What the reliability suite adds: the opt-in hostile fixture (file names, ZIP bombs), the
// redirect, dropConnection and stall faults, and issuedTokens().
const yauzl = require('yauzl');
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath, unzip } = require('../../tools/simulator/client');
const { HOSTILE_NAMES } = require('../../tools/simulator/fixture-hostile');

const MiB = 1024 * 1024;

/** Entry names exactly as stored (yauzl's own name checks would refuse `..` and absolute paths). */
function rawEntryNames(buffer) {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false }, (err, zip) => {
			if (err) return reject(err);
			const names = [];
			zip.on('error', reject);
			zip.on('entry', (entry) => {
				names.push(entry.fileName.toString('utf8'));
				zip.readEntry();
			});
			zip.on('end', () => resolve(names));
			zip.readEntry();
		});
	});
}

describe('simulator: hostile fixture items', () => {
	let sim;
	let token;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x', hostileItems: true });
		token = (await login(sim, 8)).access_token;
	});
	afterAll(() => sim.stop());

	const saveAll = (item) =>
		call(sim, 'POST', `/v8${itemPath(item)}/Attachments/save`, {
			token,
			json: { attachments: [] },
		});

	test('are absent unless asked for', async () => {
		const plain = await startSimulator({ profile: '8.x' });
		try {
			expect(plain.fixture.item('hostileNames')).toBeUndefined();
			expect(plain.fixture.lists.map((l) => l.key)).not.toContain('quarantine');
			// The regular data model keeps its IDs either way.
			expect(sim.fixture.item('helpdesk')).toEqual(plain.fixture.item('helpdesk'));
			expect(sim.fixture.items.length).toBe(plain.fixture.items.length + 3);
		} finally {
			await plain.stop();
		}
	});

	test('hostile names are listed unchanged and stored raw in the ZIP', async () => {
		const item = sim.fixture.item('hostileNames');
		const listed = await call(sim, 'GET', `/v8${itemPath(item)}/Attachments?limit=100`, { token });
		expect(listed.json.results.map((a) => a.name)).toEqual(HOSTILE_NAMES);
		const res = await saveAll(item);
		expect(res.status).toBe(200);
		expect(await rawEntryNames(res.body)).toEqual(HOSTILE_NAMES);
		// The local header (what a streaming reader sees first) carries the same raw name.
		const firstNameLength = res.body.readUInt16LE(26);
		expect(res.body.subarray(30, 30 + firstNameLength).toString('utf8')).toBe(HOSTILE_NAMES[0]);
		expect(res.headers['content-disposition']).toBe(
			`attachment; filename*=UTF-8''${encodeURIComponent('..\\..\\AUX.zip')}`,
		);
	});

	test('the honest bomb lists its real size and deflates about 1000:1', async () => {
		const item = sim.fixture.item('bomb');
		const [att] = item.attachments;
		expect(att.sizeBytes).toBe(8 * MiB);
		const res = await saveAll(item);
		expect(res.body.length).toBeLessThan(att.sizeBytes / 900);
		const [entry] = await unzip(res.body);
		expect(entry.data.equals(Buffer.alloc(8 * MiB))).toBe(true);
		expect(entry.crcOk).toBe(true);
	});

	test('the lying item lists 4 KiB but its entry holds 64 MiB', async () => {
		const item = sim.fixture.item('lyingSize');
		const [att] = item.attachments;
		const listed = await call(sim, 'GET', `/v8${itemPath(item)}/Attachments`, { token });
		expect(listed.json.results[0].sizeBytes).toBe(4096);
		expect(sim.attachmentContent(att.id).length).toBe(64 * MiB);
		const [entry] = await unzip((await saveAll(item)).body);
		expect(entry.data.length).toBe(64 * MiB);
	});
});

describe('simulator: redirect fault and issued tokens', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	test('redirect answers 307 (or redirectStatus) with the Location, before authentication', async () => {
		sim.faults.add({
			path: '/Organizations$',
			redirect: 'https://127.0.0.1:1/elsewhere',
			times: 1,
		});
		const first = await call(sim, 'GET', '/v8/Organizations');
		expect(first.status).toBe(307);
		expect(first.headers.location).toBe('https://127.0.0.1:1/elsewhere');
		sim.faults.add({
			path: '/token$',
			redirect: 'https://example.invalid/token',
			redirectStatus: 302,
		});
		const token = await call(sim, 'POST', '/v8/token', { form: { grant_type: 'password' } });
		expect(token.status).toBe(302);
		expect(sim.requests.at(-1).faults).toHaveLength(1);
	});

	test('redirect rules are validated', () => {
		expect(() => sim.faults.add({ redirect: '/relative' })).toThrow(/absolute/);
		expect(() => sim.faults.add({ redirect: 'https://x.test/', redirectStatus: 200 })).toThrow(
			/300-399/,
		);
	});

	test('issuedTokens() returns every access and refresh token handed out', async () => {
		const a = await login(sim, 8);
		const b = await login(sim, 7, { disable_antiforgery_token: 'false' });
		const issued = sim.issuedTokens();
		for (const t of [a.access_token, a.refresh_token, b.access_token, b.refresh_token]) {
			expect(issued).toContain(t);
		}
		expect(issued.length).toBeGreaterThanOrEqual(5); // b also has an antiforgery token
	});
});

test('dropConnection closes the connection without any answer', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		sim.faults.add({ path: '/Organizations$', dropConnection: true, times: 1 });
		await expect(call(sim, 'GET', '/v8/Organizations')).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(sim.requests.at(-1)).toMatchObject({
			status: null,
			error: expect.stringMatching(/dropped/),
		});
		expect((await call(sim, 'GET', '/v8/Organizations')).status).toBe(401);
	} finally {
		await sim.stop();
	}
});

test('stallAfterBytes sends the first bytes, goes quiet for stallMs, then finishes intact', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		const { access_token: token } = await login(sim, 8);
		const item = sim.fixture.item('helpdesk');
		const path = `/v8${itemPath(item)}/Attachments/save`;
		const clean = await call(sim, 'POST', path, { token, json: {} });
		sim.faults.add({
			method: 'POST',
			path: '/save$',
			stallAfterBytes: 5000,
			stallMs: 600,
			times: 1,
		});
		const res = await call(sim, 'POST', path, { token, json: {}, stream: true });
		const arrivals = [];
		const started = Date.now();
		const body = await new Promise((resolve, reject) => {
			const chunks = [];
			let received = 0;
			res.on('data', (chunk) => {
				chunks.push(chunk);
				received += chunk.length;
				arrivals.push({ received, at: Date.now() - started });
			});
			res.on('end', () => resolve(Buffer.concat(chunks)));
			res.on('error', reject);
		});
		expect(body.equals(clean.body)).toBe(true);
		const before = arrivals.filter((a) => a.received <= 5000);
		const after = arrivals.filter((a) => a.received > 5000);
		expect(before.at(-1).received).toBe(5000);
		expect(after[0].at - before.at(-1).at).toBeGreaterThanOrEqual(550);
	} finally {
		await sim.stop();
	}
});
