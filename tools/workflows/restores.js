'use strict';
// The restore workflows the e2e lanes and the benchmark run in real n8n: Save, Send, Save in a
// session of its own, and Save once per ticket.

const {
	locator,
	manualTrigger,
	ticketItems,
	veeamNode,
	itemTarget,
	writeFiles,
	workflow,
} = require('./nodes');

/** Which attachments: all, or the ones named. */
function selection(attachmentNames) {
	return attachmentNames
		? { attachmentSelection: 'byName', attachmentNames }
		: { attachmentSelection: 'all' };
}

/**
 * Manual → "Save Attachments" (one item per attachment, binary `data`) of the item in `ids`
 * ({ restoreSessionId, siteId, itemId }) → with `outDir`, write each file into it.
 */
function saveWorkflow(
	cred,
	ids,
	{ id = 'vb365E2eSave0001', name = 'E2E: save attachments', attachmentNames, outDir } = {},
) {
	const nodes = [
		manualTrigger('node-start'),
		veeamNode(
			'node-save',
			'Save Attachments',
			cred,
			{
				operation: 'save',
				...itemTarget(ids),
				...selection(attachmentNames),
				output: 'perAttachment',
				binaryPropertyName: 'data',
			},
			[220, 0],
		),
	];
	if (outDir) nodes.push(writeFiles('node-write', 'Write Files', outDir, [440, 0]));
	return workflow(id, name, nodes);
}

/** Manual → Send the attachments named to `to`. */
function sendWorkflow(cred, ids, { to, subject, text, attachmentNames }) {
	return workflow('vb365E2eSend0001', 'E2E: send attachments', [
		manualTrigger('node-start'),
		veeamNode(
			'node-send',
			'Send Attachments',
			cred,
			{
				operation: 'send',
				...itemTarget(ids),
				...selection(attachmentNames),
				to,
				subject,
				text,
				from: '',
			},
			[220, 0],
		),
	]);
}

/**
 * One node from organization to files: a restore session is started for the execution, the item
 * is given by SharePoint URL (its site taken from it), and the session is stopped at the end.
 */
function startAndStopWorkflow(cred, organizationId, itemUrl) {
	return workflow('vb365E2eStart001', 'E2E: start and stop a restore session', [
		manualTrigger('node-start'),
		veeamNode(
			'node-start-stop',
			'Save in Own Session',
			cred,
			{
				operation: 'save',
				// Version 1.1 starts and stops its own session by default; the Site is left empty
				// and taken from the item's URL.
				organizationId: locator(organizationId),
				siteId: locator('', 'list'),
				itemId: locator(itemUrl, 'url'),
				attachmentSelection: 'all',
				output: 'perItem',
				binaryPropertyName: 'file',
			},
			[220, 0],
			{ typeVersion: 1.1 },
		),
	]);
}

/**
 * Manual → "Tickets" → "One Item per Ticket" → "Save per Ticket": each ticket
 * ({ restoreSessionId, siteId, itemId, … }) saves its item's attachments, one output item per
 * file. `selection` picks them (parameters of the node), `nodeSettings` are e.g. "On Error".
 */
function perTicketSaveWorkflow(
	cred,
	{ id, name, tickets, selection: picked, options, nodeSettings },
) {
	return workflow(id, name, [
		manualTrigger('node-start'),
		...ticketItems('node', tickets, 220),
		veeamNode(
			'node-save-each',
			'Save per Ticket',
			cred,
			{
				operation: 'save',
				...itemTarget({
					restoreSessionId: '={{ $json.restoreSessionId }}',
					siteId: '={{ $json.siteId }}',
					itemId: '={{ $json.itemId }}',
				}),
				...picked,
				output: 'perAttachment',
				binaryPropertyName: 'data',
				...(options ? { options } : {}),
			},
			[660, 0],
			nodeSettings,
		),
	]);
}

/**
 * Two tickets, the second with an item ID that does not exist, through Save with "On Error:
 * Continue": the first must succeed, the second must come out as an error item.
 */
function continueOnFailWorkflow(cred, ids, badItemId, attachmentName) {
	const ticket = (label, itemId) => ({
		ticket: label,
		restoreSessionId: ids.restoreSessionId,
		siteId: ids.siteId,
		itemId,
	});
	return perTicketSaveWorkflow(cred, {
		id: 'vb365E2eCoF00001',
		name: 'E2E: continue on fail',
		tickets: [ticket('HD-1', ids.itemId), ticket('HD-2', badItemId)],
		selection: selection([attachmentName]),
		nodeSettings: { onError: 'continueRegularOutput' },
	});
}

module.exports = {
	saveWorkflow,
	sendWorkflow,
	startAndStopWorkflow,
	perTicketSaveWorkflow,
	continueOnFailWorkflow,
};
