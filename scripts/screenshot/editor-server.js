'use strict';
// Runs `npm start` (scripts/start.js) in its own process group, with a throw-away n8n user folder
// and free ports, so the screenshots never touch the data of an `npm start` the user runs.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const START_SCRIPT = path.join(REPO_ROOT, 'scripts', 'start.js');
// First runs may install n8n and build the package.
const READY_TIMEOUT_MS = 20 * 60 * 1000;
const STOP_GRACE_MS = 40 * 1000;

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Spawns scripts/start.js and resolves at once with { ready, owner: {email, password}, stop() };
 * `ready` resolves with the editor URL once it reports ready, and rejects (after stopping it)
 * when it fails or exits. stop() may be called at any time, e.g. on Ctrl-C.
 */
async function startEditor({ log = () => {} } = {}) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-screenshot-n8n-'));
	const owner = { email: 'admin@example.com', password: 'Veeam-Demo-2024' };
	const env = {
		...process.env,
		START_USER_FOLDER: userFolder,
		START_OWNER_EMAIL: owner.email,
		START_OWNER_PASSWORD: owner.password,
		N8N_PORT: String(await freePort()),
		SIM_PORT: String(await freePort()),
		// Always the embedded simulator, so the screenshots show the same data every time.
		VB365_URL: '',
	};
	const child = spawn(process.execPath, [START_SCRIPT], {
		cwd: REPO_ROOT,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const pgid = child.pid;
	let output = '';
	let exited;
	const exitPromise = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		});
	});

	async function stop() {
		if (groupAlive(pgid)) {
			try {
				process.kill(-pgid, 'SIGTERM');
			} catch {
				// already gone
			}
			const deadline = Date.now() + STOP_GRACE_MS;
			while (groupAlive(pgid) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
		}
		await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 5000))]);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}

	const ready = new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`npm start was not ready within ${READY_TIMEOUT_MS / 60000} min`)),
			READY_TIMEOUT_MS,
		);
		const onData = (chunk) => {
			const text = chunk.toString();
			output += text;
			for (const line of text.split('\n')) if (line.trim()) log(`  [npm start] ${line}`);
			const ready = /is ready:\s+(http\S+)/.exec(output);
			if (ready) {
				clearTimeout(timer);
				resolve(ready[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		exitPromise.then(() => {
			clearTimeout(timer);
			reject(
				new Error(`npm start exited (${exited.code ?? exited.signal}) before the editor was ready`),
			);
		});
	}).catch(async (error) => {
		await stop();
		throw error;
	});
	return { ready, owner, stop };
}

module.exports = { startEditor, REPO_ROOT };
