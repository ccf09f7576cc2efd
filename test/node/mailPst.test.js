'use strict';
// Export to PST in n8n's engine against the simulator: the server's "Outlook is missing" error
// becomes the 64-bit Outlook hint; with Outlook, one PST file, or one item per part when a size
// limit splits the export; v5 through Items/Action {"exporttoPst": …}.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runMail, mailItem, runningSessions } = require('../support/mail-runs');

afterAll(async () => {
	await shutdownHarness();
});

describe.each([
	{ profile: '8.x', apiVersion: 'v8' },
	{ profile: '5.0', apiVersion: 'v5' },
])('Export to PST against a $apiVersion server', ({ profile, apiVersion }) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.options.outlookInstalled = false;
		sim.requests.length = 0;
	});

	test('without Outlook on the server the error says that 64-bit Outlook is needed', async () => {
		const result = await runMail(sim, apiVersion, 'exportToPst', {
			mailItemIds: mailItem(sim, 'nda').id,
		});
		expect(result.status).toBe('error');
		expect(result.error.description).toMatch(
			/64-bit Outlook .* must be installed on the VB365 server/,
		);
		expect(result.error.description).toMatch(/The server said: .*Outlook 64-bit is not installed/);
		expect(runningSessions(sim)).toEqual([]);
	});

	test('with Outlook, chosen items come back as one .pst file', async () => {
		sim.options.outlookInstalled = true;
		const ids = [mailItem(sim, 'nda').id, mailItem(sim, 'budget').id];
		const result = await runMail(sim, apiVersion, 'exportToPst', { mailItemIds: ids });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const { binary, json } = result.items[0];
		expect(binary.data.fileName).toBe('anna.meier@contoso.com.pst');
		const bytes = await result.readBinary(binary.data);
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('!BDN');
		expect(JSON.parse(bytes.subarray(4).toString()).items).toEqual([
			'NDA for the Fabrikam project',
			'Q2 budget draft',
		]);
		expect(json).toMatchObject({ export: 'items', itemIds: ids, part: 1, parts: 1, apiVersion });
		const request = sim.requests.find((r) => /(exportToPst|Items\/Action)$/i.test(r.path));
		expect(request.body).toEqual(
			apiVersion === 'v5'
				? { exporttoPst: { items: ids.map((id) => ({ id })), enablePstSizeLimit: false } }
				: { items: ids.map((id) => ({ id })), enablePstSizeLimit: false },
		);
	});

	test('the whole mailbox with a size limit: the server splits it, one item per .pst part', async () => {
		sim.options.outlookInstalled = true;
		const result = await runMail(sim, apiVersion, 'exportToPst', {
			pstScope: 'mailbox',
			pstSizeLimitGb: 10,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.binary.data.fileName)).toEqual(
			[1, 2, 3, 4].map((n) => `anna.meier@contoso.com (${n}).pst`),
		);
		expect(result.items.map((item) => item.json.parts)).toEqual([4, 4, 4, 4]);
		expect(result.items[0].json.summary).toMatch(
			/^Exported the mailbox of anna\.meier@contoso\.com to PST/,
		);
	});

	test('a size limit outside 1–49 GB is refused before anything is exported', async () => {
		const result = await runMail(sim, apiVersion, 'exportToPst', {
			pstScope: 'mailbox',
			pstSizeLimitGb: 60,
		});
		expect(result.error.message).toBe(
			'"60" is not a PST size limit VB365 takes [parameter "PST Size Limit (GB)"]',
		);
		expect(
			sim.requests.some(
				(r) =>
					/exportToPst|\/Action$/i.test(r.path) &&
					r.method === 'POST' &&
					!/Organizations/i.test(r.path),
			),
		).toBe(false);
	});
});
