'use strict';
// SharePoint documents, Get Many and Send, in n8n's engine against the simulator: a folder or a
// library's top by address, folders first; send a document, a version, a folder, a library to an
// address (outbox), the Vesp email settings checked first; v8 and v6.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runningSessions } = require('../support/mail-runs');
const { runSiteDocument, byUrl, siteDocument } = require('../support/sharepoint-document-runs');

afterAll(async () => {
	await shutdownHarness();
});

const LIBRARY = 'https://contoso.sharepoint.com/sites/Contracts/Legal/Shared%20Documents';
const startedSessions = (sim) =>
	runningSessions(sim, 'Vesp').filter((s) => s.id !== sim.fixture.restoreSession.id);

describe.each([['v8'], ['v6']])('SharePoint documents against a %s server', (apiVersion) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: apiVersion === 'v8' ? '8.x' : '6.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.outbox.length = 0;
		sim.setEmailSettings(true);
	});

	test('Get Many lists the top of a library: folders first, then documents', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'getAll', {
			sharePointFolder: byUrl(`${LIBRARY}/Forms/AllItems.aspx`),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.name, item.json.isFolder])).toEqual([
			['NDA', true],
			['Empty', true],
			['Read me first.txt', false],
		]);
		expect(result.items[2].json._links).toBeUndefined();
		expect(result.items[2].json.siteId).toBe(siteDocument(sim, 'top').siteId);
	});

	test('Get Many lists a nested folder given by an encoded address with a query string', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'getAll', {
			sharePointFolder: byUrl(`${LIBRARY}/NDA/2024%20%231%20(final)?csf=1&e=abc`),
			includeFolders: false,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual([
			'Angebot Müller – 2024 (final).pdf',
			'notes 100% sure; v2.txt',
		]);
		expect(result.items[0].json.id).toBe(siteDocument(sim, 'offer').id);
	});

	test('Search finds a document by name in a library and by date in a folder', async () => {
		const byName = await runSiteDocument(sim, apiVersion, 'search', {
			sharePointFolder: byUrl(LIBRARY),
			fileName: 'Contoso NDA.docx',
			returnAll: true,
		});
		expect(byName.error).toBeUndefined();
		expect(byName.items.map((item) => item.json.id)).toEqual([siteDocument(sim, 'nda').id]);
		expect(byName.items[0].json).toMatchObject({
			name: 'Contoso NDA.docx',
			query: 'filename:"Contoso NDA.docx"',
			pointInTime: 'latest',
		});
		const search = sim.requests.filter((r) => /\/Libraries\/[^/]+\/search$/.test(r.path));
		expect(search.length).toBeGreaterThan(0);
		const byDate = await runSiteDocument(sim, apiVersion, 'search', {
			sharePointFolder: byUrl(`${LIBRARY}/NDA`),
			modifiedAfter: '2024-04-26T00:00:00Z',
			returnAll: true,
		});
		expect(byDate.error).toBeUndefined();
		expect(byDate.items.map((item) => item.json.name).sort()).toEqual([
			'Contoso NDA.docx',
			'notes 100% sure; v2.txt',
		]);
	});

	test('sends a version of a document to an address', async () => {
		const result = await runSiteDocument(sim, apiVersion, 'send', {
			sharePointDocument: byUrl(`${LIBRARY}/NDA/Contoso%20NDA.docx?web=1`),
			versionId: '512',
			to: 'requester@contoso.com',
			text: 'As asked.',
		});
		expect(result.error).toBeUndefined();
		const nda = siteDocument(sim, 'nda');
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			kind: 'siteDocumentSend',
			to: 'requester@contoso.com',
			text: 'As asked.',
			documentIds: [nda.id],
			versionId: '512',
		});
		expect(result.items[0].json).toMatchObject({
			sent: true,
			documentId: nda.id,
			versionId: '512',
		});
		expect(result.items[0].json.summary).toMatch(
			/^Sent version 512 of 1 document from SharePoint to requester@contoso.com/,
		);
		expect(startedSessions(sim)).toEqual([]);
	});

	test('sends a folder and a library', async () => {
		const folder = await runSiteDocument(sim, apiVersion, 'send', {
			saveWhat: 'folder',
			sharePointFolder: byUrl(`${LIBRARY}/NDA`),
			to: 'requester@contoso.com',
		});
		const library = await runSiteDocument(sim, apiVersion, 'send', {
			saveWhat: 'library',
			sharePointLibrary: byUrl(LIBRARY),
			to: 'requester@contoso.com',
		});
		expect([folder.error, library.error]).toEqual([undefined, undefined]);
		expect(sim.outbox.map((mail) => mail.attachments.length)).toEqual([3, 4]);
	});

	test('without Vesp email settings nothing is sent and the error says how to set them', async () => {
		sim.setEmailSettings(false);
		const result = await runSiteDocument(sim, apiVersion, 'send', {
			sharePointDocument: byUrl(`${LIBRARY}/NDA/Contoso%20NDA.docx`),
			to: 'requester@contoso.com',
		});
		expect(result.error).toBeDefined();
		expect(`${result.error.message} ${result.error.description}`).toMatch(/email/i);
		expect(sim.outbox).toHaveLength(0);
		expect(startedSessions(sim)).toEqual([]);
	});

	test('a bad recipient fails before a session is started', async () => {
		const before = sim.requests.length;
		const result = await runSiteDocument(sim, apiVersion, 'send', {
			sharePointDocument: byUrl(`${LIBRARY}/NDA/Contoso%20NDA.docx`),
			to: 'not an address',
		});
		expect(result.error.message).toMatch(/\[parameter "To"\]/);
		expect(sim.requests.slice(before).some((r) => /explore/i.test(r.path))).toBe(false);
	});
});
