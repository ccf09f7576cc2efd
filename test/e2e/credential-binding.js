'use strict';
// Cases (g1–g4): the credential's session token is only used with the server, API version and
// login it was issued for. A credential is used once, then its login or Server URL is changed
// the way the editor saves an edit (every other field, the hidden session token included, stays
// stored); n8n's credential test and workflow runs must then log in afresh, and no server may be
// shown a token that another server issued. A second simulator plays "another host".

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const {
	n8nOk,
	executeWorkflow,
	nodeItems,
	writeJson,
	startServer,
	restClient,
	ensureOwner,
} = require('../../tools/n8n/n8n');
const { NODE_TYPE, CREDENTIAL_TYPE } = require('../../tools/n8n/package');

const CREDENTIAL = { id: 'vb365E2eBindC001', name: 'VB365 simulator (binding)' };
const WORKFLOW_ID = 'vb365E2eBind0001';
const WRONG_USER = 'CONTOSO\\someone-else';
const WRONG_PASSWORD = 'Binding-Wrong-Secret-42';
const LOGIN_FAILED = /login failed: the server rejected the username or password/;

/** Every bearer token a simulator is shown until `unwatch()` (its request log redacts them). */
function watchBearers(server) {
	const seen = new Set();
	const original = server.tokens.checkAccess;
	server.tokens.checkAccess = (token) => {
		seen.add(token);
		return original.call(server.tokens, token);
	};
	seen.unwatch = () => {
		server.tokens.checkAccess = original;
	};
	return seen;
}

function foreignTokens(seen, issuer) {
	const issued = new Set(issuer.issuedTokens());
	return [...seen].filter((token) => issued.has(token)).length;
}

const loginsBy = (server) =>
	server.requests
		.filter((request) => /\/token$/i.test(request.path))
		.map((request) => request.body?.username);

function bindingWorkflow(ids) {
	return {
		id: WORKFLOW_ID,
		name: 'E2E credential binding',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'List Attachments', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'bind-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'bind-list',
				name: 'List Attachments',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'sharePointItemAttachment',
					operation: 'getAll',
					returnAll: true,
					restoreSessionId: { __rl: true, mode: 'id', value: ids.restoreSessionId },
					siteId: { __rl: true, mode: 'id', value: ids.siteId },
					itemId: { __rl: true, mode: 'id', value: ids.itemId },
				},
				credentials: { [CREDENTIAL_TYPE]: CREDENTIAL },
			},
		],
	};
}

/**
 * Runs the binding cases of one lane after its other cases (the lane's n8n server is stopped).
 * `ctx`: { sim, ids, env, workDir, logFile, record, tag, owner }.
 */
async function runCredentialBindingCases(laneDef, ctx) {
	const { sim, ids, env, workDir, logFile, record, tag, owner } = ctx;
	const dir = path.join(workDir, 'binding');
	fs.mkdirSync(dir, { recursive: true });
	const { startSimulator } = require('../../tools/simulator');
	const other = await startSimulator({ port: 0, profile: '8.x' });
	const seenBySim = watchBearers(sim);
	const seenByOther = watchBearers(other);
	// g2–g4 each check one thing on top of g1's set-up, so one failing does not skip the others.
	let setUp = false;
	const step = (name, fn) =>
		record(`${tag} ${name}`, async () => {
			assert.ok(setUp, 'skipped: (c1) failed');
			return await fn();
		});

	const storedData = async () => {
		const file = path.join(dir, 'exported.json');
		await n8nOk(
			laneDef,
			env,
			['export:credentials', `--id=${CREDENTIAL.id}`, '--decrypted', `--output=${file}`],
			{ logFile },
		);
		const [stored] = JSON.parse(fs.readFileSync(file, 'utf8'));
		fs.rmSync(file);
		return stored.data;
	};
	// What the editor's Save does: the edited fields change, the hidden token stays stored.
	const saveEdit = async (edit) => {
		const data = { ...(await storedData()), ...edit };
		const file = writeJson(path.join(dir, 'credential.json'), [
			{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data },
		]);
		await n8nOk(laneDef, env, ['import:credentials', `--input=${file}`], { logFile });
		fs.rmSync(file);
	};
	const execute = async () => {
		const result = await executeWorkflow(laneDef, env, WORKFLOW_ID, { logFile });
		assert.ok(
			result.run,
			`no run JSON from n8n execute\n${(result.stdout + result.stderr).slice(-2000)}`,
		);
		return result.run;
	};
	// A failed run prints no run JSON, only the error.
	const executeFailing = async () => {
		const result = await executeWorkflow(laneDef, env, WORKFLOW_ID, { logFile });
		const output = result.stdout + result.stderr;
		if (result.run && !result.run.data?.resultData?.error) assert.fail('the run succeeded');
		return {
			output: `${result.run?.data?.resultData?.error?.message ?? ''}\n${output}`,
			code: result.code,
		};
	};
	const clearLogs = () => {
		for (const server of [sim, other]) server.requests.length = 0;
		seenBySim.clear();
		seenByOther.clear();
	};

	try {
		await record(
			`${tag} (c1) binding: the credential is used once, its token is stored`,
			async () => {
				const credFile = writeJson(path.join(dir, 'credential.json'), [
					{
						...CREDENTIAL,
						type: CREDENTIAL_TYPE,
						data: {
							url: sim.url,
							apiVersion: 'v8',
							authentication: 'password',
							username: sim.credentials.username,
							password: sim.credentials.password,
							ignoreSslIssues: true,
						},
					},
				]);
				const wfFile = writeJson(path.join(dir, 'workflow.json'), bindingWorkflow(ids));
				await n8nOk(laneDef, env, ['import:credentials', `--input=${credFile}`], { logFile });
				await n8nOk(laneDef, env, ['import:workflow', `--input=${wfFile}`], { logFile });
				clearLogs();
				const run = await execute();
				assert.equal(run.data?.resultData?.error, undefined, run.data?.resultData?.error?.message);
				assert.equal(nodeItems(run, 'List Attachments')?.length, ids.item.attachments.length);
				assert.deepEqual(loginsBy(sim), [sim.credentials.username], 'one login');
				assert.notEqual(
					String((await storedData()).sessionToken ?? ''),
					'',
					'n8n stored the session token',
				);
				setUp = true;
			},
		);

		await step(
			'(c2) binding: login changed to a wrong account → the run logs in and fails with the login error',
			async () => {
				await saveEdit({ username: WRONG_USER, password: WRONG_PASSWORD });
				clearLogs();
				const { output, code } = await executeFailing();
				assert.notEqual(code, 0, 'n8n execute exits non-zero');
				assert.match(
					output,
					LOGIN_FAILED,
					`the run must fail with the login error, got:\n${output.slice(-1500)}`,
				);
				assert.ok(!output.includes(WRONG_PASSWORD), 'password leaked into the output');
				assert.ok(
					loginsBy(sim).includes(WRONG_USER),
					'the server saw a login with the new account',
				);
				assert.equal(seenBySim.size, 0, 'no token was sent with the changed login');
			},
		);

		await step(
			'(c3) binding: Server URL changed to another server → it never sees the old token',
			async () => {
				await saveEdit({
					url: other.url,
					username: sim.credentials.username,
					password: sim.credentials.password,
				});
				clearLogs();
				const run = await execute();
				assert.equal(run.data?.resultData?.error, undefined, run.data?.resultData?.error?.message);
				assert.equal(
					foreignTokens(seenByOther, sim),
					0,
					'the other server was sent a token of the first',
				);
				assert.deepEqual(
					loginsBy(other),
					[sim.credentials.username],
					'one login at the new server',
				);
				assert.equal(sim.requests.length, 0, 'nothing went to the old server');
			},
		);

		await step(
			'(c4) binding: credential test with unsaved edits, then a run with the saved settings',
			async () => {
				const server = await startServer(laneDef, env, { logFile });
				let tested;
				try {
					const client = restClient(server.baseUrl);
					await ensureOwner(client, owner);
					// The editor loads the credential (secrets redacted) and sends its edits with that data.
					const loaded = await client.call('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
					assert.equal(loaded.status, 200, loaded.text.slice(0, 300));
					const editorData = (loaded.json.data ?? loaded.json).data;
					const test = async (edit) => {
						const res = await client.call('POST', '/credentials/test', {
							credentials: {
								...CREDENTIAL,
								type: CREDENTIAL_TYPE,
								data: { ...editorData, ...edit },
							},
						});
						assert.equal(res.status, 200, res.text.slice(0, 300));
						return res.json.data ?? res.json;
					};
					clearLogs();
					const wrong = await test({ username: WRONG_USER, password: WRONG_PASSWORD });
					const seen = () =>
						JSON.stringify(
							other.requests.map(
								(r) =>
									`${r.method} ${r.path} ${r.status}${r.headers.authorization ? ' +bearer' : ''}`,
							),
						);
					assert.equal(
						wrong.status,
						'Error',
						`a wrong login must fail the test, got ${wrong.status}: ${wrong.message}; the server saw ${seen()}`,
					);
					assert.ok(
						!String(wrong.message).includes(WRONG_PASSWORD),
						'password leaked into the message',
					);
					assert.ok(
						loginsBy(other).includes(WRONG_USER),
						'the test logged in with the edited account',
					);
					clearLogs();
					const moved = await test({ url: sim.url });
					assert.equal(moved.status, 'OK', `got ${moved.status}: ${moved.message}`);
					assert.deepEqual(
						loginsBy(sim),
						[sim.credentials.username],
						'the test logged in at the edited URL',
					);
					assert.equal(
						foreignTokens(seenBySim, other),
						0,
						'the first server was sent a token of the other',
					);
					tested = `tests: wrong login → "${wrong.message}"; edited URL → ${moved.status}`;
				} finally {
					await server.stop();
				}
				// n8n 2.x stores the token the test obtained with the stored (unedited) settings; 1.x
				// stores the tested data itself. Either way no server may get a token it did not issue.
				clearLogs();
				const run = await execute();
				assert.equal(run.data?.resultData?.error, undefined, run.data?.resultData?.error?.message);
				assert.equal(
					foreignTokens(seenByOther, sim),
					0,
					'the other server was sent a token of the first',
				);
				assert.equal(
					foreignTokens(seenBySim, other),
					0,
					'the first server was sent a token of the other',
				);
				const ranAt = sim.requests.length > 0 ? 'first server' : 'other server';
				return `${tested}; run with the saved settings at the ${ranAt}`;
			},
		);
	} finally {
		seenBySim.unwatch();
		await other.stop();
	}
}

module.exports = { runCredentialBindingCases };
