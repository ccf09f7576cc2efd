'use strict';
// The OneDrive benchmark's workflows (case 4): the node saving one large document as its raw file
// and a folder of many small files as one item per file, and n8n's floor, the HTTP Request node
// downloading the same raw file. All work in the simulator's fixed bench OneDrive session.

const { manualTrigger, workflow, locator, veeamNode } = require('../../tools/workflows');

const ONEDRIVE_IDS = {
	raw: (index) => `vb365BenchOdRaw${index}`,
	floor: (index) => `vb365BenchOdFlr${index}`,
	folder: 'vb365BenchOdFold',
};

const ONEDRIVE_NODES = { save: 'Save OneDrive', token: 'Get Token', download: 'Download File' };

/** The node in the running bench session, OneDrive and documents by ID. */
function saveNode(credentialRef, target, parameters) {
	return veeamNode(
		'bench-od-save',
		ONEDRIVE_NODES.save,
		credentialRef,
		{
			resource: 'oneDriveDocument',
			operation: 'save',
			restoreSessionMode: 'existing',
			restoreSessionId: locator(target.sessionId),
			oneDriveId: locator(target.oneDriveId),
			output: 'perFile',
			...parameters,
		},
		[220, 0],
		{ typeVersion: 1.1 },
	);
}

function rawSaveWorkflow(credentialRef, target, index, documentId) {
	return workflow(ONEDRIVE_IDS.raw(index), `Bench: OneDrive raw save ${index}`, [
		manualTrigger('bench-start'),
		saveNode(credentialRef, target, { documentIds: documentId }),
	]);
}

function folderSaveWorkflow(credentialRef, target) {
	return workflow(ONEDRIVE_IDS.folder, 'Bench: OneDrive folder save', [
		manualTrigger('bench-start'),
		saveNode(credentialRef, target, {
			saveWhat: 'folder',
			documentFolderId: locator(target.folderId),
		}),
	]);
}

/** n8n's floor: HTTP Request for a token, then the same raw-file save streamed into the store. */
function rawFloorWorkflow({ url, username, password }, target, index, documentId) {
	const insecure = { allowUnauthorizedCerts: true };
	const save = `${url}/v8/RestoreSessions/${target.sessionId}/Organization/OneDrives/${target.oneDriveId}/Documents/${documentId}/save`;
	return workflow(ONEDRIVE_IDS.floor(index), `Bench: HTTP Request raw download ${index}`, [
		manualTrigger('bench-start'),
		{
			id: 'bench-token',
			name: ONEDRIVE_NODES.token,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [220, 0],
			parameters: {
				method: 'POST',
				url: `${url}/v8/token`,
				sendBody: true,
				contentType: 'form-urlencoded',
				bodyParameters: {
					parameters: [
						{ name: 'grant_type', value: 'password' },
						{ name: 'username', value: username },
						{ name: 'password', value: password },
						{ name: 'disable_antiforgery_token', value: 'true' },
					],
				},
				options: insecure,
			},
		},
		{
			id: 'bench-download',
			name: ONEDRIVE_NODES.download,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [440, 0],
			parameters: {
				method: 'POST',
				url: save,
				sendHeaders: true,
				headerParameters: {
					parameters: [{ name: 'Authorization', value: '=Bearer {{ $json.access_token }}' }],
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: JSON.stringify({ asZip: false }),
				options: { ...insecure, response: { response: { responseFormat: 'file' } } },
			},
		},
	]);
}

/** The bench documents and folder in a fixture loaded with the same `oneDriveBench` option. */
function oneDriveBenchTarget(fixture) {
	const data = fixture.oneDrive;
	const anna = data.byKey.oneDrive.anna;
	const session = fixture.restoreSessions.find((s) => s.type === 'Veod');
	const large = data.documents.filter((d) => /^large\d+$/.test(d.key));
	const folder = data.byKey.folder['anna:Many'];
	const files = data.documents.filter((d) => d.folderPath.startsWith('Many/'));
	return {
		sessionId: session.id,
		oneDriveId: anna.id,
		folderId: folder?.id,
		large: large.map((d) => ({ id: d.id, name: d.name, sizeBytes: d.versions[0].sizeBytes })),
		folderFiles: files.map((d) => ({ name: d.name, sizeBytes: d.versions[0].sizeBytes })),
	};
}

function oneDriveWorkflows(credentialRef, login, target) {
	return [
		...target.large.map((d, i) => rawSaveWorkflow(credentialRef, target, i, d.id)),
		...target.large.map((d, i) => rawFloorWorkflow(login, target, i, d.id)),
		...(target.folderId ? [folderSaveWorkflow(credentialRef, target)] : []),
	];
}

module.exports = { ONEDRIVE_IDS, ONEDRIVE_NODES, oneDriveWorkflows, oneDriveBenchTarget };
