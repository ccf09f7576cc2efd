'use strict';
// The bad-input catalogue (catalogue.js): each case must fail with an error that names the
// parameter and says how to fix it, must honour Continue On Fail, and docs/bad-inputs.md must be
// exactly what write-catalogue.js renders from the catalogue.
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, runNode } = require('../support/node-runs');
const { CASES } = require('./catalogue');
const { renderCatalogue, DOC_PATH } = require('./write-catalogue');
const { collectStrings } = require('./secrets');

const simulators = new Map();
let plainHttp;
let closedPort;

async function freePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function environment(profile) {
	if (!simulators.has(profile)) simulators.set(profile, await startSimulator({ profile }));
	const sim = simulators.get(profile);
	sim.reset();
	return {
		sim,
		closedPort,
		plainHttpPort: plainHttp.address().port,
		item: (key) => sim.fixture.item(key),
		site: (id) => sim.fixture.byId(id),
		stopSession: (id) => sim.state.stopSession(sim.state.session(id)),
	};
}

beforeAll(async () => {
	closedPort = await freePort();
	plainHttp = http.createServer((request, response) => response.writeHead(400).end('plain HTTP'));
	await new Promise((resolve) => plainHttp.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
	for (const sim of simulators.values()) await sim.stop();
	await new Promise((resolve) => plainHttp.close(resolve));
	await shutdownHarness();
});

const lower = (text) => String(text ?? '').toLowerCase();

/** What the user sees: the message and the description under it. */
function shown(error) {
	return { message: String(error?.message ?? ''), description: String(error?.description ?? '') };
}

function expectHelpful(error, testCase) {
	const { message, description } = shown(error);
	const both = `${message}\n${description}`;
	expect(lower(both)).toContain(lower(testCase.says));
	expect(lower(both)).toContain(lower(testCase.fix));
	expect(lower(both)).toContain(lower(testCase.mentions ?? testCase.parameter));
}

/** Whether an output item is a real result (not an error item). */
const succeeded = (entry) =>
	entry.json.error === undefined &&
	(entry.json.sent === true ||
		Object.keys(entry.binary ?? {}).length > 0 ||
		typeof entry.json.id === 'string');

describe.each(CASES.map((testCase) => [testCase.id, testCase]))(
	'bad input: %s',
	(_id, testCase) => {
		test('fails with an error that names the parameter and the fix', async () => {
			const env = await environment(testCase.server ?? '8.x');
			const plan = testCase.arrange(env);
			const result = await runNode(env.sim, {
				credential: plan.credential,
				parameters: plan.parameters ?? {
					resource: 'sharePointItemAttachment',
					operation: 'getAll',
					returnAll: true,
					...defaultTarget(env),
				},
				inputItems: [{ value: plan.badValue }],
				nodeSettings: plan.nodeSettings,
			});
			expect(result.status).toBe('error');
			expectHelpful(result.error, testCase);
			if (testCase.id === 'server-url-userinfo') {
				expect(collectStrings([result.run, result.error]).join('\n')).not.toContain(
					'Secret-In-Url-77',
				);
			}
		});

		test('honours Continue On Fail', async () => {
			const env = await environment(testCase.server ?? '8.x');
			const plan = testCase.arrange(env);
			const inputItems = testCase.perItem
				? [{ value: plan.badValue }, { value: plan.goodValue }]
				: [{}, {}];
			const result = await runNode(env.sim, {
				credential: plan.credential,
				parameters: plan.parameters ?? {
					resource: 'sharePointItemAttachment',
					operation: 'getAll',
					returnAll: true,
					...defaultTarget(env),
				},
				inputItems,
				continueOnFail: true,
				nodeSettings: plan.nodeSettings,
			});
			expect(result.status).toBe('success');
			const fromBad = result.items.filter((entry) => entry.pairedItem?.item === 0);
			expect(fromBad).toHaveLength(1);
			expect(fromBad[0].binary ?? {}).toEqual({});
			expectHelpful(
				{ message: fromBad[0].json.error, description: fromBad[0].json.description },
				testCase,
			);
			const fromSecond = result.items.filter((entry) => entry.pairedItem?.item === 1);
			expect(fromSecond.length).toBeGreaterThan(0);
			if (testCase.perItem) expect(fromSecond.every(succeeded)).toBe(true);
			else expect(fromSecond.every((entry) => entry.json.error !== undefined)).toBe(true);
		});
	},
);

function defaultTarget(env) {
	const item = env.item('helpdesk');
	return {
		restoreSessionId: { __rl: true, mode: 'id', value: item.restoreSessionId },
		siteId: { __rl: true, mode: 'id', value: item.siteId },
		itemId: { __rl: true, mode: 'id', value: item.id },
	};
}

test('the catalogue has at least 25 cases, each with a unique id and both phrases', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(25);
	expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
	for (const c of CASES)
		expect(c).toEqual(
			expect.objectContaining({
				parameter: expect.any(String),
				says: expect.any(String),
				fix: expect.any(String),
			}),
		);
});

test('docs/bad-inputs.md is the rendered catalogue (run: node test/reliability/write-catalogue.js)', () => {
	const committed = fs.readFileSync(path.resolve(__dirname, '../..', DOC_PATH), 'utf8');
	expect(committed).toBe(renderCatalogue());
});
