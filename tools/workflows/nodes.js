'use strict';
// Building blocks for workflow JSON as n8n imports it (`n8n import:workflow`, the editor's
// import): nodes, connections and the workflow envelope. Every workflow has an explicit id so
// `n8n execute --id` can find it.

const { NODE_TYPE, CREDENTIAL_TYPE } = require('../n8n/package');

/** Resource-locator value in "By ID" mode (also takes an expression). */
function locator(value, mode = 'id') {
	return { __rl: true, mode, value };
}

function credentialRef(cred) {
	return { [CREDENTIAL_TYPE]: { id: cred.id, name: cred.name } };
}

function manualTrigger(id, name = 'Start') {
	return {
		id,
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

/** "Tickets" (one item holding the list) → "One Item per Ticket", starting at x = `x`. */
function ticketItems(idPrefix, tickets, x) {
	return [
		jsonItem(`${idPrefix}-tickets`, 'Tickets', { tickets }, [x, 0]),
		splitOut(`${idPrefix}-split`, 'One Item per Ticket', 'tickets', [x + 220, 0]),
	];
}

/** This package's node on the SharePoint item attachment resource. */
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

/** Restore session, site and item of a save or send, each by ID (or an expression). */
function itemTarget({ restoreSessionId, siteId, itemId }) {
	return {
		restoreSessionId: locator(restoreSessionId),
		siteId: locator(siteId),
		itemId: locator(itemId),
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

/** A sticky note on the canvas (n8n never runs it, and it is not connected). */
function stickyNote(id, content, position, { width = 480, height = 300, color } = {}) {
	return {
		id,
		name: `Note ${id}`,
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position,
		parameters: { content, width, height, ...(color ? { color } : {}) },
	};
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/** A workflow running `nodes` one after the other; `notes` (sticky notes) are only shown. */
function workflow(id, name, nodes, notes = []) {
	return {
		id,
		name,
		active: false,
		nodes: [...notes, ...nodes],
		connections: chain(nodes),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = {
	locator,
	credentialRef,
	manualTrigger,
	jsonItem,
	splitOut,
	ticketItems,
	veeamNode,
	itemTarget,
	writeFiles,
	stickyNote,
	chain,
	workflow,
};
