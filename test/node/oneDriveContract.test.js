'use strict';
// Every OneDrive request the node sends to a v6, v7 or v8 server must match Veeam's OpenAPI spec,
// and every answer the node got must too.
const { expectExchangesMatchSpec } = require('../support/recorded-contract');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runOneDrive, oneDriveDocument, oneDriveFolder } = require('../support/onedrive-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all', recordExchanges: true });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const folder = (value, mode = 'path') => ({ __rl: true, mode, value });

test.each(['v6', 'v7', 'v8'])(
	'%s: search, get many, save and send send only what the spec allows',
	async (apiVersion) => {
		sim.exchanges.length = 0;
		sim.setEmailSettings(true);
		const nda = oneDriveDocument(sim, 'nda');
		const budget = oneDriveDocument(sim, 'budget');
		const archive = oneDriveFolder(sim, 'anna:Archive');
		const contracts = oneDriveFolder(sim, 'anna:Projects/Fabrikam/Contracts');
		const runs = [
			['search', { fileName: 'Budget*', modifiedAfter: '2024-01-01T00:00:00Z', returnAll: true }],
			['search', { documentFolderId: folder('Projects'), fileName: 'NDA', limit: 5 }],
			['getAll', { documentFolderId: folder('Projects/Fabrikam'), returnAll: true }],
			['save', { documentIds: nda.id }],
			['save', { documentIds: budget.id, versionId: '512' }],
			['save', { documentIds: [nda.id, budget.id] }],
			['save', { saveWhat: 'folder', documentFolderId: folder('Projects/Fabrikam') }],
			['save', { saveWhat: 'folders', folderIds: [archive.id, contracts.id] }],
			['save', { saveWhat: 'oneDrive' }],
			['send', { documentIds: nda.id, from: 'backup@contoso.com', text: 'Here' }],
			['send', { documentIds: budget.id, versionId: '1024', to: 'helpdesk@contoso.com' }],
			['send', { documentIds: [nda.id, budget.id], to: 'helpdesk@contoso.com' }],
			['send', { saveWhat: 'folder', documentFolderId: folder('Projects') }],
			['send', { saveWhat: 'folders', folderIds: archive.id, to: 'helpdesk@contoso.com' }],
			['send', { saveWhat: 'oneDrive', to: 'helpdesk@contoso.com' }],
		];
		for (const [operation, extra] of runs) {
			const result = await runOneDrive(sim, apiVersion, operation, extra);
			expect({ operation, error: result.error?.message }).toEqual({ operation, error: undefined });
		}
		expect(expectExchangesMatchSpec(sim, apiVersion)).toEqual(
			[
				'OneDrive_Get',
				'OneDrive_SaveOneDriveAction',
				'OneDrive_SendOneDriveAction',
				'OneDrive_SearchOneDriveByOptions',
				'OneDriveDocument_Get',
				'OneDriveDocument_GetById',
				'OneDriveDocument_GetByIdByVersionId',
				'OneDriveDocument_SaveDocumentAction',
				'OneDriveDocument_SaveDocumentActionByVersionId',
				'OneDriveDocument_SaveDocumentsAction',
				'OneDriveDocument_SendDocumentAction',
				'OneDriveDocument_SendDocumentActionByVersionId',
				'OneDriveDocument_SendDocumentsAction',
				'OneDriveFolder_Get',
				'OneDriveFolder_GetById',
				'OneDriveFolder_SaveFoldersAction',
				'OneDriveFolder_SendFoldersAction',
				'OneDriveFolder_SearchOneDriveFolderByOptions',
				'OneDriveFolder_SaveFolderAction',
				'OneDriveFolder_SendFolderAction',
				apiVersion === 'v8' ? 'Organization_Explore' : 'Organization_ExploreAction',
				'RestoreSession_StopAction',
				'VeodEmailSettings_Get',
				'token',
			].sort(),
		);
	},
);
