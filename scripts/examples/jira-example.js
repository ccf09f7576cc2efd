#!/usr/bin/env node
'use strict';
// Writes examples/jira-ticket-restore.json (run after changing it here; the JSON is what users
// import). Jira Trigger → read the SharePoint link → restore → attach what the ticket does not
// have yet → comment; every failure path ends in a comment on the ticket.

const fs = require('node:fs');
const path = require('node:path');

const JIRA_CREDENTIAL = {
	jiraSoftwareServerApi: { id: 'jiraServerCredential1', name: 'Jira Server account' },
};
const VB365_CREDENTIAL = {
	veeamM365Api: { id: 'vb365Credential1', name: 'Veeam Backup for Microsoft 365 account' },
};
const ISSUE_KEY = "={{ $('Read Ticket').first().json.issueKey }}";
const ITEM_URL_PATTERN = '/https:\\/\\/[^\\s|\\]\\[]+/';
const SAMPLE_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';

let counter = 0;
const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: `7e1a9c52-0b6d-4f3a-8d21-5c4e3b2a${String(++counter).padStart(4, '0')}`,
	name,
	type,
	typeVersion,
	position,
	parameters,
	...extra,
});
const jira = (name, position, parameters, extra) =>
	node(
		name,
		'n8n-nodes-base.jira',
		1,
		position,
		{ jiraVersion: 'server', ...parameters },
		{ credentials: JIRA_CREDENTIAL, ...extra },
	);
const comment = (name, position, text) =>
	jira(
		name,
		position,
		{ resource: 'issueComment', issueKey: ISSUE_KEY, comment: text, options: {} },
		{ executeOnce: true },
	);

const note = node('About This Workflow', 'n8n-nodes-base.stickyNote', 1, [-420, -380], {
	width: 760,
	height: 340,
	content: [
		'## Jira Service Management ticket → restored files on the ticket',
		'A new issue whose description holds a SharePoint item link, e.g.',
		`\`${SAMPLE_URL}\`, gets that item's backed-up attachments from Veeam Backup for Microsoft 365.`,
		'',
		'1. **Jira Trigger** registers a webhook for *Issue Created* when the workflow is activated (published).',
		'2. **Read Ticket** takes the issue key and the first https link of the description.',
		'3. **Attachments on Ticket** lists what the ticket already has, so a second run (a redelivered event, a re-run after a failed upload) attaches only what is missing.',
		'4. **Restore Attachments** starts a restore session, saves every attachment of the item as its own file and stops the session.',
		'5. **Attach to Ticket** uploads each new file; **Files on Ticket Now** asks Jira what arrived and **Comment on Ticket** says so, with the restore summary.',
		'',
		'Every failure (bad link, item not in the backup, upload refused) ends in a comment that says what went wrong.',
	].join('\n'),
});

const trigger = node(
	'Jira Trigger',
	'n8n-nodes-base.jiraTrigger',
	1.1,
	[-420, 0],
	{ jiraVersion: 'server', events: ['jira:issue_created'], additionalFields: {} },
	{ webhookId: '3c9e4f1a-6b2d-4e8a-9f70-1d2c3b4a5e61', credentials: JIRA_CREDENTIAL },
);
const readTicket = node('Read Ticket', 'n8n-nodes-base.set', 3.4, [-200, 0], {
	mode: 'manual',
	assignments: {
		assignments: [
			{ id: 'a1', name: 'issueKey', type: 'string', value: '={{ $json.issue.key }}' },
			{
				id: 'a2',
				name: 'itemUrl',
				type: 'string',
				value: `={{ (($json.issue.fields.description ?? '') + ' ' + ($json.issue.fields.summary ?? '')).match(${ITEM_URL_PATTERN})?.[0] ?? '' }}`,
			},
		],
	},
	options: {},
});
const existing = jira(
	'Attachments on Ticket',
	[20, 0],
	{
		resource: 'issueAttachment',
		operation: 'getAll',
		issueKey: ISSUE_KEY,
		returnAll: true,
		download: false,
	},
	{ executeOnce: true, alwaysOutputData: true },
);
const restore = node(
	'Restore Attachments',
	'n8n-nodes-veeam-m365.veeamM365',
	1.1,
	[240, 0],
	{
		resource: 'sharePointItemAttachment',
		operation: 'save',
		restoreSessionMode: 'startAndStop',
		organizationId: {
			__rl: true,
			mode: 'list',
			value: '8d3c1f6e-2b7a-4e41-9c55-0f3e8a6b7d21',
			cachedResultName: 'contoso.onmicrosoft.com',
		},
		siteId: { __rl: true, mode: 'list', value: '' },
		itemId: { __rl: true, mode: 'url', value: "={{ $('Read Ticket').first().json.itemUrl }}" },
		attachmentSelection: 'all',
		output: 'perAttachment',
		binaryPropertyName: 'data',
	},
	{ credentials: VB365_CREDENTIAL, executeOnce: true, onError: 'continueErrorOutput' },
);
const onlyNew = node('Only Files Not on Ticket', 'n8n-nodes-base.filter', 2.2, [480, -100], {
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
		conditions: [
			{
				id: 'c1',
				leftValue:
					"={{ $('Attachments on Ticket').all().some(attached => attached.json.filename === $json.fileName) }}",
				rightValue: '',
				operator: { type: 'boolean', operation: 'false', singleValue: true },
			},
		],
		combinator: 'and',
	},
	options: {},
});
// n8n 1.x's Jira node stops at the first refused upload and passes its input on; 2.x's goes on
// with the next file. Either way "Files on Ticket Now" asks Jira what arrived, and one comment
// says what is on the ticket and what is not.
const attach = jira(
	'Attach to Ticket',
	[700, -100],
	{
		resource: 'issueAttachment',
		operation: 'add',
		issueKey: ISSUE_KEY,
		binaryPropertyName: 'data',
	},
	{ onError: 'continueRegularOutput' },
);
const filesNow = jira(
	'Files on Ticket Now',
	[920, -100],
	{
		resource: 'issueAttachment',
		operation: 'getAll',
		issueKey: ISSUE_KEY,
		returnAll: true,
		download: false,
	},
	{ executeOnce: true, alwaysOutputData: true },
);
const WANTED = "$('Only Files Not on Ticket').all().map(file => file.json.fileName)";
const NOW = "$('Files on Ticket Now').all().map(attached => attached.json.filename)";
const REASON =
	"($('Attach to Ticket').all().find(result => result.json.error)?.json.error ?? 'Jira refused the upload')";
const answer = comment(
	'Comment on Ticket',
	[1140, -100],
	`=Restored from the Veeam backup and attached to this ticket: {{ ${WANTED}.filter(name => ${NOW}.includes(name)).join(', ') || 'none' }}.` +
		`{{ ${WANTED}.some(name => !${NOW}.includes(name)) ? '\\nCould not attach ' + ${WANTED}.filter(name => !${NOW}.includes(name)).join(', ') + ': ' + ${REASON} + '. The next run for this ticket attaches only the files it does not have yet.' : '' }}` +
		"\n{{ $('Restore Attachments').first().json.summary }}",
);
const restoreFailed = comment(
	'Comment: Restore Failed',
	[480, 160],
	"=Could not restore the attachments of {{ $('Read Ticket').first().json.itemUrl || 'the item: the description has no SharePoint item link' }}.\nReason: {{ $json.error }}\nPut the item's SharePoint link (…/DispForm.aspx?ID=<n>) into the description of a new request.",
);

const link = (to, index = 0) => ({ node: to.name, type: 'main', index });
const workflow = {
	id: 'vb365ExJiraTick1',
	name: 'VB365: Jira ticket → restore SharePoint item attachments → attach to the ticket',
	active: false,
	settings: { executionOrder: 'v1' },
	pinData: {},
	nodes: [
		note,
		trigger,
		readTicket,
		existing,
		restore,
		onlyNew,
		attach,
		filesNow,
		answer,
		restoreFailed,
	],
	connections: {
		[trigger.name]: { main: [[link(readTicket)]] },
		[readTicket.name]: { main: [[link(existing)]] },
		[existing.name]: { main: [[link(restore)]] },
		[restore.name]: { main: [[link(onlyNew)], [link(restoreFailed)]] },
		[onlyNew.name]: { main: [[link(attach)]] },
		[attach.name]: { main: [[link(filesNow)]] },
		[filesNow.name]: { main: [[link(answer)]] },
	},
};

const file = path.join(__dirname, '..', '..', 'examples', 'jira-ticket-restore.json');
fs.writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
