#!/usr/bin/env node
'use strict';
// Takes the README screenshots of the client examples on the n8n 2.x canvas (headless Chromium):
//   docs/screenshot-jira.png      examples/jira-ticket-restore.json
//   docs/screenshot-ai-agent.png  examples/ai-agent-helpdesk-chat.json
// Usage (after `npm ci` in this folder): node scripts/screenshot/take-clients.js
// Like take.js it runs `npm start` with a throw-away user folder and stops it at the end.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { startEditor, REPO_ROOT } = require('./editor-server');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = [
	{ example: 'jira-ticket-restore.json', file: 'screenshot-jira.png' },
	{ example: 'ai-agent-helpdesk-chat.json', file: 'screenshot-ai-agent.png' },
];
const byTestId = (id) => `[data-test-id="${id}"]`;

async function main() {
	const editor = await startEditor({ log: console.log });
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-screenshot-chromium-'));
	let context;
	try {
		const editorUrl = await editor.ready;
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--no-first-run',
				'--disable-background-networking',
			],
			viewport: { width: 1440, height: 800 },
			deviceScaleFactor: 1,
		});
		const page = await context.newPage();
		await page.goto(`${editorUrl}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', editor.owner.email);
		await page.fill('input[name="password"]', editor.owner.password);
		await page.click(byTestId('form-submit-button'));
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
		for (const shot of SHOTS) {
			const { id } = JSON.parse(
				fs.readFileSync(path.join(REPO_ROOT, 'examples', shot.example), 'utf8'),
			);
			await page.goto(`${editorUrl}/workflow/${id}`);
			await page.waitForSelector(byTestId('canvas-node'), { timeout: 60000 });
			await page.waitForTimeout(2000);
			await page.mouse.move(1, 1);
			for (const close of await page.locator('.el-notification__closeBtn').all())
				await close.click().catch(() => {});
			await page.waitForTimeout(600);
			const target = path.join(REPO_ROOT, 'docs', shot.file);
			await page.screenshot({ path: target });
			console.log(`  docs/${shot.file} (${Math.round(fs.statSync(target).size / 1024)} KB)`);
		}
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
