'use strict';
// The queue-mode lane's workflow: a ticket arrives on a webhook, the node saves the ticket's
// SharePoint item attachments in its own restore session (start and stop), and every file is
// written to `<outDir>/<ticket>__<file name>`. Writing to a name derived from the ticket makes a
// re-run (a worker died, n8n ran the job again) overwrite the same files instead of adding more.

const { locator, veeamNode, chain } = require('./nodes');

const TICKET_WEBHOOK_PATH = 'vb365-ticket';

function ticketWebhook() {
	return {
		id: 'queue-ticket',
		name: 'Ticket',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: '5b0c7c1e-7d1a-4c55-9d7e-2f6f1a9e0a42',
		parameters: {
			httpMethod: 'POST',
			path: TICKET_WEBHOOK_PATH,
			responseMode: 'onReceived',
			options: {},
		},
	};
}

function ticketFiles(outDir) {
	return {
		id: 'queue-write',
		name: 'Store File',
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			operation: 'write',
			fileName: `=${outDir.replace(/\/$/, '')}/{{ $('Ticket').item.json.body.ticket }}__{{ $json.fileName }}`,
			dataPropertyName: 'data',
			options: {},
		},
	};
}

/** Webhook (ticket) → Save in its own restore session → Store File. Posted body: { ticket, itemUrl }. */
function ticketStormWorkflow(cred, { organizationId, outDir }) {
	const nodes = [
		ticketWebhook(),
		veeamNode(
			'queue-save',
			'Save Ticket Attachments',
			cred,
			{
				operation: 'save',
				restoreSessionMode: 'startAndStop',
				organizationId: locator(organizationId),
				siteId: locator("={{ $json.body.itemUrl.split('/Lists/')[0] }}", 'url'),
				itemId: locator('={{ $json.body.itemUrl }}', 'url'),
				attachmentSelection: 'all',
				output: 'perAttachment',
				binaryPropertyName: 'data',
			},
			[220, 0],
		),
		ticketFiles(outDir),
	];
	return {
		id: 'vb365QueueStorm01',
		name: 'Queue lane: ticket → save → store',
		active: false,
		nodes,
		connections: chain(nodes),
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		pinData: {},
	};
}

module.exports = { ticketStormWorkflow, TICKET_WEBHOOK_PATH };
