'use strict';
// n8n in queue mode on one host: a main process (webhooks, triggers) and `n8n worker`
// processes sharing Postgres and Redis, binary data in the database. Each process has its own
// user folder with the packed package installed (n8n loads community packages per process).

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { freePort, n8nEnv, n8nOk, startServer, writeJson } = require('./n8n');
const { installIntoUserFolder } = require('./package');
const { tail } = require('./process');

const ENCRYPTION_KEY = 'vb365-queue-lane-fixed-key-0123456789';

/** Settings every process of the cluster shares (database, queue, binary data, file access). */
function sharedEnv(laneDef, { redis, pg, mainPort, outDir, regular }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		EXECUTIONS_MODE: regular ? 'regular' : 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// A killed worker's jobs are found stalled within ~20 s instead of the default ~60 s.
		QUEUE_WORKER_LOCK_DURATION: '20000',
		QUEUE_WORKER_STALLED_INTERVAL: '10000',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		WEBHOOK_URL: `http://127.0.0.1:${mainPort}/`,
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// 1.x registers the database manager only when the mode is listed; 2.x has it always.
		...(laneDef.id === '1' ? { N8N_AVAILABLE_BINARY_DATA_MODES: 'filesystem,database' } : {}),
		N8N_RESTRICT_FILE_ACCESS_TO: outDir,
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

function definedOnly(env) {
	return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/** Peak resident memory of a process and its children so far, from /proc (Linux). */
function rssKb(pid) {
	let total = 0;
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			for (const child of children.split(/\s+/).filter(Boolean)) total += rssKb(Number(child));
		}
	} catch {
		// the process is gone
	}
	return total;
}

/** `n8n worker`; resolves once it logs that it is ready. */
async function startWorker(laneDef, env, { name, concurrency, logFile, readyTimeoutMs = 240000 }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(laneDef.nodeBin, [laneDef.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		cwd: env.N8N_USER_FOLDER,
		env,
		stdio: ['ignore', out, out],
	});
	let exited;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const deadline = Date.now() + readyTimeoutMs;
	while (!/n8n worker is now ready/.test(fs.readFileSync(logFile, 'utf8'))) {
		if (exited)
			throw new Error(
				`${name} exited early (${exited.code ?? exited.signal}):\n${tail(fs.readFileSync(logFile, 'utf8'), 25)}`,
			);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${name} was not ready within ${readyTimeoutMs / 1000} s`);
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	const peak = { rssKb: 0 };
	const sampler = setInterval(() => (peak.rssKb = Math.max(peak.rssKb, rssKb(child.pid))), 500);
	const stop = (signal = 'SIGTERM') =>
		new Promise((resolve) => {
			clearInterval(sampler);
			if (exited) return resolve(exited);
			const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
			child.once('exit', (code, sig) => {
				clearTimeout(killer);
				resolve({ code, signal: sig });
			});
			child.kill(signal);
		});
	return {
		name,
		pid: child.pid,
		logFile,
		peak,
		get alive() {
			return !exited;
		},
		/** Executions this worker started, from its log ("Worker started execution <id>"). */
		startedExecutions() {
			return [...fs.readFileSync(logFile, 'utf8').matchAll(/Worker started execution (\d+)/g)].map(
				(m) => m[1],
			);
		},
		resetPeak() {
			peak.rssKb = rssKb(child.pid);
		},
		stop,
		kill: () => stop('SIGKILL'),
	};
}

/**
 * Sets up and starts main + `workers` workers. `credentials` and `workflows` are imported, and
 * every workflow in `activate` is activated (1.x update:workflow, 2.x publish:workflow).
 */
async function startQueueCluster(laneDef, options) {
	const {
		workDir,
		tarball,
		redis,
		pg,
		outDir,
		credentials,
		workflows,
		activate,
		workers = 2,
		concurrency = 10,
		log = () => {},
	} = options;
	const regular = options.mode === 'regular';
	const mainPort = await freePort();
	const shared = definedOnly(sharedEnv(laneDef, { redis, pg, mainPort, outDir, regular }));
	const processEnv = async (name) => {
		const userFolder = path.join(workDir, name);
		fs.mkdirSync(userFolder, { recursive: true });
		await installIntoUserFolder(tarball, userFolder);
		return n8nEnv(laneDef, userFolder, shared);
	};

	const mainEnv = await processEnv(regular ? 'regular' : 'main');
	const mainLog = path.join(workDir, regular ? 'regular.log' : 'main.log');
	if (credentials.length > 0) {
		const credFile = writeJson(path.join(workDir, 'credentials.json'), credentials);
		await n8nOk(laneDef, mainEnv, ['import:credentials', `--input=${credFile}`], {
			logFile: mainLog,
		});
	}
	for (const wf of workflows) {
		const file = writeJson(path.join(workDir, `workflow-${wf.id}.json`), wf);
		await n8nOk(laneDef, mainEnv, ['import:workflow', `--input=${file}`], { logFile: mainLog });
	}
	for (const id of activate) {
		const args =
			laneDef.id === '1'
				? ['update:workflow', `--id=${id}`, '--active=true']
				: ['publish:workflow', `--id=${id}`];
		await n8nOk(laneDef, mainEnv, args, { logFile: mainLog });
	}
	log(
		`  imported ${credentials.length} credential(s) and ${workflows.length} workflow(s); starting ${regular ? 'n8n in regular mode' : 'main'} on ${mainPort}`,
	);
	const main = await startServer(laneDef, mainEnv, { port: mainPort, logFile: mainLog });
	// In regular mode this one process runs the executions: its memory is sampled like a worker's.
	const peak = { rssKb: 0 };
	const sampler = setInterval(
		() => (peak.rssKb = Math.max(peak.rssKb, rssKb(main.child.pid))),
		500,
	);
	const stopMain = async () => {
		clearInterval(sampler);
		await main.stop();
	};

	const running = [];
	const addWorker = async () => {
		const name = `worker-${running.length + 1}`;
		const env = await processEnv(name);
		const worker = await startWorker(laneDef, env, {
			name,
			concurrency,
			logFile: path.join(workDir, `${name}.log`),
		});
		running.push(worker);
		log(`  ${name} ready (pid ${worker.pid}, concurrency ${concurrency})`);
		return worker;
	};
	try {
		for (let i = 0; i < workers; i++) await addWorker();
	} catch (error) {
		for (const worker of running) await worker.kill();
		await stopMain();
		throw error;
	}

	return {
		main,
		mainLog,
		mainPeak: peak,
		resetMainPeak: () => (peak.rssKb = rssKb(main.child.pid)),
		workers: running,
		addWorker,
		webhookUrl: (webhookPath) => `http://127.0.0.1:${mainPort}/webhook/${webhookPath}`,
		async stop() {
			for (const worker of running) await worker.stop();
			await stopMain();
		},
	};
}

module.exports = { startQueueCluster, rssKb, ENCRYPTION_KEY };
