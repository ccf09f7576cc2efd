'use strict';
// Bad inputs of the SharePoint Document operations (node version 1.1), in the form of catalogue.js.

const VALUE = '={{ $json.value }}';
const LEGAL = 'https://contoso.sharepoint.com/sites/Contracts/Legal/Shared%20Documents';
const NDA = `${LEGAL}/NDA/Contoso%20NDA.docx`;

/** Start-and-stop parameters of a SharePoint Document operation. */
function siteDocument(env, operation, overrides = {}) {
	return {
		resource: 'sharePointDocument',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: env.sim.fixture.organization('contoso').id },
		siteId: { __rl: true, mode: 'list', value: '' },
		...overrides,
	};
}

const byUrl = (value) => ({ __rl: true, mode: 'url', value });
const V1_1 = { typeVersion: 1.1 };

const SHAREPOINT_DOCUMENT_CASES = [
	{
		id: 'spdoc-url-document-unknown',
		parameter: 'Document',
		input: 'By URL: a document the folder does not hold in the backup',
		says: 'There is no document "Missing.docx" there in this backup',
		fix: 'The documents there are: Contoso NDA.docx',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(VALUE) }),
			badValue: `${LEGAL}/NDA/Missing.docx`,
			goodValue: NDA,
		}),
	},
	{
		id: 'spdoc-url-library-unknown',
		parameter: 'Document',
		input: 'By URL: a library the site does not have',
		says: 'The site has no document library "Other"',
		fix: 'Its libraries are: Documents, Case Files',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(VALUE) }),
			badValue: 'https://contoso.sharepoint.com/sites/Contracts/Legal/Other/a.docx',
			goodValue: NDA,
		}),
	},
	{
		id: 'spdoc-url-sharing-token',
		parameter: 'Document',
		input: 'By URL: a sharing link with a token (`/:w:/s/…`) instead of a path',
		says: 'This sharing link carries a token, not the path of the file',
		fix: 'copy its address from the library',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(VALUE) }),
			badValue: 'https://contoso.sharepoint.com/:w:/s/Legal/EabcdefTOKEN?e=x1',
			goodValue: `https://contoso.sharepoint.com/:w:/r/sites/Contracts/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?csf=1&web=1&e=abc`,
		}),
	},
	{
		id: 'spdoc-url-no-site',
		parameter: 'Document',
		input: 'By URL: an address on a site the backup does not hold',
		says: 'No site in the backup holds',
		fix: 'pick the Site from the list',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(VALUE) }),
			badValue: 'https://northwind.sharepoint.com/sites/Legal/Shared%20Documents/a.docx',
			goodValue: NDA,
		}),
	},
	{
		id: 'spdoc-url-site-only',
		parameter: 'Document',
		input: 'By URL: the address of the site itself',
		says: 'The address is that of a site, not of a library, folder or document in it',
		fix: 'Copy the address from the library or the document',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(VALUE) }),
			badValue: 'https://contoso.sharepoint.com/sites/Contracts/Legal?web=1',
			goodValue: NDA,
		}),
	},
	{
		id: 'spdoc-folder-is-library',
		parameter: 'Folder',
		input: 'Restore Folder with the address of a library',
		says: 'The address is that of a library, not of a folder in it',
		fix: 'Set Restore to Library',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { saveWhat: 'folder', sharePointFolder: byUrl(VALUE) }),
			badValue: LEGAL,
			goodValue: `${LEGAL}/NDA`,
		}),
	},
	{
		id: 'spdoc-version-not-number',
		parameter: 'Version',
		input: 'Version `v2` (not a version ID)',
		says: '"v2" is not a document version ID',
		fix: 'leave Version empty for the latest',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', { sharePointDocument: byUrl(NDA), versionId: VALUE }),
			badValue: 'v2',
			goodValue: '512',
		}),
	},
	{
		id: 'spdoc-id-without-site',
		parameter: 'Site',
		input: 'Document By ID with Site empty',
		says: 'No site given',
		fix: 'Pick the Site from the list',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'save', {
				sharePointDocument: {
					__rl: true,
					mode: 'id',
					value: env.sim.fixture.siteDocuments.byKey.document.nda.id,
				},
				siteId: { __rl: true, mode: 'id', value: VALUE },
			}),
			badValue: '',
			goodValue: env.sim.fixture.siteDocuments.byKey.document.nda.siteId,
		}),
	},
	{
		id: 'spdoc-send-no-recipient',
		parameter: 'To',
		input: 'Send with To empty',
		says: 'No recipient given',
		fix: 'Give one email address',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'send', { sharePointDocument: byUrl(NDA), to: VALUE }),
			badValue: '',
			goodValue: 'helpdesk@contoso.com',
		}),
	},
	{
		id: 'spdoc-browse-not-an-address',
		parameter: 'Folder',
		input: 'Get Many By URL with text that is not an address',
		says: 'is not the address of a SharePoint folder or library',
		fix: 'Copy the address of the folder or library',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'getAll', { sharePointFolder: byUrl(VALUE), returnAll: true }),
			badValue: 'Shared Documents/NDA',
			goodValue: `${LEGAL}/NDA`,
		}),
	},
	{
		id: 'spdoc-search-empty',
		parameter: 'File Name',
		input: 'Search with every criterion empty',
		says: 'No search criteria given',
		fix: 'To list a folder, use Get Many',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: siteDocument(env, 'search', { sharePointFolder: byUrl(LEGAL), fileName: VALUE }),
			badValue: '',
			goodValue: 'NDA*',
		}),
	},
	{
		id: 'spdoc-rest-v5',
		parameter: 'API Version',
		input: 'v5 for SharePoint Document Save (no documented v5 keys)',
		says: 'SharePoint document needs VB365 REST API v6 or later',
		fix: 'v6 or later',
		server: '5.0',
		perItem: false,
		arrange: (env) => ({
			nodeSettings: V1_1,
			credential: { apiVersion: 'v5' },
			parameters: siteDocument(env, 'save', {
				sharePointDocument: {
					__rl: true,
					mode: 'id',
					value: env.sim.fixture.siteDocuments.byKey.document.nda.id,
				},
				siteId: {
					__rl: true,
					mode: 'id',
					value: env.sim.fixture.siteDocuments.byKey.document.nda.siteId,
				},
			}),
		}),
	},
];

module.exports = { SHAREPOINT_DOCUMENT_CASES };
