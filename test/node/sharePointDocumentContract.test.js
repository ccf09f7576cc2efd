'use strict';
// Every SharePoint document request the node sends to a v6, v7 or v8 server must match Veeam's
// OpenAPI spec, and every answer the node got must too.
const { expectExchangesMatchSpec } = require('../support/recorded-contract');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runSiteDocument, byUrl } = require('../support/sharepoint-document-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all', recordExchanges: true });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const LEGAL = 'https://contoso.sharepoint.com/sites/Contracts/Legal/Shared%20Documents';

test.each(['v6', 'v7', 'v8'])(
	'%s: get many, search, save and send send only what the spec allows',
	async (apiVersion) => {
		sim.exchanges.length = 0;
		sim.setEmailSettings(true);
		const nda = byUrl(`${LEGAL}/NDA/Contoso%20NDA.docx?web=1`);
		const to = 'helpdesk@contoso.com';
		const runs = [
			['getAll', { sharePointFolder: byUrl(LEGAL), returnAll: true }],
			['getAll', { sharePointFolder: byUrl(`${LEGAL}/NDA`), limit: 2 }],
			['search', { sharePointFolder: byUrl(LEGAL), fileName: 'NDA*', returnAll: true }],
			[
				'search',
				{
					sharePointFolder: byUrl(`${LEGAL}/NDA`),
					rawQuery: 'datemodified:>=2024-01-01',
					limit: 1,
				},
			],
			['save', { sharePointDocument: nda }],
			['save', { sharePointDocument: nda, versionId: '512' }],
			['save', { saveWhat: 'folder', sharePointFolder: byUrl(`${LEGAL}/NDA`) }],
			['save', { saveWhat: 'library', sharePointLibrary: byUrl(LEGAL) }],
			['send', { sharePointDocument: nda, to, from: 'backup@contoso.com', text: 'Here' }],
			['send', { sharePointDocument: nda, versionId: '512', to }],
			['send', { saveWhat: 'folder', sharePointFolder: byUrl(`${LEGAL}/NDA`), to }],
			['send', { saveWhat: 'library', sharePointLibrary: byUrl(LEGAL), to }],
		];
		for (const [operation, extra] of runs) {
			const result = await runSiteDocument(sim, apiVersion, operation, extra);
			expect({ operation, error: result.error?.message }).toEqual({ operation, error: undefined });
		}
		expect(expectExchangesMatchSpec(sim, apiVersion)).toEqual(
			[
				'SharePointSite_Get',
				'SharePointLibrary_Get',
				'SharePointFolder_Get',
				'SharePointDocument_Get',
				'SharePointDocument_GetById',
				'SharePointDocument_GetByIdByVersionId',
				'SharePointDocument_SaveDocumentAction',
				'SharePointDocument_SaveDocumentActionByVersionId',
				'SharePointFolder_SaveFolderAction',
				'SharePointLibrary_SaveLibraryAction',
				'SharePointDocument_SendDocumentAction',
				'SharePointDocument_SendDocumentActionByVersionId',
				'SharePointFolder_SendFolderAction',
				'SharePointLibrary_SendLibraryAction',
				'SharePointLibrary_SearchLibraryByOptions',
				'SharePointFolder_SearchFolderByOptions',
				'VespEmailSettings_Get',
				apiVersion === 'v8' ? 'Organization_Explore' : 'Organization_ExploreAction',
				'RestoreSession_StopAction',
				'token',
			].sort(),
		);
	},
);
