'use strict';
// Jira as a real client (issue 16): the example "Jira ticket → restore → attach" activated in a
// running n8n, fed by the fake Jira Server's issue_created webhooks. Checks the files that arrive
// on each ticket byte for byte, one comment per ticket, a failure comment for a bad link, and
// that neither a redelivered event, a re-run after a failed upload, nor n8n's execution retry
// attaches a file twice.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { REPO_ROOT } = require('../../tools/n8n/lanes');
const { startFakeJira } = require('../../tools/fakes/jira');
const { jiraCredential } = require('../../tools/workflows/jira');
const {
	activateWorkflow,
	waitUntil,
	waitForExecutions,
	listExecutions,
} = require('../../tools/n8n/activation');

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'jira-ticket-restore.json');
const LINK = (id) =>
	`https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=${id}`;
const unwrap = (res) => res.json?.data ?? res.json;

/** Lane 1 talks to a Jira 9 (classic webhook API), lane 2 to a Jira 10 (jira-webhook API). */
const jiraVersionFor = (laneDef) => (laneDef.id === '1' ? '9.12.0' : '10.3.1');

const readExample = () => JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));

function assertFilesOnTicket(issue, sim, item, label) {
	const names = issue.attachments.map((a) => a.filename).sort();
	assert.deepEqual(names, item.attachments.map((a) => a.name).sort(), `${label}: each file once`);
	for (const attachment of item.attachments) {
		const onTicket = issue.attachments.find((a) => a.filename === attachment.name);
		const expected = sim.attachmentContent(attachment.id);
		assert.ok(
			onTicket.content.equals(expected),
			`${label}: ${attachment.name} differs (${onTicket.content.length} vs ${expected.length} bytes)`,
		);
	}
}

/**
 * Runs the Jira cases on a started n8n (`client` logged in). The example workflow and both
 * credentials it references are imported before `n8n start` (the examples case in cases.js).
 */
async function runJiraCases({ laneDef, client, sim, jira, record, tag }) {
	const example = readExample();
	const helpdesk = sim.fixture.item('helpdesk');
	const invoices = sim.fixture.item('duplicateA');
	const working = () =>
		[...sim.state.sessions.values()].filter((s) => s.state === 'Working').length;
	let active = false;
	let seen = 0;
	const fired = async (issue) => {
		const deliveries = await jira.fireIssueCreated(issue);
		assert.deepEqual(
			deliveries.map((d) => d.status),
			[200],
			`delivery to n8n: ${JSON.stringify(deliveries)}`,
		);
		seen += 1;
	};

	await record(
		`${tag} (j0) Jira credential test, then activating the Jira example registers its webhook (Jira ${jira.version})`,
		async () => {
			const test = await client.call('POST', '/credentials/test', {
				credentials: jiraCredential(jira),
			});
			const result = unwrap(test);
			assert.equal(result?.status, 'OK', `Jira credential test: ${test.text.slice(0, 300)}`);
			await activateWorkflow(client, example.id);
			// 1.x registers the webhook before answering; 2.x publishes through an outbox, a moment later.
			await waitUntil(
				() => jira.state.webhooks.size > 0,
				'the Jira Trigger to register its webhook',
			).catch(() => {});
			const hooks = [...jira.state.webhooks.values()];
			assert.equal(hooks.length, 1, `webhooks registered: ${JSON.stringify(hooks)}`);
			const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-base.jiraTrigger');
			assert.match(hooks[0].url, new RegExp(`/webhook/${trigger.webhookId}/webhook$`));
			assert.ok(hooks[0].events.includes('jira:issue_created'));
			assert.ok(
				jira.state.requests.some((r) => r.method === 'POST' && r.path === jira.webhookPath),
				`registered at ${jira.webhookPath}`,
			);
			seen = (await listExecutions(client, example.id)).length;
			active = true;
			return `webhook ${hooks[0].url} via ${jira.webhookPath}`;
		},
	);

	const jiraCase = (name, fn) =>
		record(name, async () => {
			assert.ok(active, 'skipped: the Jira example is not active');
			return fn();
		});

	let first;
	await jiraCase(
		`${tag} (j1) three tickets: files arrive byte-equal with their names, one comment each; a bad link gets a failure comment`,
		async () => {
			sim.reset();
			const before = working();
			first = {
				contract: jira.createIssue({
					summary: 'Restore the ACME-42 contract files',
					description: `Please restore the attachments of ${LINK(42)} — deleted by mistake.`,
				}),
				invoices: jira.createIssue({ summary: 'Invoice gone', description: `Item: ${LINK(44)}` }),
				bad: jira.createIssue({
					summary: 'Restore please',
					description: `The item is ${LINK(999)}`,
				}),
			};
			for (const issue of Object.values(first)) await fired(issue);
			const runs = (await waitForExecutions(client, example.id, seen)).slice(0, 3);
			assertFilesOnTicket(first.contract, sim, helpdesk, first.contract.key);
			assertFilesOnTicket(first.invoices, sim, invoices, first.invoices.key);
			for (const [issue, item] of [
				[first.contract, helpdesk],
				[first.invoices, invoices],
			]) {
				assert.equal(
					issue.comments.length,
					1,
					`${issue.key}: ${JSON.stringify(issue.comments.map((c) => c.body))}`,
				);
				const [comment] = issue.comments;
				assert.match(comment.body, /^Restored from the Veeam backup and attached to this ticket: /);
				for (const a of item.attachments)
					assert.ok(comment.body.includes(a.name), `${issue.key} comment names ${a.name}`);
				assert.match(
					comment.body,
					new RegExp(`Restored ${item.attachments.length} attachments \\(`),
				);
			}
			assert.equal(first.bad.attachments.length, 0);
			assert.equal(first.bad.comments.length, 1, JSON.stringify(first.bad.comments));
			assert.match(
				first.bad.comments[0].body,
				/^Could not restore the attachments of https:\/\/.*ID=999\.\nReason: \S/,
			);
			assert.equal(working(), before, 'every restore session was stopped');
			assert.deepEqual(
				runs.map((r) => r.status),
				['success', 'success', 'success'],
			);
			return `failure comment: ${first.bad.comments[0].body.split('\n')[1]}`;
		},
	);

	await jiraCase(
		`${tag} (j2) the same event delivered again attaches nothing twice and adds no comment`,
		async () => {
			assert.ok(first, 'needs (j1)');
			await fired(first.contract);
			await waitForExecutions(client, example.id, seen);
			assertFilesOnTicket(first.contract, sim, helpdesk, first.contract.key);
			assert.equal(first.contract.comments.length, 1);
		},
	);

	await jiraCase(
		`${tag} (j3) an upload Jira refuses: one comment says what is missing and why; the next run attaches only that`,
		async () => {
			const issue = jira.createIssue({ summary: 'Contract files', description: LINK(42) });
			jira.failNext('POST', /\/issue\/[^/]+\/attachments$/, {
				after: 2,
				status: 500,
				message: 'Attachment storage is full',
			});
			await fired(issue);
			await waitForExecutions(client, example.id, seen);
			const refused = helpdesk.attachments[2].name;
			const onTicket = issue.attachments.map((a) => a.filename);
			// 1.x's Jira node stops at the refused file, 2.x's goes on with the next one.
			assert.ok(!onTicket.includes(refused) && onTicket.length >= 2, `on the ticket: ${onTicket}`);
			const missing = helpdesk.attachments
				.map((a) => a.name)
				.filter((name) => !onTicket.includes(name));
			assert.equal(issue.comments.length, 1, JSON.stringify(issue.comments.map((c) => c.body)));
			const [line1, line2] = issue.comments[0].body.split('\n');
			assert.equal(
				line1,
				`Restored from the Veeam backup and attached to this ticket: ${onTicket.join(', ')}.`,
			);
			assert.match(
				line2,
				new RegExp(
					`^Could not attach ${missing.join(', ').replace(/[.()]/g, '\\$&')}: .+\\. The next run`,
				),
			);
			await fired(issue);
			await waitForExecutions(client, example.id, seen);
			assertFilesOnTicket(issue, sim, helpdesk, issue.key);
			assert.equal(issue.comments.length, 2);
			assert.equal(
				issue.comments[1].body.split('\n')[0],
				`Restored from the Veeam backup and attached to this ticket: ${missing.join(', ')}.`,
			);
			return `first comment: ${line2}`;
		},
	);

	await jiraCase(
		`${tag} (j4) n8n's retry of an execution that failed at the comment posts it without attaching again`,
		async () => {
			const issue = jira.createIssue({ summary: 'Invoices', description: LINK(44) });
			jira.failNext('POST', /\/issue\/[^/]+\/comment$/, {
				status: 503,
				message: 'Jira is restarting',
			});
			await fired(issue);
			const [failed] = await waitForExecutions(client, example.id, seen);
			assert.equal(failed.status, 'error', `execution ${failed.id} ${failed.status}`);
			assertFilesOnTicket(issue, sim, invoices, issue.key);
			assert.equal(issue.comments.length, 0);
			const retry = await client.call('POST', `/executions/${failed.id}/retry`, {
				loadWorkflow: false,
			});
			assert.equal(retry.status, 200, `retry: ${retry.status} ${retry.text.slice(0, 500)}`);
			seen += 1;
			const [retried] = await waitForExecutions(client, example.id, seen);
			assert.equal(retried.status, 'success', `retry ${retried.id}: ${retried.status}`);
			assertFilesOnTicket(issue, sim, invoices, issue.key);
			assert.equal(issue.comments.length, 1, JSON.stringify(issue.comments));
			return `execution ${failed.id} failed at the comment, retry ${retried.id} succeeded`;
		},
	);
	await jiraCase(
		`${tag} (j5) unusual file names (umlauts, Japanese, ";", "=", "%", quotes, an empty file) arrive intact`,
		async () => {
			const tricky = sim.fixture.item('tricky');
			const issue = jira.createIssue({ summary: 'Quote files', description: LINK(43) });
			await fired(issue);
			await waitForExecutions(client, example.id, seen);
			assert.equal(
				issue.attachments.length,
				tricky.attachments.length,
				issue.attachments.map((a) => a.filename).join(' | '),
			);
			for (const attachment of tricky.attachments) {
				const expected = sim.attachmentContent(attachment.id);
				// The node makes names safe for a file system (quotes → "_", outer spaces trimmed).
				const onTicket =
					issue.attachments.find((a) => a.filename === attachment.name) ??
					issue.attachments.find((a) => a.filename === attachment.name.trim().replace(/"/g, '_'));
				assert.ok(onTicket, `${JSON.stringify(attachment.name)} not on the ticket`);
				assert.ok(
					onTicket.content.equals(expected),
					`${attachment.name}: ${onTicket.content.length} vs ${expected.length} bytes`,
				);
			}
			assert.equal(issue.comments.length, 1);
			return issue.attachments.map((a) => a.filename).join(' | ');
		},
	);
	return { laneDef };
}

module.exports = { runJiraCases, jiraCredential, jiraVersionFor, startFakeJira };
