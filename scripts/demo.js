#!/usr/bin/env node
'use strict';
// `npm run demo`: a helpdesk ticket asks for the attachments of a backed-up SharePoint item.
// Real n8n 2.x runs: ticket → Save (one item per attachment) → write the files to ./demo-output
// → Send them to the requester. Runs against the embedded VB365 simulator unless VB365_URL (and
// VB365_USERNAME, VB365_PASSWORD, VB365_API_VERSION, VB365_IGNORE_SSL) point at a real server;
// then VB365_RESTORE_SESSION_ID, VB365_SITE_ID, VB365_ITEM_ID and DEMO_REQUESTER are needed too.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO_ROOT, openTarget } = require('./lib/vb365-target');
const { getLane, LOG_DIR } = require('../tools/n8n/lanes');
const { ensureInstalled } = require('../tools/n8n/install');
const { buildPackage, packPackage, installIntoUserFolder } = require('../tools/n8n/package');
const { n8nEnv, n8nOk, executeWorkflow, nodeItems, writeJson } = require('../tools/n8n/n8n');
const { credential, helpdeskDemoWorkflow } = require('../tools/workflows');
const { seconds } = require('../tools/n8n/process');

const OUTPUT_DIR = path.join(REPO_ROOT, 'demo-output');

function ticketFor(target) {
	if (target.kind === 'simulator') {
		const item = target.sim.fixture.item('helpdesk');
		return {
			ticket: 'HD-1042',
			title: item.title,
			requester: 'anna.meier@contoso.com',
			restoreSessionId: target.sim.fixture.restoreSession.id,
			siteId: item.siteId,
			itemId: item.id,
		};
	}
	const need = ['VB365_RESTORE_SESSION_ID', 'VB365_SITE_ID', 'VB365_ITEM_ID', 'DEMO_REQUESTER'];
	const missing = need.filter((name) => !process.env[name]);
	if (missing.length) throw new Error(`With a real server set ${missing.join(', ')}`);
	return {
		ticket: process.env.DEMO_TICKET || 'HD-1042',
		title: process.env.DEMO_TITLE || 'the requested item',
		requester: process.env.DEMO_REQUESTER,
		restoreSessionId: process.env.VB365_RESTORE_SESSION_ID,
		siteId: process.env.VB365_SITE_ID,
		itemId: process.env.VB365_ITEM_ID,
	};
}

function formatSize(bytes) {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${bytes} B`;
}

/** Simulator only: every file in demo-output and the outbox must match the fixture. */
function verifyAgainstSimulator(sim, ticket, written) {
	const problems = [];
	const item = sim.fixture.item('helpdesk');
	for (const attachment of item.attachments) {
		const file = path.join(OUTPUT_DIR, attachment.name);
		if (!fs.existsSync(file)) {
			problems.push(`${attachment.name} missing from demo-output`);
			continue;
		}
		if (!fs.readFileSync(file).equals(sim.attachmentContent(attachment.id))) {
			problems.push(`${attachment.name} differs from the backed-up file`);
		}
	}
	if (written.length !== item.attachments.length) {
		problems.push(`${written.length} files written, expected ${item.attachments.length}`);
	}
	const mails = sim.outbox.filter((mail) => mail.to === ticket.requester);
	if (mails.length !== 1) problems.push(`${mails.length} mails to ${ticket.requester}, expected 1`);
	else if (mails[0].attachments.length !== item.attachments.length) {
		problems.push(`the mail carries ${mails[0].attachments.length} attachments, expected ${item.attachments.length}`);
	}
	return problems;
}

async function main() {
	const started = Date.now();
	const lane = getLane(2);
	await ensureInstalled(lane, { logDir: LOG_DIR });
	await buildPackage();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-demo-'));
	const target = await openTarget();
	try {
		const { tarball } = await packPackage(path.join(workDir, 'pack'));
		const userFolder = path.join(workDir, 'user');
		await installIntoUserFolder(tarball, userFolder);
		console.log(
			target.kind === 'simulator'
				? `VB365 simulator on ${target.server.url}`
				: `Real VB365 server ${target.server.url} (API ${target.server.apiVersion})`,
		);

		fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
		fs.mkdirSync(OUTPUT_DIR, { recursive: true });
		const cred = credential({ id: 'vb365DemoCred001', name: 'VB365 (demo)', ...target.server });
		const ticket = ticketFor(target);
		const env = await n8nEnv(lane, userFolder, { N8N_RESTRICT_FILE_ACCESS_TO: OUTPUT_DIR });
		const logFile = path.join(workDir, 'n8n.log');
		const credFile = writeJson(path.join(workDir, 'credentials.json'), [cred]);
		const wf = helpdeskDemoWorkflow(cred, ticket, OUTPUT_DIR);
		const wfFile = writeJson(path.join(workDir, 'workflow.json'), wf);

		console.log(`Importing into n8n ${lane.n8nVersion} (Node 24) …`);
		await n8nOk(lane, env, ['import:credentials', `--input=${credFile}`], { logFile });
		await n8nOk(lane, env, ['import:workflow', `--input=${wfFile}`], { logFile });
		console.log(`Running "${wf.name}" for ticket ${ticket.ticket} …`);
		const result = await executeWorkflow(lane, env, wf.id, { logFile });
		const runError = result.run?.data?.resultData?.error;
		if (result.code !== 0 || !result.run || runError) {
			throw new Error(
				`the workflow failed (exit ${result.code ?? result.signal}): ${runError?.message ?? ''}\n${(result.stdout + result.stderr).slice(-2000)}`,
			);
		}

		const saved = nodeItems(result.run, 'Restore Attachments') ?? [];
		const written = nodeItems(result.run, 'Write to demo-output') ?? [];
		const [sent] = nodeItems(result.run, 'Email Requester') ?? [];
		console.log(`\nTicket ${ticket.ticket}: ${saved.length} attachment(s) restored from "${ticket.title}"`);
		for (const item of saved) {
			const file = path.join(OUTPUT_DIR, item.json.fileName);
			const size = fs.existsSync(file) ? fs.statSync(file).size : NaN;
			console.log(`  demo-output/${item.json.fileName}  ${formatSize(size)}`);
		}
		if (sent?.json?.sent) {
			console.log(`Emailed ${sent.json.attachments.length} attachment(s) to ${sent.json.to} — "${sent.json.subject}"`);
		}
		const problems = [];
		if (!sent?.json?.sent) problems.push('the email step did not report "sent"');
		if (saved.length === 0) problems.push('nothing was restored');
		if (target.kind === 'simulator') problems.push(...verifyAgainstSimulator(target.sim, ticket, written));
		if (problems.length) throw new Error(problems.join('\n'));
		console.log(
			`\nDemo OK in ${seconds(Date.now() - started)}${target.kind === 'simulator' ? ': files equal the backed-up originals, the simulator got the mail' : ''}.`,
		);
	} finally {
		await target.stop();
		if (process.env.DEMO_KEEP) console.log(`n8n work folder kept: ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`\nDemo FAILED: ${error.message}`);
	process.exitCode = 1;
});
