#!/usr/bin/env node
'use strict';
// `npm start`: the n8n 2.x editor on http://localhost:5678 with this package installed from a
// fresh build, a VB365 credential, the example workflows and the demo workflow — against the
// embedded VB365 simulator (https://127.0.0.1:4443), or a real server when VB365_URL is set.
// The n8n data lives in <E2E_N8N_HOME>/start-user-folder (outside the repo, so the build and the
// linter never see it) and survives restarts.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { REPO_ROOT, openTarget } = require('./lib/vb365-target');
const { E2E_HOME, LOG_DIR, getLane } = require('../tools/n8n/lanes');
const { ensureInstalled } = require('../tools/n8n/install');
const { buildPackage, packPackage, installIntoUserFolder } = require('../tools/n8n/package');
const { n8nEnv, n8nOk, writeJson, startServer, restClient, ensureOwner } = require('../tools/n8n/n8n');
const { credential, helpdeskDemoWorkflow } = require('../tools/workflows');

const WORK_DIR = LOG_DIR;
const USER_FOLDER = process.env.START_USER_FOLDER || path.join(E2E_HOME, 'start-user-folder');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const OUTPUT_DIR = path.join(REPO_ROOT, 'demo-output');
const EDITOR_PORT = Number(process.env.N8N_PORT || 5678);
const SIM_PORT = Number(process.env.SIM_PORT || 4443);
const OWNER = {
	email: process.env.START_OWNER_EMAIL || 'admin@example.com',
	firstName: 'Demo',
	lastName: 'Admin',
	password: process.env.START_OWNER_PASSWORD || 'Veeam-Demo-2024',
};
// The credential the examples reference.
const CREDENTIAL = { id: 'vb365Credential1', name: 'Veeam Backup for Microsoft 365 account' };

function sha(value) {
	return crypto.createHash('sha256').update(value).digest('hex');
}

/**
 * Imports what changed since the last start, so edits made in the editor survive restarts:
 * the credential when its target changed, examples when their file changed.
 */
async function importChanged(lane, env, target, logFile) {
	const markerFile = path.join(USER_FOLDER, 'imported-by-npm-start.json');
	const marker = fs.existsSync(markerFile) ? JSON.parse(fs.readFileSync(markerFile, 'utf8')) : {};
	const importDir = path.join(USER_FOLDER, 'to-import');
	fs.rmSync(importDir, { recursive: true, force: true });

	const cred = credential({ ...CREDENTIAL, ...target.server });
	const credHash = sha(JSON.stringify(cred));
	if (marker.credential !== credHash) {
		const file = writeJson(path.join(importDir, 'credentials.json'), [cred]);
		await n8nOk(lane, env, ['import:credentials', `--input=${file}`], { logFile });
		marker.credential = credHash;
		console.log(`  credential "${cred.name}" → ${cred.data.url}`);
	}

	const workflows = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({ file: f, json: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) }));
	if (target.kind === 'simulator') {
		const item = target.sim.fixture.item('helpdesk');
		const ticket = {
			ticket: 'HD-1042',
			title: item.title,
			requester: 'anna.meier@contoso.com',
			restoreSessionId: target.sim.fixture.restoreSession.id,
			siteId: item.siteId,
			itemId: item.id,
		};
		workflows.push({ file: 'demo', json: helpdeskDemoWorkflow({ ...cred }, ticket, OUTPUT_DIR) });
	}
	marker.workflows = marker.workflows || {};
	const changed = workflows.filter((wf) => marker.workflows[wf.file] !== sha(JSON.stringify(wf.json)));
	if (changed.length > 0) {
		const dir = path.join(importDir, 'workflows');
		for (const wf of changed) writeJson(path.join(dir, `${wf.json.id}.json`), wf.json);
		await n8nOk(lane, env, ['import:workflow', '--separate', `--input=${dir}`], { logFile });
		for (const wf of changed) {
			marker.workflows[wf.file] = sha(JSON.stringify(wf.json));
			console.log(`  workflow "${wf.json.name}"`);
		}
	}
	fs.rmSync(importDir, { recursive: true, force: true });
	writeJson(markerFile, marker);
}

async function main() {
	const lane = getLane(2);
	await ensureInstalled(lane, { logDir: WORK_DIR });
	await buildPackage();
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	fs.mkdirSync(OUTPUT_DIR, { recursive: true });
	const { tarball } = await packPackage(path.join(WORK_DIR, 'pack'));
	await installIntoUserFolder(tarball, USER_FOLDER);

	const target = await openTarget({ port: SIM_PORT });
	const logFile = path.join(WORK_DIR, 'start-n8n.log');
	const env = await n8nEnv(lane, USER_FOLDER, {
		N8N_RESTRICT_FILE_ACCESS_TO: OUTPUT_DIR,
		N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
	});
	console.log(`Importing into n8n ${lane.n8nVersion} (user folder ${path.relative(REPO_ROOT, USER_FOLDER)}) …`);
	await importChanged(lane, env, target, logFile);

	console.log(`Starting the n8n editor on port ${EDITOR_PORT} (log: ${path.relative(REPO_ROOT, logFile)}) …`);
	const server = await startServer(lane, env, { port: EDITOR_PORT, logFile });
	await ensureOwner(restClient(server.baseUrl), OWNER);

	console.log(`
n8n ${lane.n8nVersion} is ready:   http://localhost:${EDITOR_PORT}
  login:    ${OWNER.email}
  password: ${OWNER.password}
VB365: ${target.kind === 'simulator' ? `simulator at ${target.server.url} (user ${target.server.username}, password ${target.server.password})` : `real server ${target.server.url}`}
Credential "${CREDENTIAL.name}" points there; open it under Credentials to change the Server URL,
user and password (or restart with VB365_URL/VB365_USERNAME/VB365_PASSWORD set).
Workflows: the examples from examples/${target.kind === 'simulator' ? ' and "Demo: helpdesk ticket …" (writes to demo-output/)' : ''}.
Press Ctrl-C to stop.`);

	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulator …');
		await server.stop();
		await target.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	server.child.on('exit', async (code, signal) => {
		if (stopping) return;
		console.error(`n8n exited unexpectedly (${code ?? signal}); see ${logFile}`);
		await target.stop();
		process.exit(1);
	});
}

main().catch((error) => {
	console.error(`npm start failed: ${error.message}`);
	process.exit(1);
});
