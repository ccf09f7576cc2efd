'use strict';
// SharePoint documents in n8n's engine against the simulator: a document By URL as users copy
// it (encoded characters, ?web=1, the /:w:/r/ sharing form, the deepest of two sites holding the
// same path), its raw bytes, a chosen version, a folder and a library with their paths; v8 and
// v6; v5 refused with the fix; bad addresses named with the parameter.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runningSessions } = require('../support/mail-runs');
const { runSiteDocument, byUrl, siteDocument } = require('../support/sharepoint-document-runs');

afterAll(async () => {
	await shutdownHarness();
});

/** Running Vesp sessions other than the fixture's own: those a run started and did not stop. */
const startedSessions = (sim) =>
	runningSessions(sim, 'Vesp').filter((s) => s.id !== sim.fixture.restoreSession.id);

const LEGAL = 'https://contoso.sharepoint.com/sites/Contracts/Legal';
const NDA_URL = `${LEGAL}/Shared%20Documents/NDA/Contoso%20NDA.docx`;

describe.each([['v8'], ['v6']])('SharePoint documents against a %s server', (apiVersion) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: apiVersion === 'v8' ? '8.x' : '6.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.requests.length = 0;
	});

	test.each([
		['as copied', NDA_URL],
		['with ?web=1', `${NDA_URL}?web=1`],
		[
			'as a /:w:/r/ sharing link',
			`https://contoso.sharepoint.com/:w:/r/sites/Contracts/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?d=w1f2e&csf=1&web=1&e=abc`,
		],
	])('saves a document given By URL %s as its raw bytes, from the deepest site', async (_, url) => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			sharePointDocument: byUrl(url),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [output] = result.items;
		const nda = siteDocument(sim, 'nda');
		expect(output.json).toMatchObject({
			documentId: nda.id,
			siteId: nda.siteId,
			fileName: 'Contoso NDA.docx',
			fileSize: '48.2 kB',
		});
		expect(output.json.summary).toMatch(
			/^Restored 1 document from SharePoint as of the latest backup/,
		);
		const bytes = await result.readBinary(output.binary.data);
		expect(bytes.equals(sim.siteDocumentContent('nda'))).toBe(true);
		const save = sim.requests.find((r) => r.method === 'POST' && /\/save$/.test(r.path));
		expect(save.path).toMatch(new RegExp(`/Documents/${nda.id}/save$`));
		expect(save.body).toEqual({ asZip: false });
		expect(startedSessions(sim)).toEqual([]);
	});

	test('saves a chosen version of a document with an awkward name', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			sharePointDocument: byUrl(NDA_URL),
			versionId: '512',
		});
		expect(result.error).toBeUndefined();
		const bytes = await result.readBinary(result.items[0].binary.data);
		expect(bytes.equals(sim.siteDocumentContent('nda', 512))).toBe(true);
		expect(bytes.equals(sim.siteDocumentContent('nda'))).toBe(false);
		expect(result.items[0].json.versionId).toBe('512');
	});

	test('saves a folder given by its encoded address: one item per file with its folder path', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			saveWhat: 'folder',
			sharePointFolder: byUrl(`${LEGAL}/Shared%20Documents/NDA/2024%20%231%20(final)?csf=1&e=x1`),
		});
		expect(result.error).toBeUndefined();
		const files = result.items.map((item) => [item.json.folderPath, item.binary.data.fileName]);
		expect(files.sort()).toEqual([
			['2024 #1 (final)', 'Angebot Müller – 2024 (final).pdf'],
			['2024 #1 (final)', 'notes 100% sure; v2.txt'],
		]);
		const notes = result.items.find((item) => item.binary.data.fileName.startsWith('notes'));
		expect(
			(await result.readBinary(notes.binary.data)).equals(sim.siteDocumentContent('notes')),
		).toBe(true);
	});

	test('saves a whole library (from its view address) with nested paths', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			saveWhat: 'library',
			sharePointLibrary: byUrl(`${LEGAL}/Shared%20Documents/Forms/AllItems.aspx`),
		});
		expect(result.error).toBeUndefined();
		const files = result.items.map(
			(item) => `${item.json.folderPath}/${item.binary.data.fileName}`,
		);
		expect(files.sort()).toEqual([
			'Documents/NDA/2024 #1 (final)/Angebot Müller – 2024 (final).pdf',
			'Documents/NDA/2024 #1 (final)/notes 100% sure; v2.txt',
			'Documents/NDA/Contoso NDA.docx',
			'Documents/Read me first.txt',
		]);
	});

	test('a library listed with a relative URL and Japanese folder and file names', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			sharePointDocument: byUrl(
				`${LEGAL}/Case%20Files/%E8%A6%8B%E7%A9%8D/%E8%A6%8B%E7%A9%8D%E6%9B%B8%20%E3%83%A1%E3%83%A2.txt?web=1`,
			),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary.data.fileName).toBe('見積書 メモ.txt');
		const bytes = await result.readBinary(result.items[0].binary.data);
		expect(bytes.equals(sim.siteDocumentContent('quote'))).toBe(true);
	});

	test('the same path on the parent site is another document', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			sharePointDocument: byUrl(
				'https://contoso.sharepoint.com/sites/Contracts/Shared%20Documents/Contoso%20NDA.docx',
			),
		});
		expect(result.error).toBeUndefined();
		const bytes = await result.readBinary(result.items[0].binary.data);
		expect(bytes.equals(sim.siteDocumentContent('rootNda'))).toBe(true);
	});

	test.each([
		[
			`${LEGAL}/Shared%20Documents/NDA/Missing.docx`,
			/There is no document "Missing.docx" there in this backup \[parameter "Document"\]/,
		],
		[
			`${LEGAL}/Other%20Library/x.docx`,
			/The site has no document library "Other Library" \[parameter "Document"\]/,
		],
		[
			'https://contoso.sharepoint.com/:w:/s/Legal/EabcdefTOKEN',
			/This sharing link carries a token, not the path of the file \[parameter "Document"\]/,
		],
		[
			'https://fabrikam.sharepoint.com/sites/Nope/Shared%20Documents/a.docx',
			/No site in the backup holds fabrikam.sharepoint.com\/sites\/Nope/,
		],
	])('a bad address %s is refused naming the parameter', async (url, message) => {
		const result = await runSiteDocument(sim, apiVersion, 'save', {
			sharePointDocument: byUrl(url),
		});
		expect(result.error.message).toMatch(message);
		expect(startedSessions(sim)).toEqual([]);
	});
});

describe('SharePoint documents against a v5 server', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '5.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('are refused with "needs REST v6 or later" before any save', async () => {
		const result = await runSiteDocument(sim, 'v5', 'save', {
			sharePointDocument: byUrl(NDA_URL),
		});
		expect(result.error.message).toMatch(/needs VB365 REST API v6 or later/);
		expect(sim.requests.some((r) => /\/save$/.test(r.path))).toBe(false);
	});
});
