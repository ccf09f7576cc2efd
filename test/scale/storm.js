'use strict';
// One ticket storm against a running queue cluster: posts the tickets at once, waits until n8n
// has finished every execution, checks what must hold, and returns the figures.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { executionStatus, postTickets, waitForExecutions } = require('./executions');

function percentile(sorted, p) {
	if (sorted.length === 0) return undefined;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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
	cluster.resetMainPeak();

	const tickets = Array.from(
		{ length: count },
		(_, i) => `${name}-T${String(i + 1).padStart(4, '0')}`,
	);
	const started = Date.now();
	await postTickets(cluster.webhookUrl('vb365-ticket'), tickets);
	const postedMs = Date.now() - started;
	log(`  posted ${count} tickets in ${(postedMs / 1000).toFixed(1)} s`);

	let killed;
	const killVictim = async (finished) => {
		if (killAfter === undefined || killed || finished < killAfter) return;
		const victim = workers[workers.length - 1];
		await victim.kill();
		killed = { worker: victim.name, atFinished: finished, atMs: Date.now() - started };
		log(`  killed ${victim.name} (SIGKILL) after ${finished} finished executions`);
	};
	let status = await waitForExecutions({
		pg,
		workflowId,
		afterId,
		total: count,
		started,
		timeoutMs,
		log,
		onPoll: killVictim,
		pollMs: () => (killAfter !== undefined && !killed ? 200 : 1000),
	});
	const wallMs = Date.now() - started;

	const checks = [];
	const check = (label, fn) => {
		fn();
		checks.push(label);
	};
	const expected = sim.fixture
		.item('helpdesk')
		.attachments.map((a) => ({ name: a.name, bytes: sim.attachmentContent(a.id) }));
	let failedOnVictim = 0;
	let postedAgain = 0;
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
		check('the worker was killed mid-storm', () =>
			assert.ok(killed.atFinished < count, 'the kill came after the storm had finished'),
		);
		const failed = (
			await pg.query(
				`select id from execution_entity where "workflowId" = '${workflowId}' and id > ${afterId} and status = 'error'`,
			)
		).map(([id]) => id);
		if (failed.length === 0) {
			// n8n 1.x: a stalled job goes back to the queue once (maxStalledCount 1).
			check(
				`n8n ran the killed worker's unfinished jobs again on another worker (${rerun.size})`,
				() =>
					assert.ok(rerun.size > 0, 'no execution of the killed worker was run again elsewhere'),
			);
		} else {
			// n8n 2.x fixes maxStalledCount at 0: a stalled job fails ("job stalled more than
			// maxStalledCount") instead of running again. The helpdesk posts those tickets again.
			failedOnVictim = failed.length;
			killed.executionsFailed = failed.length;
			const stalled = new Set(
				[
					...fs
						.readFileSync(cluster.mainLog, 'utf8')
						.matchAll(/stalled more than maxStalledCount \(execution (\d+)\)/g),
				].map((m) => m[1]),
			);
			const onSurvivors = new Set(survivors.flatMap((w) => w.startedExecutions()));
			check(
				`n8n failed the killed worker's ${failed.length} unfinished executions as stalled jobs (2.x does not run them again)`,
				() => {
					assert.ok(
						failed.length <= 10,
						`${failed.length} failed, more than the killed worker's concurrency`,
					);
					assert.deepEqual(
						failed.filter((id) => !stalled.has(id) || onSurvivors.has(id)),
						[],
						'failed executions that were not stalled jobs of the killed worker',
					);
				},
			);
			// Tickets without all their files: those whose execution stalled before it stored them.
			// A worker killed while n8n's own Write File node wrote a file leaves it cut short: such a
			// file must be the start of the backup's bytes (cut, never corrupted), and its ticket
			// counts as lacking files. (n8n 2.x overwrites a stalled execution's data with the error,
			// so the ticket cannot be read back from the execution.)
			const again = tickets.filter((ticket) =>
				expected.some((file) => {
					const written = path.join(outDir, `${ticket}__${file.name}`);
					if (!fs.existsSync(written)) return true;
					const bytes = fs.readFileSync(written);
					if (bytes.equals(file.bytes)) return false;
					assert.ok(
						bytes.length < file.bytes.length && file.bytes.subarray(0, bytes.length).equals(bytes),
						`${ticket}__${file.name} differs from the backup and is not a cut-short copy`,
					);
					return true;
				}),
			);
			assert.ok(
				again.length <= failed.length,
				`${again.length} tickets lack files, but only ${failed.length} executions failed`,
			);
			const [[beforeRepost]] = await pg.query('select coalesce(max(id), 0) from execution_entity');
			await postTickets(cluster.webhookUrl('vb365-ticket'), again);
			await waitForExecutions({
				pg,
				workflowId,
				afterId: Number(beforeRepost),
				total: again.length,
				started,
				timeoutMs,
				log,
			});
			killed.ticketsPostedAgain = again.length;
			postedAgain = again.length;
			status = await executionStatus(pg, workflowId, afterId);
		}
	}
	const wanted =
		failedOnVictim > 0
			? { success: count - failedOnVictim + postedAgain, error: failedOnVictim }
			: { success: count };
	check(
		failedOnVictim > 0
			? `${wanted.success} successful executions: every ticket but the ${failedOnVictim} stalled ones, and the ${postedAgain} of those posted again`
			: `${count} successful executions`,
		() => assert.deepEqual(status, wanted, `execution statuses: ${JSON.stringify(status)}`),
	);
	const [[unfinished]] = await pg.query(
		`select count(*) from execution_entity where status in ('new', 'running', 'waiting')`,
	);
	check('no execution left running or waiting', () =>
		assert.equal(Number(unfinished), 0, 'executions left running/new/waiting'),
	);

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
		// A SIGKILLed worker cannot stop the sessions its running executions had started; the jobs
		// run again (1.x re-runs them, on 2.x the tickets are posted again) with new sessions.
		// VB365 ends idle sessions itself.
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
			peakRssMbMain: Math.round(cluster.mainPeak.rssKb / 1024),
		},
	};
}

module.exports = { runStorm };
