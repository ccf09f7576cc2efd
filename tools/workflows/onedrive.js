'use strict';
// Workflows of the OneDrive Document operations for the e2e lanes: find a file by name and save
// it as its raw bytes, save a folder (one item per file, with folder paths), send a document to
// its owner, and bad inputs with "On Error: Continue".

const { locator, manualTrigger, jsonItem, splitOut, veeamNode, workflow } = require('./nodes');

const OWNER = 'anna.meier@contoso.com';

/** The node on the OneDrive Document resource, version 1.1, in its own start-and-stop session. */
function oneDriveNode(id, name, cred, organizationId, parameters, position, extra = {}) {
	return veeamNode(
		id,
		name,
		cred,
		{
			resource: 'oneDriveDocument',
			restoreSessionMode: 'startAndStop',
			organizationId: locator(organizationId),
			oneDriveId: locator(OWNER, 'email'),
			...parameters,
		},
		position,
		{ typeVersion: 1.1, ...extra },
	);
}

/** The ticket: "Budget 2024.xlsx in my OneDrive, as it was on 2024-05-02". */
const BUDGET_SEARCH = {
	operation: 'search',
	fileName: 'Budget 2024.xlsx',
	modifiedAfter: '2024-05-01T00:00:00Z',
	returnAll: true,
};

function oneDriveSaveWorkflow(cred, organizationId) {
	return workflow('vb365E2eOned0001', 'E2E: find a OneDrive file and save it as it is', [
		manualTrigger('od-start'),
		oneDriveNode('od-search', 'Find File', cred, organizationId, BUDGET_SEARCH, [220, 0]),
		oneDriveNode(
			'od-save',
			'Save File',
			cred,
			organizationId,
			{ operation: 'save', documentIds: '={{ $json.id }}' },
			[440, 0],
		),
		oneDriveNode(
			'od-folder',
			'Save Folder',
			cred,
			organizationId,
			{ operation: 'save', saveWhat: 'folder', documentFolderId: locator('Projects', 'path') },
			[660, 0],
			{ executeOnce: true },
		),
	]);
}

function oneDriveSendWorkflow(cred, organizationId) {
	return workflow('vb365E2eOned0002', 'E2E: send a OneDrive file to its owner', [
		manualTrigger('od-start'),
		oneDriveNode('od-search', 'Find File', cred, organizationId, BUDGET_SEARCH, [220, 0]),
		oneDriveNode(
			'od-send',
			'Send to Owner',
			cred,
			organizationId,
			{ operation: 'send', documentIds: '={{ $json.id }}', subject: 'Your restored file' },
			[440, 0],
		),
	]);
}

/** An unknown owner, an empty search and a good one; then a document of another OneDrive. */
function oneDriveBadInputsWorkflow(cred, organizationId, { otherDocumentId, goodDocumentId }) {
	const onError = { onError: 'continueRegularOutput' };
	const searches = [
		{ email: 'nobody@contoso.com', fileName: 'Budget*' },
		{ email: OWNER, fileName: '' },
		{ email: OWNER, fileName: 'Site*' },
	];
	const nodes = [
		manualTrigger('od-start'),
		jsonItem('od-cases', 'Search Cases', { searches }, [220, 0]),
		splitOut('od-split', 'One Item per Case', 'searches', [440, 0]),
		oneDriveNode(
			'od-search',
			'Search per Case',
			cred,
			organizationId,
			{
				operation: 'search',
				oneDriveId: locator('={{ $json.email }}', 'email'),
				fileName: '={{ $json.fileName }}',
				returnAll: true,
			},
			[660, 0],
			onError,
		),
		jsonItem('od-ids', 'Document Cases', { ids: [otherDocumentId, goodDocumentId] }, [880, 0]),
		splitOut('od-split-ids', 'One Item per ID', 'ids', [1100, 0]),
		oneDriveNode(
			'od-save',
			'Save per ID',
			cred,
			organizationId,
			{ operation: 'save', documentIds: '={{ $json.ids }}' },
			[1320, 0],
			onError,
		),
	];
	const wf = workflow('vb365E2eOned0003', 'E2E: OneDrive bad inputs continue on fail', nodes);
	wf.nodes.find((node) => node.name === 'Document Cases').executeOnce = true;
	return wf;
}

module.exports = { oneDriveSaveWorkflow, oneDriveSendWorkflow, oneDriveBadInputsWorkflow };
