#!/usr/bin/env node
'use strict';
// `npm run demo:jira`: a Jira Service Management ticket gets its files back. Real n8n 2.x runs
// the example examples/jira-ticket-restore.json, activated like in the editor; a fake Jira
// Server (tools/fakes/jira) on loopback registers its webhook and files a ticket naming a
// SharePoint item; the embedded VB365 simulator has the backup. Prints what arrives on the ticket.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { getLane, LOG_DIR, REPO_ROOT } = require('../tools/n8n/lanes');
const { ensureInstalled } = require('../tools/n8n/install');
const { buildPackage, packPackage, installIntoUserFolder } = require('../tools/n8n/package');
const {
	n8nEnv,
	n8nOk,
	writeJson,
	startServer,
	restClient,
	ensureOwner,
} = require('../tools/n8n/n8n');
const { activateWorkflow, waitUntil, waitForExecutions } = require('../tools/n8n/activation');
const { startSimulator } = require('../tools/simulator');
const { startFakeJira } = require('../tools/fakes/jira');
const { credential } = require('../tools/workflows');
const { jiraCredential } = require('../tools/workflows/jira');
const { seconds } = require('../tools/n8n/process');

const EXAMPLE_FILE = path.join(REPO_ROOT, 'examples', 'jira-ticket-restore.json');
const ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Veeam-Demo-2024',
};

function checkTicket(issue, sim) {
	const item = sim.fixture.item('helpdesk');
	const problems = [];
	for (const attachment of item.attachments) {
		const found = issue.attachments.filter((a) => a.filename === attachment.name);
		if (found.length !== 1)
			problems.push(`${attachment.name} is on the ticket ${found.length} times`);
		else if (!found[0].content.equals(sim.attachmentContent(attachment.id)))
			problems.push(`${attachment.name} differs from the backup`);
	}
	if (issue.comments.length !== 1) problems.push(`${issue.comments.length} comments, expected 1`);
	return problems;
}

async function main() {
	const started = Date.now();
	const lane = getLane(2);
	await ensureInstalled(lane, { logDir: LOG_DIR });
	await buildPackage();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-demo-jira-'));
	const sim = await startSimulator({ port: 0, profile: '8.x' });
	const jira = await startFakeJira({ version: '10.3.1' });
	let server;
	try {
		const { tarball } = await packPackage(path.join(workDir, 'pack'));
		const userFolder = path.join(workDir, 'user');
		await installIntoUserFolder(tarball, userFolder);
		console.log(`VB365 simulator on ${sim.url}, fake Jira Server ${jira.version} on ${jira.url}`);
		const env = await n8nEnv(lane, userFolder);
		const logFile = path.join(workDir, 'n8n.log');
		const vb365 = credential({
			id: 'vb365Credential1',
			name: 'Veeam Backup for Microsoft 365 account',
			url: sim.url,
			username: sim.credentials.username,
			password: sim.credentials.password,
			ignoreSslIssues: true,
		});
		const credFile = writeJson(path.join(workDir, 'credentials.json'), [
			vb365,
			jiraCredential(jira),
		]);
		const example = JSON.parse(fs.readFileSync(EXAMPLE_FILE, 'utf8'));
		console.log(`Importing "${example.name}" into n8n ${lane.n8nVersion} …`);
		await n8nOk(lane, env, ['import:credentials', `--input=${credFile}`], { logFile });
		await n8nOk(lane, env, ['import:workflow', `--input=${EXAMPLE_FILE}`], { logFile });
		server = await startServer(lane, env, { logFile });
		const client = restClient(server.baseUrl);
		await ensureOwner(client, OWNER);
		await activateWorkflow(client, example.id);
		const hook = await waitUntil(
			() => [...jira.state.webhooks.values()][0],
			'the Jira Trigger to register its webhook',
		);
		console.log(`Activated; Jira calls ${hook.url} on "issue created"`);

		const issue = jira.createIssue({
			summary: 'Signed contract missing from ACME-42',
			description: `Anna deleted the attachments of ${ITEM_URL} by mistake. Please restore them.`,
		});
		console.log(`\nTicket ${issue.key} created: "${issue.summary}"`);
		await jira.fireIssueCreated(issue);
		await waitForExecutions(client, example.id, 1);
		console.log(`Ticket ${issue.key} now has ${issue.attachments.length} attachment(s):`);
		for (const a of issue.attachments) console.log(`  ${a.filename}  ${a.content.length} bytes`);
		for (const c of issue.comments)
			console.log(`Comment by ${c.author}:\n  ${c.body.split('\n').join('\n  ')}`);

		const problems = checkTicket(issue, sim);
		if (problems.length) throw new Error(problems.join('\n'));
		console.log(
			`\nDemo OK in ${seconds(Date.now() - started)}: every file on the ticket equals the backed-up original, one comment.`,
		);
	} finally {
		if (server) await server.stop();
		await jira.stop();
		await sim.stop();
		if (process.env.DEMO_KEEP) console.log(`n8n work folder kept: ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`\nDemo FAILED: ${error.message}`);
	process.exitCode = 1;
});
