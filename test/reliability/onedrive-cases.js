'use strict';
// Bad inputs of the OneDrive Document operations (node version 1.1), in the form of catalogue.js.

const VALUE = '={{ $json.value }}';

/** Start-and-stop parameters of a OneDrive Document operation on Anna's OneDrive. */
function oneDrive(env, operation, overrides = {}) {
	return {
		resource: 'oneDriveDocument',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: env.sim.fixture.organization('contoso').id },
		oneDriveId: { __rl: true, mode: 'email', value: 'anna.meier@contoso.com' },
		...overrides,
	};
}

const doc = (env, key) => env.sim.fixture.oneDrive.byKey.document[key].id;
const V1_1 = { typeVersion: 1.1 };

const ONEDRIVE_CASES = [
	{
		id: 'onedrive-email-unknown',
		parameter: 'OneDrive',
		input: 'By Email: an address no OneDrive in the backup belongs to',
		says: 'No OneDrive in the backup belongs to',
		fix: 'pick the OneDrive from the list',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'search', {
				oneDriveId: { __rl: true, mode: 'email', value: VALUE },
				fileName: 'Budget*',
			}),
			badValue: 'nobody@contoso.com',
			goodValue: 'anna.meier@contoso.com',
		}),
	},
	{
		id: 'onedrive-search-empty',
		parameter: 'File Name',
		input: 'Search with every criterion empty',
		says: 'No search criteria given',
		fix: 'To list a folder, use Get Many',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'search', { fileName: VALUE }),
			badValue: '',
			goodValue: 'Budget*',
		}),
	},
	{
		id: 'onedrive-folder-path-unknown',
		parameter: 'Folder',
		input: 'By Path: `Projects/Contoso` (the folder is Projects/Fabrikam)',
		says: 'There is no folder "Contoso" in "Projects"',
		fix: 'The folders there are: Fabrikam',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'getAll', {
				documentFolderId: { __rl: true, mode: 'path', value: VALUE },
			}),
			badValue: 'Projects/Contoso',
			goodValue: 'Projects/Fabrikam',
		}),
	},
	{
		id: 'onedrive-document-other-onedrive',
		parameter: 'Document IDs',
		input: "the ID of a document in another person's OneDrive",
		says: 'OneDrive document with ID',
		fix: 'each must be a document of the chosen OneDrive',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'save', { documentIds: VALUE }),
			badValue: doc(env, 'benBudget'),
			goodValue: doc(env, 'budget'),
		}),
	},
	{
		id: 'onedrive-document-id-malformed',
		parameter: 'Document IDs',
		input: '`../../Organizations`',
		says: 'is not a VB365 OneDrive document ID',
		fix: 'as Search or Get Many return it',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'save', { documentIds: VALUE }),
			badValue: '../../Organizations',
			goodValue: doc(env, 'nda'),
		}),
	},
	{
		id: 'onedrive-version-several-documents',
		parameter: 'Version',
		input: 'a Version with two Document IDs',
		says: 'A version can only be chosen for one document',
		fix: 'Give one Document ID with a Version',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'save', {
				documentIds: `${doc(env, 'budget')},${doc(env, 'nda')}`,
				versionId: VALUE,
			}),
			badValue: '512',
			goodValue: '',
		}),
	},
	{
		id: 'onedrive-version-unknown',
		parameter: 'Version',
		input: 'a version number the document does not have (`4096`)',
		says: 'Version 4096 of document',
		fix: 'leave Version empty for the latest',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'save', { documentIds: doc(env, 'budget'), versionId: VALUE }),
			badValue: '4096',
			goodValue: '1024',
		}),
	},
	{
		id: 'onedrive-send-no-recipient',
		parameter: 'To',
		input: 'Send with To empty and the OneDrive given By ID (no owner address to send to)',
		says: 'No recipient given',
		fix: 'give the OneDrive By Email to send to its owner',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: oneDrive(env, 'send', {
				oneDriveId: {
					__rl: true,
					mode: 'id',
					value: env.sim.fixture.oneDrive.byKey.oneDrive.anna.id,
				},
				documentIds: doc(env, 'nda'),
				to: VALUE,
			}),
			badValue: '',
			goodValue: 'helpdesk@contoso.com',
		}),
	},
	{
		id: 'onedrive-rest-v5',
		parameter: 'API Version',
		input: 'v5 for any OneDrive Document operation (no documented v5 OneDrive session)',
		says: 'OneDrive restores need VB365 REST API v6 or later',
		fix: 'to v6 or later',
		server: '5.0',
		perItem: false,
		arrange: (env) => ({
			nodeSettings: V1_1,
			credential: { apiVersion: 'v5' },
			parameters: oneDrive(env, 'search', { fileName: 'Budget*' }),
		}),
	},
];

module.exports = { ONEDRIVE_CASES };
