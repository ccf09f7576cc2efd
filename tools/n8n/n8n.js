'use strict';
// Drives a real n8n process of one lane: CLI commands (import, execute, export) and `n8n start`
// with the REST calls the editor makes (owner setup, credential test).

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { lanePath } = require('./lanes');
const { run, tail } = require('./process');

const COMMAND_TIMEOUT_MS = 240000;

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Environment for an n8n child: the parent's variables minus every N8N_* / DB_* one (so a
 * developer's own n8n settings, e.g. N8N_CUSTOM_EXTENSIONS, never leak in), plus the lane's.
 */
async function n8nEnv(laneDef, userFolder, extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|NODE_OPTIONS$|NODE_PATH$)/.test(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		PATH: lanePath(laneDef),
		N8N_USER_FOLDER: userFolder,
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		// Own port for the task broker, so two n8n processes (e.g. `npm start` and the e2e
		// lanes) never collide on the default 5679.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...laneDef.env,
		...extra,
	};
}

function n8nCommand(laneDef, env, args, { logFile, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
	return run(laneDef.nodeBin, [laneDef.n8nBin, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env,
		logFile,
		timeoutMs,
	});
}

/** Throws with the command's output when it did not exit 0. */
async function n8nOk(laneDef, env, args, options) {
	const result = await n8nCommand(laneDef, env, args, options);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args[0]} exited ${result.code ?? result.signal}:\n${tail(result.stdout + result.stderr, 25)}`,
		);
	}
	return result;
}

/**
 * `n8n execute --rawOutput` prints the run as JSON, on 2.x between log lines (a task runner may
 * register after it). Returns the parsed object, or undefined when no complete JSON object is
 * found: the object starts at a line "{" and ends at a line "}", both at column 0.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].startsWith('{')) continue;
		for (let end = start; end < lines.length; end++) {
			if (!lines[end].startsWith('}') && !(end === start && lines[end].endsWith('}'))) continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// Not the end of this object yet, or a log line that starts with "{".
			}
		}
	}
	return undefined;
}

/**
 * Runs an imported workflow. Resolves with { code, run, stdout, stderr, ms }; `run` is the parsed
 * IRun (or undefined). A missing --id exits 0 with a message only, so callers must check `run`.
 */
async function executeWorkflow(laneDef, env, workflowId, options) {
	const result = await n8nCommand(
		laneDef,
		env,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		options,
	);
	return { ...result, run: parseRunOutput(result.stdout) };
}

/** Output items of a node's first run (main output 0), or undefined. */
function nodeItems(runResult, nodeName, output = 0) {
	const runs = runResult?.data?.resultData?.runData?.[nodeName];
	return runs?.[0]?.data?.main?.[output] ?? undefined;
}

function nodeError(runResult, nodeName) {
	return runResult?.data?.resultData?.runData?.[nodeName]?.[0]?.error;
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
	return file;
}

function isJsonWithData(text) {
	try {
		const json = JSON.parse(text);
		return typeof json === 'object' && json !== null && 'data' in json;
	} catch {
		return false;
	}
}

/** Starts `n8n start` on a free port and waits until its REST API answers with JSON. */
async function startServer(laneDef, env, { port, logFile, readyTimeoutMs = 240000 } = {}) {
	const listenPort = port ?? (await freePort());
	const serverEnv = {
		...env,
		N8N_PORT: String(listenPort),
		N8N_LISTEN_ADDRESS: env.N8N_LISTEN_ADDRESS || '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_SECURE_COOKIE: 'false',
		// Webhook URLs n8n registers elsewhere (e.g. the Jira Trigger's) name the loopback address
		// it listens on, not "localhost" (which may resolve to ::1 first).
		WEBHOOK_URL: env.WEBHOOK_URL || `http://127.0.0.1:${listenPort}/`,
	};
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(laneDef.nodeBin, [laneDef.n8nBin, 'start'], {
		cwd: env.N8N_USER_FOLDER,
		env: serverEnv,
		stdio: ['ignore', out, out],
	});
	let exited;
	child.on('exit', (code, signal) => {
		exited = { code, signal };
	});
	const baseUrl = `http://127.0.0.1:${listenPort}`;
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exited) {
			const log = logFile ? tail(fs.readFileSync(logFile, 'utf8'), 25) : '';
			throw new Error(`n8n start exited early (${exited.code ?? exited.signal})\n${log}`);
		}
		try {
			// While starting, n8n answers every route with 200 and a "starting up" text page;
			// ready means the settings come back as JSON.
			const res = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(5000) });
			const body = await res.text();
			if (res.status === 200 && isJsonWithData(body)) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n start did not become ready within ${readyTimeoutMs / 1000} s`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}

	const stop = () =>
		new Promise((resolve) => {
			if (exited) return resolve(exited);
			const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
			child.once('exit', (code, signal) => {
				clearTimeout(killer);
				resolve({ code, signal });
			});
			child.kill('SIGTERM');
		});
	return { baseUrl, port: listenPort, child, stop };
}

/**
 * Minimal REST client for the editor's API: keeps the auth cookie and sends a fixed
 * browser-id header (n8n ties the session cookie to it).
 */
function restClient(baseUrl) {
	let cookie = '';
	const browserId = 'n8n-nodes-veeam-m365-e2e';
	async function call(method, route, body, { prefix = '/rest' } = {}) {
		const res = await fetch(`${baseUrl}${prefix}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': browserId,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(120000),
		});
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}
	return {
		call,
		get loggedIn() {
			return cookie !== '';
		},
	};
}

/**
 * Makes sure an owner exists and the client is logged in as it: sets the owner up on a fresh
 * instance, otherwise logs in with the same email/password.
 */
async function ensureOwner(client, owner) {
	const setup = await client.call('POST', '/owner/setup', {
		email: owner.email,
		firstName: owner.firstName,
		lastName: owner.lastName,
		password: owner.password,
	});
	if (setup.status === 200 && client.loggedIn && setup.json) return 'created';
	// 2.x names the field emailOrLdapLoginId, 1.x accepts it too (and `email` on old versions).
	const login = await client.call('POST', '/login', {
		email: owner.email,
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	if (login.status === 200 && client.loggedIn) return 'logged-in';
	throw new Error(
		`Could not set up or log in the n8n owner: setup ${setup.status} ${setup.text.slice(0, 200)}; login ${login.status} ${login.text.slice(0, 200)}`,
	);
}

/**
 * Runs n8n's credential test (what the editor's "Retry"/"Save" does) for a stored credential.
 * Resolves with { status: 'OK' | 'Error', message }.
 */
async function testCredential(client, credential) {
	const res = await client.call('POST', '/credentials/test', {
		credentials: {
			id: credential.id,
			name: credential.name,
			type: credential.type,
			data: credential.data,
		},
	});
	if (res.status !== 200 || !res.json) {
		throw new Error(
			`POST /rest/credentials/test answered ${res.status}: ${res.text.slice(0, 300)}`,
		);
	}
	const result = res.json.data ?? res.json;
	return { status: result.status, message: result.message };
}

module.exports = {
	freePort,
	n8nEnv,
	n8nCommand,
	n8nOk,
	executeWorkflow,
	parseRunOutput,
	nodeItems,
	nodeError,
	writeJson,
	startServer,
	restClient,
	ensureOwner,
	testCredential,
};
