'use strict';
// Fault matrix: every fault kind × operation (fault-kinds.js) on a v5 and a v8 server. After each
// case, everything the run produced (run data, errors, output, n8n's debug log, the server's
// request log) is searched for the password and every token the server issued.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { SERVERS } = require('./servers');
const { matrixRows } = require('./fault-kinds');
const { caseContext, OPERATIONS } = require('./operations');
const { captureN8nDebugLog, findLeaks } = require('./secrets');

// A case that hangs must fail rather than stall the suite.
jest.setTimeout(30000);

/** Passwords with characters that change under URL, form and JSON encoding. */
const PASSWORDS = { v5: 'Pw5 "quoted" & +plus/slash!', v8: 'Pw8 <angle> & %percent=' };

const log = captureN8nDebugLog();
const simulators = new Map();
const lanes = new Map();
const scanned = { cases: 0, sources: 0 };

/** The two servers run side by side; the cases of one server run one after another. */
function inLane(label, work) {
	const next = (lanes.get(label) ?? Promise.resolve()).catch(() => {}).then(work);
	lanes.set(label, next);
	return next;
}

async function simulatorFor(server, options = {}) {
	const key = `${server.label} ${JSON.stringify(options)}`;
	if (!simulators.has(key)) {
		const credentials = { password: PASSWORDS[server.label] };
		simulators.set(key, await startSimulator({ profile: server.profile, credentials, ...options }));
	}
	const sim = simulators.get(key);
	sim.reset();
	return sim;
}

function secretsOf(sim) {
	return [sim.credentials.password, ...sim.issuedTokens()];
}

afterAll(async () => {
	for (const sim of simulators.values()) await sim.stop();
	await shutdownHarness();
});

// Interleaved (row × v5, row × v8, next row …) so both lanes always have work queued.
const cases = matrixRows().flatMap((row) =>
	SERVERS.map((server) => [
		server.label,
		row.kind.id,
		OPERATIONS[row.op].label,
		{ ...row, server },
	]),
);

test.concurrent.each(cases)('%s: %s × %s', (_server, _id, _op, { kind, op, server }) =>
	inLane(server.label, async () => {
		const sim = await simulatorFor(server, kind.sim);
		const ctx = caseContext(sim, server, op, kind.item);
		const logStart = log.count;
		let failure;
		try {
			await kind.run(ctx);
		} catch (error) {
			failure = error;
		}
		const sources = {
			'run data': ctx.results.map((result) => result.run),
			errors: ctx.results.map((result) => result.error),
			'output items': ctx.results.map((result) => result.items),
			'n8n debug log': log.records.slice(logStart),
			'server request log': sim.requests,
		};
		const secrets = [...simulators.values()].flatMap(secretsOf);
		scanned.cases++;
		scanned.sources += Object.keys(sources).length;
		expect(findLeaks(sources, secrets)).toEqual([]);
		if (failure) throw failure;
	}),
);

test('the secret scan saw n8n debug logging and every case', async () => {
	await Promise.all(lanes.values()).catch(() => {});
	expect(scanned.cases).toBe(cases.length);
	expect(log.records.some((record) => /finished with error/.test(record.line))).toBe(true);
	expect(log.records.some((record) => /Start executing node/.test(record.line))).toBe(true);
});
