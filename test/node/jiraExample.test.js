'use strict';
// examples/jira-ticket-restore.json, read as n8n reads it: which events the trigger asks Jira
// for, how the ticket's link is found, and that every way out of the restore and the upload ends
// in a comment on the ticket. (The whole workflow runs in real n8n in the e2e lanes, j0–j4.)
const example = require('../../examples/jira-ticket-restore.json');

const NODE_TYPE = 'n8n-nodes-veeam-m365.veeamM365';
const node = (name) => example.nodes.find((n) => n.name === name);
const next = (name, output = 0) =>
	(example.connections[name]?.main?.[output] ?? []).map((link) => node(link.node));
const isComment = (n) =>
	n.type === 'n8n-nodes-base.jira' && n.parameters.resource === 'issueComment';

/** Every node reachable from `name`'s `output`. */
function reachable(name, output) {
	const seen = new Map();
	const queue = next(name, output);
	while (queue.length) {
		const n = queue.shift();
		if (seen.has(n.name)) continue;
		seen.set(n.name, n);
		for (const branch of example.connections[n.name]?.main ?? []) {
			for (const link of branch) queue.push(node(link.node));
		}
	}
	return [...seen.values()];
}

/** Evaluates a "={{ … }}" expression of the example against `$json` (no other n8n variables). */
function evaluate(expression, $json) {
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$json', `return (${body});`)($json);
}

test('the trigger registers for new issues on a Jira Server credential', () => {
	const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-base.jiraTrigger');
	expect(trigger.parameters).toMatchObject({
		jiraVersion: 'server',
		events: ['jira:issue_created'],
	});
	expect(trigger.webhookId).toMatch(/^[0-9a-f-]{36}$/);
});

test.each([
	[
		'Please restore https://contoso.sharepoint.com/sites/C/Lists/C/DispForm.aspx?ID=42 — thanks',
		'https://contoso.sharepoint.com/sites/C/Lists/C/DispForm.aspx?ID=42',
	],
	[
		'[the contract|https://contoso.sharepoint.com/sites/C/Lists/C/DispForm.aspx?ID=7] is gone',
		'https://contoso.sharepoint.com/sites/C/Lists/C/DispForm.aspx?ID=7',
	],
	['No link here', ''],
	[null, ''],
])('Read Ticket finds the link in %j', (description, url) => {
	const [, itemUrl] = node('Read Ticket').parameters.assignments.assignments;
	expect(
		evaluate(itemUrl.value, {
			issue: { key: 'HD-1', fields: { description, summary: 'Restore' } },
		}),
	).toBe(url);
});

test('a failed restore leaves through the error output into a comment', () => {
	const restore = node('Restore Attachments');
	expect(restore.type).toBe(NODE_TYPE);
	expect(restore.onError).toBe('continueErrorOutput');
	expect(next(restore.name, 1).map(isComment)).toEqual([true]);
	expect(reachable(restore.name, 0).some(isComment)).toBe(true);
});

test('a refused upload does not stop the workflow before the comment, and files are checked first', () => {
	const attach = node('Attach to Ticket');
	expect(attach.parameters).toMatchObject({ resource: 'issueAttachment', operation: 'add' });
	expect(attach.onError).toBe('continueRegularOutput');
	expect(reachable(attach.name, 0).some(isComment)).toBe(true);
	expect(
		reachable('Read Ticket', 0)
			.map((n) => n.name)
			.indexOf('Attachments on Ticket'),
	).toBe(0);
	expect(node('Only Files Not on Ticket').parameters.conditions.conditions[0].leftValue).toContain(
		"$('Attachments on Ticket').all()",
	);
});
