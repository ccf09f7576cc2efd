#!/usr/bin/env node
'use strict';
// Queue-mode lane (`npm run test:scale`): Redis + a private Postgres + n8n main and 2 workers
// with the packed package, binary data in the database, the VB365 simulator with VB365's token
// throttle, and ticket storms through an active webhook workflow. See test/scale/README.md.
//
//   node test/scale/run.js [--lane 1|2|all] [--tickets 200] [--no-single] [--keep]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { getLane, LOG_DIR } = require('../../tools/n8n/lanes');
const { ensureInstalled } = require('../../tools/n8n/install');
const { buildPackage, packPackage } = require('../../tools/n8n/package');
const { startRedis, startPostgres } = require('../../tools/n8n/queue-services');
const { startQueueCluster } = require('../../tools/n8n/queue-mode');
const { credential } = require('../../tools/workflows/credentials');
const { ticketStormWorkflow } = require('../../tools/workflows/queue');
const { seconds } = require('../../tools/n8n/process');
const { runStorm } = require('./storm');

const USAGE = `Usage: node test/scale/run.js [options]
  --lane 1|2|all   which n8n lines (default all; env SCALE_LANES)
  --tickets N      tickets per storm (default 200; env SCALE_TICKETS)
  --no-single      skip the storm with one worker (a figure only)
  --no-regular     skip the storm against one n8n in regular mode (a figure only)
  --keep           keep the work folder (logs, user folders, Postgres data)`;

function parseArgs(argv) {
	const options = {
		lanes: (process.env.SCALE_LANES || 'all').split(','),
		tickets: Number(process.env.SCALE_TICKETS || 200),
		single: true,
		regular: true,
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		if (flag === '--lane') options.lanes = (inline ?? argv[++i] ?? '').split(',');
		else if (flag === '--tickets') options.tickets = Number(inline ?? argv[++i]);
		else if (flag === '--no-single') options.single = false;
		else if (flag === '--no-regular') options.regular = false;
		else if (flag === '--keep') options.keep = true;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
	}
	if (options.lanes.includes('all')) options.lanes = ['1', '2'];
	options.lanes = options.lanes.map((id) => getLane(id.trim()));
	if (!(Number.isInteger(options.tickets) && options.tickets > 0))
		throw new Error('--tickets must be a positive whole number');
	return options;
}

const log = (line) => console.log(line);

async function runLane(laneDef, { tarball, sim, workRoot, options, record }) {
	const workDir = path.join(workRoot, `lane-${laneDef.id}`);
	fs.mkdirSync(workDir, { recursive: true });
	const tag = `[queue lane ${laneDef.id}]`;
	const outDir = path.join(workDir, 'stored-files');
	const stopAll = [];
	const storms = [];
	try {
		const redis = await startRedis({ workDir, log });
		stopAll.push(() => redis.stop());
		const pg = await startPostgres({ workDir, log });
		stopAll.push(() => pg.stop());
		log(`  redis on ${redis.port}, postgres on ${pg.port}`);

		const cred = credential({
			id: 'vb365QueueCred001',
			name: 'VB365 simulator (queue lane)',
			url: sim.url,
			username: sim.credentials.username,
			password: sim.credentials.password,
			ignoreSslIssues: true,
		});
		const wf = ticketStormWorkflow(cred, {
			organizationId: sim.fixture.organization('contoso').id,
			outDir,
		});
		let cluster;
		await record(
			`${tag} n8n ${laneDef.n8nVersion}: main + 2 workers on Postgres and Redis, database binary mode, webhook workflow active`,
			async () => {
				const started = Date.now();
				cluster = await startQueueCluster(laneDef, {
					workDir,
					tarball,
					redis,
					pg,
					outDir,
					credentials: [cred],
					workflows: [wf],
					activate: [wf.id],
					log,
				});
				stopAll.unshift(() => cluster.stop());
				return `up in ${seconds(Date.now() - started)}`;
			},
		);
		if (!cluster) return storms;

		const storm = async (name, extra = {}) => {
			let result;
			await record(`${tag} ${name}`, async () => {
				result = await runStorm({
					name: name.split(':')[0].replace(/\W+/g, '-'),
					cluster,
					sim,
					pg,
					workflowId: wf.id,
					outDir,
					tickets: options.tickets,
					log,
					...extra,
				});
				storms.push({ lane: laneDef.id, n8n: laneDef.n8nVersion, name, ...result.figures });
				return `${result.checks.join('; ')}\n      ${JSON.stringify(result.figures)}`;
			});
			return result;
		};
		// Warms both workers up (first loads, compiled code), so the figures compare like with like.
		await storm(`warm-up: 20 tickets, 2 workers`, { tickets: Math.min(20, options.tickets) });
		await storm(`storm: ${options.tickets} tickets at once, 2 workers`);
		await storm(
			`storm with a worker killed: ${options.tickets} tickets, worker-2 SIGKILLed midway`,
			{
				killAfter: Math.floor(options.tickets / 3),
			},
		);
		if (options.single) await storm(`storm: ${options.tickets} tickets, 1 worker (figure)`);
		if (options.regular) {
			await cluster.stop();
			stopAll.shift();
			// The same storm against one n8n in regular mode (same Postgres, workflow already active).
			await record(
				`${tag} n8n ${laneDef.n8nVersion} in regular mode (one process) for comparison`,
				async () => {
					cluster = await startQueueCluster(laneDef, {
						workDir,
						tarball,
						redis,
						pg,
						outDir,
						credentials: [],
						workflows: [],
						activate: [],
						workers: 0,
						mode: 'regular',
						log,
					});
					stopAll.unshift(() => cluster.stop());
				},
			);
			await storm(`storm: ${options.tickets} tickets, regular mode (figure)`);
		}
	} finally {
		for (const stop of stopAll) {
			try {
				await stop();
			} catch (error) {
				log(`  stopping failed: ${error.message}`);
			}
		}
	}
	return storms;
}

/** The report as a Markdown table (what the README's "Scaling out" figures come from). */
function figuresTable(storms) {
	const rows = storms
		.filter((storm) => !storm.name.startsWith('warm-up'))
		.map((storm) => {
			const rss = Object.values(storm.peakRssMbPerWorker);
			const memory = rss.length > 0 ? `${rss.join(' / ')} MB` : `${storm.peakRssMbMain} MB (n8n)`;
			const what = storm.name.replace(/^storm( with a worker killed)?: /, (m, k) =>
				k ? 'worker killed: ' : '',
			);
			return `| ${storm.n8n} | ${what} | ${storm.ticketsPerMinute} | ${storm.wallSeconds} s | ${storm.executionMsP50} / ${storm.executionMsP95} ms | ${storm.logins} (${storm.throttledLogins} refused) | ${memory} |`;
		});
	return [
		'| n8n | storm | tickets/min | wall | execution p50 / p95 | logins (429s) | peak RSS per worker |',
		'|---|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		console.log(USAGE);
		return 0;
	}
	const started = Date.now();
	const results = [];
	const record = async (name, fn) => {
		const caseStarted = Date.now();
		try {
			const note = await fn();
			results.push({ name, ok: true });
			console.log(`  ✓ ${name} (${seconds(Date.now() - caseStarted)})`);
			if (typeof note === 'string' && note) console.log(`      ${note}`);
		} catch (error) {
			results.push({ name, ok: false, error });
			console.log(
				`  ✗ ${name} (${seconds(Date.now() - caseStarted)})\n      ${String(error?.stack || error)
					.split('\n')
					.join('\n      ')}`,
			);
		}
	};

	const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-scale-'));
	const figures = [];
	let sim;
	try {
		for (const laneDef of options.lanes) await ensureInstalled(laneDef, { logDir: LOG_DIR });
		await buildPackage();
		const { tarball } = await packPackage(path.join(workRoot, 'pack'));
		const { startSimulator } = require('../../tools/simulator');
		// VB365's default token quota: 1 login per second, 5 per minute, 1500 per hour.
		sim = await startSimulator({
			port: 0,
			profile: '8.x',
			tokenThrottle: true,
			maxRequestLog: 1000,
		});
		console.log(
			`VB365 simulator on ${sim.url} (token throttle ${JSON.stringify(sim.throttle.describe())})`,
		);
		for (const laneDef of options.lanes) {
			console.log(`\n${laneDef.label} — n8n ${laneDef.n8nVersion} in queue mode`);
			figures.push(...(await runLane(laneDef, { tarball, sim, workRoot, options, record })));
		}
	} catch (error) {
		await record('queue lane setup', () => Promise.reject(error));
	} finally {
		if (sim) await sim.stop();
		fs.mkdirSync(LOG_DIR, { recursive: true });
		const reportFile = path.join(LOG_DIR, 'scale-report.json');
		fs.writeFileSync(
			reportFile,
			`${JSON.stringify({ at: new Date().toISOString(), totalSeconds: Math.round((Date.now() - started) / 1000), storms: figures }, null, 2)}\n`,
		);
		fs.writeFileSync(path.join(LOG_DIR, 'scale-report.md'), `${figuresTable(figures)}\n`);
		console.log(
			`\n${figuresTable(figures)}\n\nReport: ${reportFile} (table: .work/scale-report.md)`,
		);
		const failed = results.some((r) => !r.ok);
		if (options.keep || failed) console.log(`Work folder kept: ${workRoot}`);
		else fs.rmSync(workRoot, { recursive: true, force: true });
	}
	const passed = results.filter((r) => r.ok).length;
	console.log(
		`\nTotal ${seconds(Date.now() - started)}\n${passed} passed, ${results.length - passed} failed`,
	);
	return results.length > 0 && passed === results.length ? 0 : 1;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		console.error(error);
		process.exitCode = 1;
	},
);
