'use strict';
// The benchmark's workflows. Each has a fixed id for `n8n execute --id`. The simulator is always
// started on the same port, so the IDs and URLs in these workflows stay valid across its restarts.
// The node's own workflows are the shared ones (tools/workflows); what is defined here is only the
// benchmark's: its IDs and the comparisons built from n8n's HTTP Request and Compression nodes.

const {
	manualTrigger,
	ticketItems,
	workflow,
	credential,
	saveWorkflow,
	perTicketSaveWorkflow,
} = require('../../tools/workflows');

const IDS = {
	credential: 'vb365BenchCred01',
	largeSave: 'vb365BenchLarge1',
	diy: 'vb365BenchDiy001',
	download: 'vb365BenchDown01',
	batch: 'vb365BenchBatch1',
	batchOneByOne: 'vb365BenchBatch2',
	batchHttp: 'vb365BenchBatch3',
};

/** Node names, also used to find each node's run in the execution data. */
const NODES = {
	save: 'Save Attachments',
	token: 'Get Token',
	download: 'Download ZIP',
	decompress: 'Decompress',
	batchSave: 'Save per Ticket',
	batchList: 'List per Ticket',
	batchDownload: 'Download per Ticket',
};

const CREDENTIAL_REF = { id: IDS.credential, name: 'VB365 simulator (bench)' };

/** Credential for `n8n import:credentials` (password login, self-signed certificate accepted). */
function benchCredential(url, { username, password }) {
	return credential({ ...CREDENTIAL_REF, url, username, password, ignoreSslIssues: true });
}

/** Case 1: Manual → Save the named attachments of one item, one output item per file. */
function largeSaveWorkflow(item, attachmentNames) {
	return saveWorkflow(
		CREDENTIAL_REF,
		{ restoreSessionId: item.restoreSessionId, siteId: item.siteId, itemId: item.id },
		{ id: IDS.largeSave, name: 'Bench: large save', attachmentNames },
	);
}

/** HTTP Request for a token, then HTTP Request for the save (response as file, streamed to disk). */
function downloadNodes({ url, username, password, item, attachmentIds }) {
	const base = `${url}/v8/RestoreSessions/${item.restoreSessionId}/Organization/Sites/${item.siteId}/Items/${item.id}/Attachments`;
	const insecure = { allowUnauthorizedCerts: true };
	return [
		manualTrigger('bench-start'),
		{
			id: 'bench-token',
			name: NODES.token,
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
			name: NODES.download,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [440, 0],
			parameters: {
				method: 'POST',
				url: `${base}/save`,
				sendHeaders: true,
				headerParameters: {
					parameters: [{ name: 'Authorization', value: '=Bearer {{ $json.access_token }}' }],
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: JSON.stringify({ attachments: attachmentIds.map((id) => ({ id })) }),
				options: { ...insecure, response: { response: { responseFormat: 'file' } } },
			},
		},
	];
}

/**
 * n8n's own floor: the same ZIP streamed into n8n's binary store by the HTTP Request node,
 * without unpacking it. No node that receives the data through n8n can do less work.
 */
function downloadWorkflow(target) {
	return workflow(IDS.download, 'Bench: HTTP Request download only', downloadNodes(target));
}

/**
 * Case 2, what a user builds without this package: HTTP Request for a token, HTTP Request for the
 * save (response as file, into n8n's binary store), then the Compression node to unpack it.
 */
function diyWorkflow(target) {
	return workflow(IDS.diy, 'Bench: HTTP Request + Compression', [
		...downloadNodes(target),
		{
			id: 'bench-decompress',
			name: NODES.decompress,
			type: 'n8n-nodes-base.compression',
			typeVersion: 1.1,
			position: [660, 0],
			parameters: { operation: 'decompress', binaryPropertyName: 'data', outputPrefix: 'file_' },
		},
	]);
}

/**
 * Case 3: `tickets` ({ restoreSessionId, siteId, itemId, attachmentId } each) → one item per
 * ticket → Save that ticket's attachment, `parallelItems` at a time (undefined: the default).
 */
function batchWorkflow(tickets, parallelItems) {
	const oneByOne = parallelItems === 1;
	return perTicketSaveWorkflow(CREDENTIAL_REF, {
		id: oneByOne ? IDS.batchOneByOne : IDS.batch,
		name: `Bench: batch of small saves${oneByOne ? ', one by one' : ''}`,
		tickets,
		selection: { attachmentSelection: 'byId', attachmentIds: '={{ $json.attachmentId }}' },
		options: parallelItems === undefined ? undefined : { parallelItems },
	});
}

/**
 * Case 3 without this package: a token, then per ticket HTTP Request GET of the attachment list
 * and HTTP Request POST …/save (response as file). The HTTP Request node sends all items'
 * requests at once.
 */
function batchHttpWorkflow(tickets, { url, username, password }) {
	const ticket = "$('One Item per Ticket').item.json";
	const base = `${url}/v8/RestoreSessions/{{ ${ticket}.restoreSessionId }}/Organization/Sites/{{ ${ticket}.siteId }}/Items/{{ ${ticket}.itemId }}/Attachments`;
	const [trigger, token] = downloadNodes({ url, username, password, item: {}, attachmentIds: [] });
	const auth = {
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{
					name: 'Authorization',
					value: `=Bearer {{ $('${NODES.token}').first().json.access_token }}`,
				},
			],
		},
	};
	const insecure = { allowUnauthorizedCerts: true };
	return workflow(IDS.batchHttp, 'Bench: batch with HTTP Request nodes', [
		trigger,
		token,
		...ticketItems('bench', tickets, 440),
		{
			id: 'bench-batch-list',
			name: NODES.batchList,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [880, 0],
			parameters: {
				url: `=${base}`,
				sendQuery: true,
				queryParameters: {
					parameters: [
						{ name: 'offset', value: '0' },
						{ name: 'limit', value: '1000' },
					],
				},
				...auth,
				options: insecure,
			},
		},
		{
			id: 'bench-batch-download',
			name: NODES.batchDownload,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [1100, 0],
			parameters: {
				method: 'POST',
				url: `=${base}/save`,
				...auth,
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ attachments: [{ id: ${ticket}.attachmentId }] }) }}`,
				options: { ...insecure, response: { response: { responseFormat: 'file' } } },
			},
		},
	]);
}

module.exports = {
	IDS,
	NODES,
	benchCredential,
	largeSaveWorkflow,
	downloadWorkflow,
	diyWorkflow,
	batchWorkflow,
	batchHttpWorkflow,
};
