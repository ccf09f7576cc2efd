'use strict';
// The demo `npm run demo` runs and `npm start` imports: a helpdesk ticket → Save every attachment
// of its item → write them to a folder → Send them to the requester.

const {
	manualTrigger,
	jsonItem,
	veeamNode,
	itemTarget,
	writeFiles,
	stickyNote,
	workflow,
} = require('./nodes');

const NOTE = [
	"## Demo: restore a ticket's attachments",
	'',
	'**Ticket** holds what a helpdesk ticket would carry: the VB365 restore session, the SharePoint site and the list item (ACME-42) whose attachments were lost, and the requester.',
	'',
	'**Restore Attachments** (Save) fetches every attachment of that item from the backup, checks each file (CRC-32 and size) and returns one item per file.',
	'',
	'**Write to demo-output** stores the files on disk; **Email Requester** (Send) has the VB365 server email the same attachments to the requester, once for the ticket.',
	'',
	'Click **Execute workflow**: it runs against the built-in VB365 simulator.',
].join('\n');

function helpdeskDemoWorkflow(cred, ticket, outDir) {
	const fromTicket = (field) => `={{ $('Ticket').first().json.${field} }}`;
	const nodes = [
		manualTrigger('demo-node-start', 'Start'),
		jsonItem('demo-node-ticket', 'Ticket', ticket, [220, 0]),
		veeamNode(
			'demo-node-save',
			'Restore Attachments',
			cred,
			{
				operation: 'save',
				...itemTarget({
					restoreSessionId: '={{ $json.restoreSessionId }}',
					siteId: '={{ $json.siteId }}',
					itemId: '={{ $json.itemId }}',
				}),
				attachmentSelection: 'all',
				output: 'perAttachment',
				binaryPropertyName: 'data',
			},
			[440, 0],
		),
		writeFiles('demo-node-write', 'Write to demo-output', outDir, [660, 0]),
		veeamNode(
			'demo-node-send',
			'Email Requester',
			cred,
			{
				operation: 'send',
				...itemTarget({
					restoreSessionId: fromTicket('restoreSessionId'),
					siteId: fromTicket('siteId'),
					itemId: fromTicket('itemId'),
				}),
				attachmentSelection: 'all',
				to: fromTicket('requester'),
				subject: `=Restored attachments for ticket {{ $('Ticket').first().json.ticket }}`,
				text: `=Hello,\n\nthe attachments of "{{ $('Ticket').first().json.title }}" are restored and attached.\n\nYour helpdesk`,
				from: '',
			},
			[880, 0],
			{ executeOnce: true },
		),
	];
	const notes = [stickyNote('demo-note', NOTE, [-40, -380], { width: 1000, height: 340 })];
	return workflow(
		'vb365DemoHelpdsk',
		'Demo: helpdesk ticket → restore → email requester',
		nodes,
		notes,
	);
}

module.exports = { helpdeskDemoWorkflow };
