'use strict';
// The end-to-end cases, run against one lane (a real n8n process) and the in-process simulator.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { findStoredBinary } = require('../../tools/n8n/binary-store');
const {
	n8nEnv,
	n8nOk,
	executeWorkflow,
	nodeItems,
	writeJson,
	startServer,
	restClient,
	ensureOwner,
	testCredential,
} = require('../../tools/n8n/n8n');
const { installIntoUserFolder, NODE_TYPE } = require('../../tools/n8n/package');
const { REPO_ROOT } = require('../../tools/n8n/lanes');
const { seconds } = require('../../tools/n8n/process');
const { runCredentialBindingCases } = require('./credential-binding');
const {
	simulatorCredentials,
	saveWorkflow,
	sendWorkflow,
	continueOnFailWorkflow,
	startAndStopWorkflow,
} = require('../../tools/workflows');
const { exampleCredential, executeFromPinnedTrigger } = require('./example-runs');
const { checkEditorDescription, checkStartAndStopPickLists } = require('./editor-cases');
const { runMailExample } = require('./mail-cases');
const { runJiraCases, jiraCredential } = require('./jira-cases');
const { runAgentCases } = require('./agent-cases');
const { runOneDriveExample } = require('./onedrive-cases');
const SERVICE_CASES = require('./service-cases');
const { runTeamsExample } = require('./teams-cases');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const HELPDESK_ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';
const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};

function helpdeskIds(sim) {
	const item = sim.fixture.item('helpdesk');
	return {
		restoreSessionId: sim.fixture.restoreSession.id,
		siteId: item.siteId,
		itemId: item.id,
		item,
	};
}

/** Asserts a clean CLI execution and returns the parsed run. */
function assertSucceeded(result, what) {
	const detail = () =>
		`${what}: exit ${result.code ?? result.signal}\n${(result.stdout + result.stderr).slice(-3000)}`;
	assert.ok(result.run, `no run JSON in the output of ${what}\n${detail()}`);
	assert.equal(result.code, 0, detail());
	const error = result.run.data?.resultData?.error;
	assert.equal(error, undefined, `${what} reported an error: ${error?.message}`);
	return result.run;
}

const readExample = (file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
const workingSessions = (sim) =>
	[...sim.state.sessions.values()].filter((s) => s.state === 'Working').length;

function sha(buffer) {
	return crypto.createHash('sha256').update(buffer).digest('hex').slice(0, 16);
}

function sameBytes(actual, expected, label) {
	assert.equal(
		actual.length,
		expected.length,
		`${label}: ${actual.length} bytes, expected ${expected.length}`,
	);
	assert.ok(
		actual.equals(expected),
		`${label}: content differs (sha256 ${sha(actual)} vs ${sha(expected)})`,
	);
}

/**
 * Runs every case of a lane. `record(name, fn)` runs one named case and counts it.
 * Returns the timings of the lane's steps.
 */
async function runLaneCases(laneDef, { sim, jira, tarball, workDir, record }) {
	const userFolder = path.join(workDir, 'user');
	const outDir = path.join(workDir, 'written-files');
	fs.mkdirSync(outDir, { recursive: true });
	const logFile = path.join(workDir, 'n8n.log');
	const env = await n8nEnv(laneDef, userFolder, {
		// 2.x only lets "Read/Write Files from Disk" touch allowed folders.
		N8N_RESTRICT_FILE_ACCESS_TO: outDir,
	});
	const ids = helpdeskIds(sim);
	const creds = simulatorCredentials(sim);
	const tag = `[lane ${laneDef.id}]`;
	const timings = {};
	const timed = async (label, fn) => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = Date.now() - started;
		}
	};

	let ready = false;
	await record(`${tag} install the packed package and import credentials + workflows`, async () => {
		await installIntoUserFolder(tarball, userFolder);
		const credFile = writeJson(path.join(workDir, 'credentials.json'), Object.values(creds));
		const wfDir = path.join(workDir, 'workflows');
		const workflows = [
			saveWorkflow(creds.good, ids, { outDir }),
			sendWorkflow(creds.good, ids, {
				to: 'anna.meier@contoso.com',
				subject: 'E2E restore',
				text: 'Restored by the e2e lane',
				attachmentNames: ['ACME-42 Signed Contract.pdf', 'call notes.txt'],
			}),
			continueOnFailWorkflow(creds.good, ids, badItemId(ids), 'Call notes.txt'),
			startAndStopWorkflow(creds.good, ids.item.organizationId, HELPDESK_ITEM_URL),
			...SERVICE_CASES.flatMap((service) => service.workflows(creds.good, sim)),
		];
		for (const wf of workflows) writeJson(path.join(wfDir, `${wf.id}.json`), wf);
		await timed('import', async () => {
			await n8nOk(laneDef, env, ['import:credentials', `--input=${credFile}`], { logFile });
			const imported = await n8nOk(
				laneDef,
				env,
				['import:workflow', '--separate', `--input=${wfDir}`],
				{ logFile },
			);
			assert.match(imported.stdout + imported.stderr, /imported|Successfully/i);
		});
		ready = true;
	});

	const needsSetup = async (name, fn) =>
		record(name, async () => {
			assert.ok(ready, 'skipped: the install/import step failed');
			return fn();
		});

	await needsSetup(
		`${tag} (a) save, one item per attachment: stored and written bytes equal the backup`,
		async () => {
			sim.reset();
			const result = await timed('execute save', () =>
				executeWorkflow(laneDef, env, 'vb365E2eSave0001', { logFile }),
			);
			const run = assertSucceeded(result, 'execute save');
			const items = nodeItems(run, 'Save Attachments');
			const expected = ids.item.attachments;
			assert.ok(Array.isArray(items), 'no output from "Save Attachments"');
			assert.equal(items.length, expected.length, 'one item per attachment');
			items.forEach((item, index) => {
				const attachment = expected[index];
				assert.equal(item.json.id, attachment.id, `item ${index} is attachment ${attachment.name}`);
				const binary = item.binary?.data;
				assert.ok(binary, `item ${index} has no binary "data"`);
				assert.equal(binary.fileName, attachment.name);
				assert.match(String(binary.id), /^filesystem(-v2)?:/, 'filesystem binary mode');
				const stored = findStoredBinary(userFolder, binary.id);
				assert.ok(stored, `binary ${binary.id} not found in the binary data folder`);
				sameBytes(
					fs.readFileSync(stored),
					sim.attachmentContent(attachment.id),
					`stored ${attachment.name}`,
				);
				sameBytes(
					fs.readFileSync(path.join(outDir, attachment.name)),
					sim.attachmentContent(attachment.id),
					`written ${attachment.name}`,
				);
			});
			assert.equal(
				nodeItems(run, 'Write Files')?.length,
				expected.length,
				'every file went through "Write Files"',
			);
		},
	);

	await needsSetup(
		`${tag} (b) send: the server's outbox has the mail for the requester`,
		async () => {
			sim.reset();
			const result = await timed('execute send', () =>
				executeWorkflow(laneDef, env, 'vb365E2eSend0001', { logFile }),
			);
			const run = assertSucceeded(result, 'execute send');
			const [item] = nodeItems(run, 'Send Attachments') ?? [];
			assert.equal(item?.json?.sent, true, 'node output says sent');
			assert.equal(sim.outbox.length, 1, 'exactly one mail');
			const mail = sim.outbox[0];
			assert.equal(mail.to, 'anna.meier@contoso.com');
			assert.equal(mail.subject, 'E2E restore');
			assert.equal(mail.itemId, ids.itemId);
			assert.deepEqual(mail.attachments.map((a) => a.name).sort(), [
				'ACME-42 Signed Contract.pdf',
				'Call notes.txt',
			]);
		},
	);

	await needsSetup(
		`${tag} (c) continue on fail: bad item ID gives an error item, the good one succeeds`,
		async () => {
			sim.reset();
			const result = await timed('execute continue-on-fail', () =>
				executeWorkflow(laneDef, env, 'vb365E2eCoF00001', { logFile }),
			);
			const run = assertSucceeded(result, 'execute continue-on-fail');
			const items = nodeItems(run, 'Save per Ticket');
			assert.ok(Array.isArray(items), 'no output from "Save per Ticket"');
			assert.equal(
				items.length,
				2,
				`two items out, got ${JSON.stringify(items?.map((i) => i.json))}`,
			);
			const good = items.find((i) => i.pairedItem?.item === 0);
			const bad = items.find((i) => i.pairedItem?.item === 1);
			assert.ok(good && bad, 'one item paired with each input');
			assert.equal(good.json.error, undefined);
			assert.equal(good.binary?.data?.fileName, 'Call notes.txt');
			const stored = findStoredBinary(userFolder, good.binary.data.id);
			assert.ok(stored, `binary ${good.binary.data.id} not found in the binary data folder`);
			const notes = ids.item.attachments.find((a) => a.name === 'Call notes.txt');
			sameBytes(fs.readFileSync(stored), sim.attachmentContent(notes.id), 'Call notes.txt');
			assert.equal(typeof bad.json.error, 'string', `error item: ${JSON.stringify(bad.json)}`);
			assert.ok(bad.json.error.length > 10, 'error message says something');
			assert.equal(bad.binary, undefined);
			return `error item: ${bad.json.error}`;
		},
	);

	await needsSetup(
		`${tag} (f) start-and-stop mode: own restore session, item by URL, session stopped`,
		async () => {
			sim.reset();
			const running = () =>
				[...sim.state.sessions.values()].filter((s) => s.state === 'Working').length;
			const before = running();
			const result = await timed('execute start-and-stop', () =>
				executeWorkflow(laneDef, env, 'vb365E2eStart001', { logFile }),
			);
			const run = assertSucceeded(result, 'execute start-and-stop');
			const [item] = nodeItems(run, 'Save in Own Session') ?? [];
			const expected = ids.item.attachments;
			assert.ok(item, 'no output from "Save in Own Session"');
			assert.deepEqual(
				Object.keys(item.binary ?? {}),
				expected.map((_, index) => `file_${index}`),
			);
			assert.notEqual(item.json.restoreSessionId, ids.restoreSessionId, 'a session of its own');
			expected.forEach((attachment, index) => {
				const stored = findStoredBinary(userFolder, item.binary[`file_${index}`].id);
				assert.ok(stored, `binary of ${attachment.name} not found`);
				sameBytes(fs.readFileSync(stored), sim.attachmentContent(attachment.id), attachment.name);
			});
			assert.equal(running(), before, 'the session it started was stopped');
		},
	);

	for (const service of SERVICE_CASES) {
		await service.run({ tag, needsSetup, laneDef, env, logFile, sim, userFolder });
	}

	await needsSetup(`${tag} (e) examples/*.json import cleanly and keep their nodes`, async () => {
		const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
		assert.ok(files.length >= 2, 'at least two example workflows');
		const dir = path.join(workDir, 'examples');
		fs.mkdirSync(dir, { recursive: true });
		for (const f of files) fs.copyFileSync(path.join(EXAMPLES_DIR, f), path.join(dir, f));
		const credFile = writeJson(path.join(workDir, 'example-credential.json'), [
			exampleCredential(sim),
			jiraCredential(jira),
		]);
		await timed('import examples', async () => {
			await n8nOk(laneDef, env, ['import:credentials', `--input=${credFile}`], { logFile });
			await n8nOk(laneDef, env, ['import:workflow', '--separate', `--input=${dir}`], { logFile });
		});
		const exported = path.join(workDir, 'exported.json');
		await n8nOk(laneDef, env, ['export:workflow', '--all', `--output=${exported}`], { logFile });
		const all = JSON.parse(fs.readFileSync(exported, 'utf8'));
		for (const f of files) {
			const example = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
			const stored = all.find((wf) => wf.id === example.id);
			assert.ok(stored, `${f}: workflow ${example.id} not in the export`);
			assert.deepEqual(
				stored.nodes.map((n) => n.type).sort(),
				example.nodes.map((n) => n.type).sort(),
				f,
			);
			// The node itself, or the node as an AI Agent's tool (type …Tool).
			assert.ok(
				stored.nodes.some((n) => n.type.startsWith(NODE_TYPE)),
				`${f} uses ${NODE_TYPE}`,
			);
		}
	});

	let server;
	let client;
	await needsSetup(
		`${tag} (d0) n8n start serves the editor API and the owner can log in`,
		async () => {
			server = await timed('n8n start', () => startServer(laneDef, env, { logFile }));
			client = restClient(server.baseUrl);
			await ensureOwner(client, OWNER);
		},
	);

	const credentialCase = (name, fn) =>
		record(name, async () => {
			assert.ok(client?.loggedIn, 'skipped: n8n start / owner login failed');
			return fn();
		});
	try {
		await credentialCase(`${tag} (d1) credential test passes for the right login`, async () => {
			const result = await timed('credential test', () => testCredential(client, creds.good));
			assert.equal(result.status, 'OK', `got ${result.status}: ${result.message}`);
		});
		await credentialCase(
			`${tag} (d2) credential test fails for a wrong password, without echoing it`,
			async () => {
				const result = await testCredential(client, creds.wrongPassword);
				assert.equal(result.status, 'Error', `got ${result.status}: ${result.message}`);
				assert.match(result.message, /password|user ?name|log ?in|credential/i, result.message);
				assert.ok(
					!result.message.includes(creds.wrongPassword.data.password),
					'password leaked into the message',
				);
				return `message: ${result.message}`;
			},
		);
		await credentialCase(
			`${tag} (d3) credential test refuses the self-signed server without "Ignore SSL Issues"`,
			async () => {
				const result = await testCredential(client, creds.strictTls);
				assert.equal(result.status, 'Error', `got ${result.status}: ${result.message}`);
				assert.match(result.message, /certificate|self[- ]signed|SSL|TLS/i, result.message);
				return `message: ${result.message}`;
			},
		);
		await credentialCase(
			`${tag} (d4) credential test with an API version the server does not serve names the ones it does`,
			async () => {
				const result = await testCredential(client, {
					...creds.good,
					data: { ...creds.good.data, apiVersion: 'v4' },
				});
				assert.equal(result.status, 'Error', `got ${result.status}: ${result.message}`);
				assert.match(
					result.message,
					/does not offer REST API v4; it offers v8, v7, v6, v5/,
					result.message,
				);
				return `message: ${result.message}`;
			},
		);
		await credentialCase(
			`${tag} (e1) the editor gets the 1.1 defaults, wording, subtitle and search aliases`,
			() => checkEditorDescription(client),
		);
		await credentialCase(
			`${tag} (e2) start-and-stop pick-lists work without a session ID and open at most one session`,
			() =>
				checkStartAndStopPickLists(client, {
					sim,
					credential: creds.good,
					organizationId: ids.item.organizationId,
					itemUrl: HELPDESK_ITEM_URL,
					item: ids.item,
				}),
		);
		await credentialCase(
			`${tag} (g1) helpdesk example runs from its pinned ticket ("Execute workflow")`,
			async () => {
				const example = readExample('helpdesk-ticket-restore.json');
				sim.reset();
				const before = workingSessions(sim);
				const execution = await timed('execute example', () =>
					executeFromPinnedTrigger(client, example),
				);
				const saves = sim.requests.filter(
					(r) => r.method === 'POST' && /\/Attachments\/save$/i.test(r.path),
				);
				assert.equal(saves.length, 1, 'one save of the ticket item');
				assert.ok(
					saves[0].path.includes(ids.itemId),
					`saved ${saves[0].path}, expected item ${ids.itemId}`,
				);
				assert.equal(workingSessions(sim), before, 'the session it started was stopped');
				return `execution ${execution.id}: ${execution.status}`;
			},
		);
		await credentialCase(
			`${tag} (g2) email example runs from its pinned request mail ("Execute workflow")`,
			async () => {
				const example = readExample('email-request-restore-reply.json');
				const mail = example.pinData['Restore Request Mail'][0].json.body;
				sim.reset();
				await executeFromPinnedTrigger(client, example);
				assert.deepEqual(
					sim.outbox.map((sent) => [sent.to, sent.subject, sent.attachments.length]),
					[['anna.meier@contoso.com', `Re: ${mail.subject}`, ids.item.attachments.length]],
				);
			},
		);
		await credentialCase(
			`${tag} (g3) deleted-email example sends the mail back from its pinned ticket`,
			() =>
				runMailExample(
					client,
					sim,
					readExample('restore-deleted-email.json'),
					executeFromPinnedTrigger,
				),
		);
		await runJiraCases({ laneDef, client, sim, jira, record: credentialCase, tag });
		await credentialCase(
			`${tag} (g4) OneDrive example sends the file as of yesterday from its pinned ticket`,
			() =>
				runOneDriveExample(
					client,
					sim,
					readExample('restore-onedrive-file-as-of-yesterday.json'),
					executeFromPinnedTrigger,
				),
		);
		await credentialCase(
			`${tag} (g5) Teams example restores the channel file from its pinned ticket form`,
			() =>
				runTeamsExample(
					client,
					sim,
					readExample('restore-teams-channel-file.json'),
					executeFromPinnedTrigger,
				),
		);
	} finally {
		if (server) {
			const exit = await server.stop();
			timings['n8n stop'] = exit.code ?? exit.signal;
		}
	}
	if (ready) {
		await timed('credential binding', () =>
			runCredentialBindingCases(laneDef, {
				sim,
				ids,
				env,
				workDir,
				logFile,
				record,
				tag,
				owner: OWNER,
			}),
		);
		await timed('AI agent', () =>
			runAgentCases(laneDef, { sim, env, workDir, logFile, record, tag, cred: creds.good }),
		);
	}
	return timings;
}

/** Same site, two GUIDs that name no item: a well-formed ID the server answers 404 for. */
function badItemId(ids) {
	return `${ids.siteId}00000000-0000-4000-8000-00000000dead00000000-0000-4000-8000-00000000beef`;
}

function formatTimings(timings) {
	return Object.entries(timings)
		.map(([k, v]) => `${k} ${typeof v === 'number' && k !== 'n8n stop' ? seconds(v) : `exit ${v}`}`)
		.join(', ');
}

module.exports = { runLaneCases, formatTimings, helpdeskIds, OWNER };
