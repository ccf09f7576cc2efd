'use strict';
// One ticket storm against a running queue cluster: posts the tickets at once, waits until n8n
// has finished every execution, checks what must hold, and returns the figures.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const TERMINAL = ['success', 'error', 'crashed', 'canceled'];
const HELPDESK_ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
	if (sorted.length === 0) return undefined;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function postTickets(url, tickets, parallel = 50) {
	const queue = [...tickets];
	const failures = [];
	const worker = async () => {
		for (let ticket = queue.shift(); ticket; ticket = queue.shift()) {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ticket, itemUrl: HELPDESK_ITEM_URL }),
				signal: AbortSignal.timeout(60000),
			});
			await res.text();
			if (res.status !== 200) failures.push(`${ticket}: HTTP ${res.status}`);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	assert.deepEqual(failures, [], 'every ticket webhook answered 200');
}

/** Executions of the storm (ids above `afterId`), by status. */
async function executionStatus(pg, workflowId, afterId) {
	const rows = await pg.query(
		`select status, count(*) from execution_entity where "workflowId" = '${workflowId}' and id > ${afterId} group by status`,
	);
	return Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
}

/**
 * Runs one storm. `killAfter`: SIGKILL the last worker once this many executions have finished.
 * Returns { figures, checks } and throws on the first failed check.
 */
async function runStorm({
	name,
	cluster,
	sim,
	pg,
	workflowId,
	outDir,
	tickets: count,
	killAfter,
	timeoutMs = 15 * 60000,
	log = () => {},
}) {
	const [[lastId]] = await pg.query('select coalesce(max(id), 0) from execution_entity');
	const afterId = Number(lastId);
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	sim.revokeAllTokens(); // every storm starts with a token n8n must renew
	sim.reset();
	const sessionsBefore = new Set(sim.state.sessions.keys());
	const workers = cluster.workers.filter((w) => w.alive);
	const startedBefore = new Map(workers.map((w) => [w.name, w.startedExecutions().length]));
	for (const worker of workers) worker.resetPeak();

	const tickets = Array.from(
		{ length: count },
		(_, i) => `${name}-T${String(i + 1).padStart(4, '0')}`,
	);
	const started = Date.now();
	await postTickets(cluster.webhookUrl('vb365-ticket'), tickets);
	const postedMs = Date.now() - started;
	log(`  posted ${count} tickets in ${(postedMs / 1000).toFixed(1)} s`);

	let killed;
	let status = {};
	for (let lastLog = 0; ; ) {
		status = await executionStatus(pg, workflowId, afterId);
		const finished = TERMINAL.reduce((sum, s) => sum + (status[s] ?? 0), 0);
		if (killAfter !== undefined && !killed && finished >= killAfter) {
			const victim = workers[workers.length - 1];
			await victim.kill();
			killed = { worker: victim.name, atFinished: finished, atMs: Date.now() - started };
			log(`  killed ${victim.name} (SIGKILL) after ${finished} finished executions`);
		}
		if (finished >= count) break;
		if (killAfter !== undefined && !killed) {
			await sleep(200);
			continue;
		}
		if (Date.now() - started > timeoutMs)
			throw new Error(
				`${name}: only ${finished} of ${count} executions finished in ${timeoutMs / 60000} min: ${JSON.stringify(status)}`,
			);
		if (Date.now() - lastLog > 15000) {
			lastLog = Date.now();
			log(
				`  … ${finished}/${count} finished after ${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(status)}`,
			);
		}
		await sleep(1000);
	}
	const wallMs = Date.now() - started;

	const checks = [];
	const check = (label, fn) => {
		fn();
		checks.push(label);
	};
	check(`${count} successful executions`, () =>
		assert.deepEqual(status, { success: count }, `execution statuses: ${JSON.stringify(status)}`),
	);
	const [[unfinished]] = await pg.query(
		`select count(*) from execution_entity where status in ('new', 'running', 'waiting')`,
	);
	check('no execution left running or waiting', () =>
		assert.equal(Number(unfinished), 0, 'executions left running/new/waiting'),
	);

	const expected = sim.fixture
		.item('helpdesk')
		.attachments.map((a) => ({ name: a.name, bytes: sim.attachmentContent(a.id) }));
	check(`every file byte-equal to the backup (${count * expected.length} files)`, () => {
		const written = fs.readdirSync(outDir);
		assert.equal(written.length, count * expected.length, `files written: ${written.length}`);
		for (const ticket of tickets) {
			for (const file of expected) {
				const actual = fs.readFileSync(path.join(outDir, `${ticket}__${file.name}`));
				assert.ok(actual.equals(file.bytes), `${ticket}__${file.name} differs from the backup`);
			}
		}
	});
	const [[binaryRows]] = await pg.query('select count(*) from binary_data');
	check('binary data went through the database (binary_data rows)', () =>
		assert.ok(Number(binaryRows) > 0, 'binary_data is empty'),
	);

	const ranOn = Object.fromEntries(
		workers.map((w) => [w.name, w.startedExecutions().length - startedBefore.get(w.name)]),
	);
	const workersThatRan = Object.values(ranOn).filter((n) => n > 0).length;
	const aliveAtStart = workers.length;
	if (aliveAtStart > 1)
		check('every worker ran executions', () =>
			assert.equal(workersThatRan, aliveAtStart, `started per worker: ${JSON.stringify(ranOn)}`),
		);

	if (killed) {
		const victim = workers.find((w) => w.name === killed.worker);
		const survivors = workers.filter((w) => w !== victim);
		const onVictim = new Set(victim.startedExecutions().slice(startedBefore.get(victim.name)));
		const rerun = new Set(
			survivors
				.flatMap((w) => w.startedExecutions().slice(startedBefore.get(w.name)))
				.filter((id) => onVictim.has(id)),
		);
		killed.executionsRerun = rerun.size;
		check(
			`${killed.worker} was killed mid-storm and n8n ran its unfinished jobs again on another worker (${rerun.size})`,
			() => {
				assert.ok(killed.atFinished < count, 'the kill came after the storm had finished');
				assert.ok(rerun.size > 0, 'no execution of the killed worker was run again elsewhere');
			},
		);
	}
	const stormSessions = [...sim.state.sessions.entries()]
		.filter(([id]) => !sessionsBefore.has(id))
		.map(([, s]) => s);
	const stopped = stormSessions.filter((s) => s.state === 'Stopped').length;
	const leaked = stormSessions.length - stopped;
	if (!killed) {
		check('restore sessions started = stopped', () =>
			assert.equal(leaked, 0, `${stormSessions.length} started, ${stopped} stopped`),
		);
	} else {
		// A SIGKILLed worker cannot stop the sessions its running executions had started; n8n runs
		// those jobs again elsewhere with new sessions. VB365 ends idle sessions itself.
		check('restore sessions: all stopped but those of executions on the killed worker', () =>
			assert.ok(
				leaked <= 10,
				`${leaked} sessions left running (more than the killed worker's concurrency)`,
			),
		);
	}
	const minutes = Math.max(1, Math.ceil(wallMs / 60000));
	check('logins within the server\u2019s throttle (5 per minute)', () =>
		assert.ok(sim.stats.logins <= 5 * minutes + 5, `${sim.stats.logins} logins in ${minutes} min`),
	);

	const rows = await pg.query(
		`select extract(epoch from ("stoppedAt" - "startedAt")) * 1000 from execution_entity where "workflowId" = '${workflowId}' and id > ${afterId} and status = 'success'`,
	);
	const durations = rows.map(([ms]) => Number(ms)).sort((a, b) => a - b);
	return {
		name,
		checks,
		figures: {
			tickets: count,
			workers: aliveAtStart,
			killed,
			wallSeconds: Math.round(wallMs / 100) / 10,
			ticketsPerMinute: Math.round((count / (wallMs / 60000)) * 10) / 10,
			executionMsP50: Math.round(percentile(durations, 50)),
			executionMsP95: Math.round(percentile(durations, 95)),
			logins: sim.stats.logins,
			throttledLogins: sim.stats.tokenThrottled,
			sessionsStarted: stormSessions.length,
			sessionsLeftRunning: leaked,
			executionsPerWorker: ranOn,
			peakRssMbPerWorker: Object.fromEntries(
				workers.map((w) => [w.name, Math.round(w.peak.rssKb / 1024)]),
			),
		},
	};
}

module.exports = { runStorm, HELPDESK_ITEM_URL };
