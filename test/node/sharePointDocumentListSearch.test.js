'use strict';
// The SharePoint Document pick-lists in-process against the simulator: the chosen site's
// libraries, its documents and folders found by a typed part of their name (library by library),
// and a Save whose document or folder was picked from those lists.
const { callNodeMethod, shutdownHarness } = require('../../tools/engine/harness');
const { NODE_TYPE, credentialFor, startSimulator } = require('../support/node-runs');
const { runSiteDocument, siteDocument } = require('../support/sharepoint-document-runs');

let sim;
let legalSiteId;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
	legalSiteId = sim.fixture.siteDocuments.byKey.library.legalDocs.siteId;
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const rl = (value, mode = 'list') => ({ __rl: true, mode, value });

function call(method, filter, parameters = {}) {
	return callNodeMethod({
		node: {
			name: 'VB365',
			type: NODE_TYPE,
			typeVersion: 1.1,
			parameters: {
				resource: 'sharePointDocument',
				operation: 'save',
				restoreSessionMode: 'existing',
				restoreSessionId: rl(sim.fixture.restoreSession.id, 'id'),
				siteId: rl(legalSiteId),
				...parameters,
			},
			credentials: { veeamM365Api: { id: 'vb365', name: 'VB365' } },
		},
		credentials: credentialFor(sim),
		kind: 'listSearch',
		method,
		args: filter === undefined ? [] : [filter],
	});
}

test('libraries of the chosen site, filtered by name', async () => {
	const all = await call('searchSiteLibraries');
	expect(all.results.map((r) => r.name).sort()).toEqual(['Case Files', 'Documents']);
	const filtered = await call('searchSiteLibraries', 'case');
	expect(filtered.results.map((r) => r.value)).toEqual([
		sim.fixture.siteDocuments.byKey.library.caseFiles.id,
	]);
});

test('documents and folders by a typed part of the name; nothing without one', async () => {
	const documents = await call('searchSiteDocumentsList', 'nda');
	expect(documents.results).toEqual([
		{ name: 'Contoso NDA.docx — Documents', value: siteDocument(sim, 'nda').id },
	]);
	const search = sim.requests.filter((r) => /\/Libraries\/[^/]+\/search$/.test(r.path)).pop();
	expect(new URLSearchParams(search.query).get('itemType')).toBe('Items');
	expect(search.body).toEqual({ query: 'filename:*nda*' });
	expect((await call('searchSiteDocumentsList', '')).results).toEqual([]);
	const folders = await call('searchSiteFolders', 'final');
	expect(folders.results).toEqual([
		{
			name: '2024 #1 (final) — Documents',
			value: sim.fixture.siteDocuments.byKey.folder['legalDocs:NDA/2024 #1 (final)'].id,
		},
	]);
});

test('a document and a folder picked from the lists are saved like By ID', async () => {
	const nda = siteDocument(sim, 'nda');
	const document = await runSiteDocument(sim, 'v8', 'save', {
		siteId: rl(legalSiteId),
		sharePointDocument: rl(nda.id),
	});
	expect(document.error).toBeUndefined();
	expect(
		(await document.readBinary(document.items[0].binary.data)).equals(
			sim.siteDocumentContent('nda'),
		),
	).toBe(true);
	const folder = await runSiteDocument(sim, 'v8', 'save', {
		siteId: rl(legalSiteId),
		saveWhat: 'folder',
		sharePointFolder: rl(sim.fixture.siteDocuments.byKey.folder['legalDocs:NDA'].id),
	});
	expect(folder.error).toBeUndefined();
	expect(
		folder.items.map((item) => `${item.json.folderPath}/${item.binary.data.fileName}`).sort(),
	).toEqual([
		'NDA/2024 #1 (final)/Angebot Müller – 2024 (final).pdf',
		'NDA/2024 #1 (final)/notes 100% sure; v2.txt',
		'NDA/Contoso NDA.docx',
	]);
});
