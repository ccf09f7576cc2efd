'use strict';
// Credentials and workflow JSON for the real-n8n runs, built from the simulator's fixture (or a
// real server's IDs). Every workflow has an explicit id so `n8n execute --id` can find it.

const { NODE_TYPE, CREDENTIAL_TYPE } = require('./package');

const CREDENTIAL_IDS = {
	good: 'vb365E2eGood0001',
	wrongPassword: 'vb365E2eBadPw001',
	strictTls: 'vb365E2eTls00001',
};

/** Credential entries for `n8n import:credentials` (plain `data`, n8n encrypts it). */
function credential({ id, name, url, apiVersion = 'v8', username, password, ignoreSslIssues }) {
	return {
		id,
		name,
		type: CREDENTIAL_TYPE,
		data: {
			url,
			apiVersion,
			authentication: 'password',
			username,
			password,
			ignoreSslIssues: Boolean(ignoreSslIssues),
		},
	};
}

function simulatorCredentials(sim) {
	const base = { url: sim.url, username: sim.credentials.username };
	return {
		good: credential({
			...base,
			id: CREDENTIAL_IDS.good,
			name: 'VB365 simulator',
			password: sim.credentials.password,
			ignoreSslIssues: true,
		}),
		wrongPassword: credential({
			...base,
			id: CREDENTIAL_IDS.wrongPassword,
			name: 'VB365 simulator (wrong password)',
			password: `${sim.credentials.password}-wrong`,
			ignoreSslIssues: true,
		}),
		strictTls: credential({
			...base,
			id: CREDENTIAL_IDS.strictTls,
			name: 'VB365 simulator (certificate checked)',
			password: sim.credentials.password,
			ignoreSslIssues: false,
		}),
	};
}

function locator(value) {
	return { __rl: true, mode: 'id', value };
}

function credentialRef(cred) {
	return { [CREDENTIAL_TYPE]: { id: cred.id, name: cred.name } };
}

function manualTrigger(name = 'Start') {
	return {
		id: 'e2e-node-start',
		name,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** Set (raw JSON) → one item holding `value`. */
function jsonItem(id, name, value, position) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(value, null, 2), options: {} },
	};
}

function splitOut(id, name, field, position) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position,
		parameters: { fieldToSplitOut: field, options: {} },
	};
}

function veeamNode(id, name, cred, parameters, position, extra = {}) {
	return {
		id,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position,
		parameters: { resource: 'sharePointItemAttachment', ...parameters },
		credentials: credentialRef(cred),
		...extra,
	};
}

/** "Read/Write Files from Disk" writing the item's `data` binary to `<dir>/<fileName>`. */
function writeFiles(id, name, dir, position) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		position,
		parameters: {
			operation: 'write',
			fileName: `=${dir.replace(/\/$/, '')}/{{ $json.fileName }}`,
			dataPropertyName: 'data',
			options: {},
		},
	};
}

function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(id, name, nodes) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: chain(...nodes.map((n) => n.name)),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function target(ids) {
	return {
		restoreSessionId: locator(ids.restoreSessionId),
		siteId: locator(ids.siteId),
		itemId: locator(ids.itemId),
	};
}

/** Manual → Save (one item per attachment) → write each file into `outDir`. */
function saveWorkflow(cred, ids, outDir) {
	return workflow('vb365E2eSave0001', 'E2E: save attachments', [
		manualTrigger(),
		veeamNode('e2e-node-save', 'Save Attachments', cred, {
			operation: 'save',
			...target(ids),
			attachmentSelection: 'all',
			output: 'perAttachment',
			binaryPropertyName: 'data',
		}, [220, 0]),
		writeFiles('e2e-node-write', 'Write Files', outDir, [440, 0]),
	]);
}

/** Manual → Send two attachments (picked by name) to `to`. */
function sendWorkflow(cred, ids, { to, subject, text, attachmentNames }) {
	return workflow('vb365E2eSend0001', 'E2E: send attachments', [
		manualTrigger(),
		veeamNode('e2e-node-send', 'Send Attachments', cred, {
			operation: 'send',
			...target(ids),
			attachmentSelection: 'byName',
			attachmentNames,
			to,
			subject,
			text,
			from: '',
		}, [220, 0]),
	]);
}

/**
 * One node from organization to files: a restore session is started for the execution, the site
 * and the item are given by SharePoint URL, and the session is stopped at the end.
 */
function startAndStopWorkflow(cred, organizationId, itemUrl) {
	return workflow('vb365E2eStart001', 'E2E: start and stop a restore session', [
		manualTrigger(),
		veeamNode('e2e-node-start-stop', 'Save in Own Session', cred, {
			operation: 'save',
			restoreSessionMode: 'startAndStop',
			organizationId: locator(organizationId),
			siteId: { __rl: true, mode: 'url', value: itemUrl.split('/Lists/')[0] },
			itemId: { __rl: true, mode: 'url', value: itemUrl },
			attachmentSelection: 'all',
			output: 'perItem',
			binaryPropertyName: 'file',
		}, [220, 0]),
	]);
}

/**
 * Two tickets, the second with an item ID that does not exist, through Save with "On Error:
 * Continue": the first must succeed, the second must come out as an error item.
 */
function continueOnFailWorkflow(cred, ids, badItemId, attachmentName) {
	const tickets = [
		{ ticket: 'HD-1', itemId: ids.itemId },
		{ ticket: 'HD-2', itemId: badItemId },
	];
	return workflow('vb365E2eCoF00001', 'E2E: continue on fail', [
		manualTrigger(),
		jsonItem('e2e-node-tickets', 'Tickets', { tickets }, [220, 0]),
		splitOut('e2e-node-split', 'One Item per Ticket', 'tickets', [440, 0]),
		veeamNode(
			'e2e-node-save-each',
			'Save per Ticket',
			cred,
			{
				operation: 'save',
				restoreSessionId: locator(ids.restoreSessionId),
				siteId: locator(ids.siteId),
				itemId: locator('={{ $json.itemId }}'),
				attachmentSelection: 'byName',
				attachmentNames: [attachmentName],
				output: 'perAttachment',
				binaryPropertyName: 'data',
			},
			[660, 0],
			{ onError: 'continueRegularOutput' },
		),
	]);
}

/**
 * The demo: a helpdesk ticket → Save every attachment of its item → write them to `outDir` →
 * Send them to the requester.
 */
function helpdeskDemoWorkflow(cred, ticket, outDir) {
	const fromTicket = (field) => `={{ $('Ticket').first().json.${field} }}`;
	const nodes = [
		manualTrigger('Start'),
		jsonItem('demo-node-ticket', 'Ticket', ticket, [220, 0]),
		veeamNode('demo-node-save', 'Restore Attachments', cred, {
			operation: 'save',
			restoreSessionId: locator('={{ $json.restoreSessionId }}'),
			siteId: locator('={{ $json.siteId }}'),
			itemId: locator('={{ $json.itemId }}'),
			attachmentSelection: 'all',
			output: 'perAttachment',
			binaryPropertyName: 'data',
		}, [440, 0]),
		writeFiles('demo-node-write', 'Write to demo-output', outDir, [660, 0]),
		veeamNode('demo-node-send', 'Email Requester', cred, {
			operation: 'send',
			restoreSessionId: locator(fromTicket('restoreSessionId')),
			siteId: locator(fromTicket('siteId')),
			itemId: locator(fromTicket('itemId')),
			attachmentSelection: 'all',
			to: fromTicket('requester'),
			subject: `=Restored attachments for ticket {{ $('Ticket').first().json.ticket }}`,
			text: `=Hello,\n\nthe attachments of "{{ $('Ticket').first().json.title }}" are restored and attached.\n\nYour helpdesk`,
			from: '',
		}, [880, 0], { executeOnce: true }),
	];
	return workflow('vb365DemoHelpdsk', 'Demo: helpdesk ticket → restore → email requester', nodes);
}

module.exports = {
	startAndStopWorkflow,
	CREDENTIAL_IDS,
	credential,
	simulatorCredentials,
	saveWorkflow,
	sendWorkflow,
	continueOnFailWorkflow,
	helpdeskDemoWorkflow,
};
