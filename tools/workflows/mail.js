'use strict';
// Workflows of the Exchange (Mail Item) operations for the e2e lanes: find a deleted mail and
// save it as MSG, send it back to its owner, and bad inputs with "On Error: Continue".

const { locator, manualTrigger, jsonItem, splitOut, veeamNode, workflow } = require('./nodes');

const MAILBOX = 'anna.meier@contoso.com';

/** The node on the Mail Item resource, version 1.1, in its own start-and-stop session. */
function mailNode(id, name, cred, organizationId, parameters, position, extra = {}) {
	return veeamNode(
		id,
		name,
		cred,
		{
			resource: 'mailboxItem',
			restoreSessionMode: 'startAndStop',
			organizationId: locator(organizationId),
			mailboxId: locator(MAILBOX, 'email'),
			...parameters,
		},
		position,
		{ typeVersion: 1.1, ...extra },
	);
}

/** The ticket's search: "the mail from Contoso Legal about the NDA, last Tuesday" (2024-04-30). */
const NDA_SEARCH = {
	operation: 'search',
	folderId: locator('Deleted Items', 'name'),
	subject: 'NDA',
	from: 'Contoso Legal',
	receivedAfter: '2024-04-30T00:00:00Z',
	receivedBefore: '2024-04-30T23:59:59Z',
	returnAll: true,
};

function mailSaveWorkflow(cred, organizationId) {
	return workflow('vb365E2eMail0001', 'E2E: find a deleted mail and save it as MSG', [
		manualTrigger('mail-start'),
		mailNode('mail-search', 'Find Deleted Mail', cred, organizationId, NDA_SEARCH, [220, 0]),
		mailNode(
			'mail-save',
			'Save as MSG',
			cred,
			organizationId,
			{ operation: 'saveAsMsg', mailItemIds: '={{ $json.id }}', output: 'perMail' },
			[440, 0],
		),
	]);
}

function mailSendWorkflow(cred, organizationId) {
	return workflow('vb365E2eMail0002', 'E2E: send a deleted mail back to its owner', [
		manualTrigger('mail-start'),
		mailNode('mail-search', 'Find Deleted Mail', cred, organizationId, NDA_SEARCH, [220, 0]),
		mailNode(
			'mail-send',
			'Send Back',
			cred,
			organizationId,
			{ operation: 'sendToOwner', mailItemIds: '={{ $json.id }}' },
			[440, 0],
		),
	]);
}

/**
 * Three searches (unknown address, no criteria, a good one), then a save of an item that belongs
 * to another mailbox next to a good one; every node continues on error.
 */
function mailBadInputsWorkflow(cred, organizationId, { otherMailboxItemId, goodItemId }) {
	const onError = { onError: 'continueRegularOutput' };
	const searches = [
		{ email: 'nobody@contoso.com', subject: 'NDA' },
		{ email: MAILBOX, subject: '' },
		{ email: MAILBOX, subject: 'NDA' },
	];
	const nodes = [
		manualTrigger('mail-start'),
		jsonItem('mail-cases', 'Search Cases', { searches }, [220, 0]),
		splitOut('mail-split', 'One Item per Case', 'searches', [440, 0]),
		mailNode(
			'mail-search',
			'Search per Case',
			cred,
			organizationId,
			{
				operation: 'search',
				mailboxId: locator('={{ $json.email }}', 'email'),
				subject: '={{ $json.subject }}',
				returnAll: true,
			},
			[660, 0],
			onError,
		),
		jsonItem('mail-ids', 'Item Cases', { ids: [otherMailboxItemId, goodItemId] }, [880, 0]),
		splitOut('mail-split-ids', 'One Item per ID', 'ids', [1100, 0]),
		mailNode(
			'mail-save',
			'Save per ID',
			cred,
			organizationId,
			{ operation: 'saveAsMsg', mailItemIds: '={{ $json.ids }}' },
			[1320, 0],
			onError,
		),
	];
	const wf = workflow('vb365E2eMail0003', 'E2E: mail bad inputs continue on fail', nodes);
	// "Item Cases" runs once, after the searches, whatever they returned.
	wf.nodes.find((node) => node.name === 'Item Cases').executeOnce = true;
	return wf;
}

module.exports = { mailSaveWorkflow, mailSendWorkflow, mailBadInputsWorkflow };
