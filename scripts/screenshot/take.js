#!/usr/bin/env node
'use strict';
// Takes the README screenshots of the node in a real n8n 2.x editor with headless Chromium:
//   docs/screenshot.png           the Save node's parameters in the "helpdesk ticket" example
//   docs/screenshot-workflow.png  that example workflow on the canvas
//   docs/screenshot-run.png       the demo workflow's Save node after "Execute step" (simulator data)
//   docs/screenshot-search.png    the node panel finding the node for "backup attachments"
//   docs/screenshot-mail.png, -onedrive.png, -spdocs.png, -teams.png  a node of the mail / OneDrive /
//   document / Teams example
//   docs/screenshot-jira.png, screenshot-ai-agent.png   the Jira and AI Agent examples on the canvas
// It fails when a search a helpdesk would type (SharePoint, restore, backup attachments) does not
// find the node.
// Usage (after `npm ci` in this folder): node scripts/screenshot/take.js
// It starts `npm start` itself (throw-away user folder, free ports) and stops it at the end.
// CHROMIUM_PATH overrides /usr/bin/chromium (Debian: apt-get install chromium).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { startEditor, REPO_ROOT } = require('./editor-server');
const { helpdeskDemoWorkflow } = require('../../tools/workflows');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const NODE_TYPE = 'n8n-nodes-veeam-m365.veeamM365';
const MAX_PNG_BYTES = 400 * 1024;
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function log(message) {
	console.log(message);
}

/** The workflow id and the name of its Veeam "save" node. */
function saveNodeOf(workflow) {
	const node = workflow.nodes.find(
		(n) => n.type === NODE_TYPE && n.parameters && n.parameters.operation === 'save',
	);
	if (!node) throw new Error(`workflow "${workflow.name}" has no ${NODE_TYPE} save node`);
	return { workflowId: workflow.id, nodeName: node.name };
}

const EXAMPLE = saveNodeOf(
	JSON.parse(
		fs.readFileSync(path.join(REPO_ROOT, 'examples', 'helpdesk-ticket-restore.json'), 'utf8'),
	),
);
const DEMO = saveNodeOf(helpdeskDemoWorkflow({ id: 'x', name: 'x' }, {}, os.tmpdir()));

const byTestId = (id) => `[data-test-id="${id}"]`;

async function signIn(page, editorUrl, owner) {
	await page.goto(`${editorUrl}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
	await page.fill('input[name="password"]', owner.password);
	await page.click(byTestId('form-submit-button'));
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
}

async function openWorkflow(page, editorUrl, workflowId) {
	await page.goto(`${editorUrl}/workflow/${workflowId}`);
	await page.waitForSelector(byTestId('canvas-node'), { timeout: 60000 });
	// The canvas zooms to fit after the nodes render.
	await page.waitForTimeout(1500);
}

async function openNode(page, nodeName) {
	await page.locator(`${byTestId('canvas-node')}[data-node-name="${nodeName}"]`).dblclick();
	await page.waitForSelector(`${byTestId('ndv')} ${byTestId('node-parameters')}`, {
		timeout: 30000,
	});
}

async function shoot(page, file) {
	// No hover highlights (the mouse stays where the node was double-clicked).
	await page.mouse.move(1, 1);
	// Toasts such as "Node executed successfully" would cover the output panel.
	for (const close of await page.locator('.el-notification__closeBtn').all()) {
		await close.click().catch(() => {});
	}
	await page.waitForTimeout(800);
	const target = path.join(DOCS_DIR, file);
	await page.screenshot({ path: target });
	const bytes = fs.statSync(target).size;
	log(`  ${path.relative(REPO_ROOT, target)} (${Math.round(bytes / 1024)} KB)`);
	if (bytes > MAX_PNG_BYTES) throw new Error(`${file} is ${bytes} bytes, over ${MAX_PNG_BYTES}`);
}

async function newPage(context, viewport) {
	const page = await context.newPage();
	await page.setViewportSize(viewport);
	return page;
}

async function takeScreenshots(context, editorUrl, owner) {
	// Tall enough for every Save parameter from Credential down to Simplify.
	let page = await newPage(context, { width: 1440, height: 1200 });
	await signIn(page, editorUrl, owner);
	await openWorkflow(page, editorUrl, EXAMPLE.workflowId);
	await openNode(page, EXAMPLE.nodeName);
	for (const name of ['restoreSessionMode', 'organizationId', 'siteId', 'itemId', 'output']) {
		await page.waitForSelector(byTestId(`parameter-input-${name}`), { timeout: 10000 });
	}
	await shoot(page, 'screenshot.png');
	await page.close();

	page = await newPage(context, { width: 1280, height: 720 });
	await openWorkflow(page, editorUrl, EXAMPLE.workflowId);
	await shoot(page, 'screenshot-workflow.png');
	await page.close();

	page = await newPage(context, { width: 1440, height: 900 });
	await openWorkflow(page, editorUrl, DEMO.workflowId);
	await openNode(page, DEMO.nodeName);
	await page.click(`${byTestId('ndv')} ${byTestId('node-execute-button')}`);
	await page.waitForSelector(`${byTestId('output-panel')} ${byTestId('ndv-binary-data_0')}`, {
		timeout: 120000,
	});
	await shoot(page, 'screenshot-run.png');
	await page.close();

	page = await newPage(context, { width: 1280, height: 800 });
	await findInNodePanel(page, editorUrl);
	await shoot(page, 'screenshot-search.png');
	await page.close();

	for (const shot of NODE_SHOTS) {
		page = await newPage(context, { width: 1440, height: 1250 });
		await openWorkflow(page, editorUrl, exampleId(shot.example));
		await openNode(page, shot.nodeName);
		for (const name of shot.parameters) {
			await page.waitForSelector(byTestId(`parameter-input-${name}`), { timeout: 30000 });
		}
		await shoot(page, shot.file);
		await page.close();
	}
	for (const shot of CANVAS_SHOTS) {
		page = await newPage(context, { width: 1440, height: 800 });
		await openWorkflow(page, editorUrl, exampleId(shot.example));
		await shoot(page, shot.file);
		await page.close();
	}
}

/** A node's parameters in an example workflow, one screenshot each (README service sections). */
const NODE_SHOTS = [
	{
		example: 'restore-deleted-email.json',
		nodeName: 'Find the Mail',
		parameters: ['operation', 'mailboxId', 'subject', 'receivedBefore'],
		file: 'screenshot-mail.png',
	},
	{
		example: 'restore-onedrive-file-as-of-yesterday.json',
		nodeName: 'Find the File',
		parameters: ['operation', 'oneDriveId', 'fileName', 'modifiedAfter'],
		file: 'screenshot-onedrive.png',
	},
	{
		example: 'restore-sharepoint-document-by-link.json',
		nodeName: 'Restore the Document',
		parameters: ['operation', 'sharePointDocument'],
		file: 'screenshot-spdocs.png',
	},
	{
		example: 'restore-teams-channel-file.json',
		nodeName: 'Find the File',
		parameters: ['operation', 'teamId', 'channelId', 'fileName'],
		file: 'screenshot-teams.png',
	},
];

/** Whole example workflows on the canvas (README client sections). */
const CANVAS_SHOTS = [
	{ example: 'jira-ticket-restore.json', file: 'screenshot-jira.png' },
	{ example: 'ai-agent-helpdesk-chat.json', file: 'screenshot-ai-agent.png' },
];

function exampleId(file) {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')).id;
}

/** The words a helpdesk would search the node panel with must find the node (issue 11). */
const PANEL_SEARCHES = [
	'SharePoint',
	'restore',
	'backup attachments',
	'Veeam',
	'OneDrive',
	'Teams',
	'restore file',
];

async function findInNodePanel(page, editorUrl) {
	// A workflow with a trigger, so the panel offers action nodes ("What happens next?").
	await openWorkflow(page, editorUrl, EXAMPLE.workflowId);
	await page.click(byTestId('node-creator-plus-button'));
	const search = page.locator(`input${byTestId('node-creator-search-bar')}`).first();
	await search.waitFor({ timeout: 30000 });
	const ourNode = page
		.locator(byTestId('node-creator-item-name'), { hasText: 'Veeam Backup for Microsoft 365' })
		.first();
	const found = async (words) => {
		await search.fill(words);
		await page.waitForTimeout(700);
		return await ourNode.isVisible();
	};
	// The check itself must be able to fail.
	if (await found('zzqx no such node')) throw new Error('the node panel check matches anything');
	for (const words of PANEL_SEARCHES) {
		if (!(await found(words))) {
			throw new Error(`searching the node panel for "${words}" does not find the node`);
		}
		log(`  node panel: "${words}" finds the node`);
	}
	await found('backup attachments');
}

async function main() {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
		);
	}
	log('Starting the n8n editor (npm start) …');
	const editor = await startEditor({ log });
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-screenshot-chromium-'));
	let context;
	const cleanUp = async () => {
		if (context) await context.close().catch(() => {});
		context = undefined;
		await editor.stop();
		fs.rmSync(profileDir, { recursive: true, force: true });
	};
	const onSignal = () => {
		cleanUp().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		const editorUrl = await editor.ready;
		// A fresh profile each run: no cookies, caches or "what's new" state from earlier runs.
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
			// onSignal closes it, after which the editor is stopped too.
			handleSIGINT: false,
			handleSIGTERM: false,
		});
		log(`Taking screenshots from ${editorUrl} …`);
		await takeScreenshots(context, editorUrl, editor.owner);
	} finally {
		log('Stopping Chromium and the editor …');
		await cleanUp();
	}
}

main().catch((error) => {
	console.error(`screenshot failed: ${error.message}`);
	process.exit(1);
});
