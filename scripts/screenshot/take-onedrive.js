#!/usr/bin/env node
'use strict';
// Takes docs/screenshot-onedrive.png: the "Find the File" node (OneDrive Document → Search) of
// examples/restore-onedrive-file-as-of-yesterday.json in a real n8n 2.x editor, with headless Chromium.
// Usage (after `npm ci` in this folder): node scripts/screenshot/take-onedrive.js

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { startEditor, REPO_ROOT } = require('./editor-server');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET = path.join(REPO_ROOT, 'docs', 'screenshot-onedrive.png');
const WORKFLOW_ID = 'vb365ExampleOned01';
const NODE_NAME = 'Find the File';
const byTestId = (id) => `[data-test-id="${id}"]`;

async function shoot(context, editorUrl, owner) {
	const page = await context.newPage();
	await page.setViewportSize({ width: 1440, height: 1250 });
	await page.goto(`${editorUrl}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
	await page.fill('input[name="password"]', owner.password);
	await page.click(byTestId('form-submit-button'));
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
	await page.goto(`${editorUrl}/workflow/${WORKFLOW_ID}`);
	await page.waitForSelector(byTestId('canvas-node'), { timeout: 60000 });
	await page.waitForTimeout(1500);
	await page.locator(`${byTestId('canvas-node')}[data-node-name="${NODE_NAME}"]`).dblclick();
	for (const name of ['operation', 'oneDriveId', 'fileName', 'modifiedAfter']) {
		await page.waitForSelector(byTestId(`parameter-input-${name}`), { timeout: 30000 });
	}
	await page.mouse.move(1, 1);
	await page.waitForTimeout(800);
	await page.screenshot({ path: TARGET });
	console.log(`  ${path.relative(REPO_ROOT, TARGET)} (${Math.round(fs.statSync(TARGET).size / 1024)} KB)`);
}

async function main() {
	const editor = await startEditor({ log: console.log });
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-screenshot-onedrive-'));
	let context;
	try {
		const editorUrl = await editor.ready;
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		await shoot(context, editorUrl, editor.owner);
	} finally {
		if (context) await context.close().catch(() => {});
		await editor.stop();
		fs.rmSync(profileDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`screenshot failed: ${error.message}`);
	process.exit(1);
});
