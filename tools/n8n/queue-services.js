'use strict';
// Redis (Debian's redis-server) and a private PostgreSQL cluster (initdb in a temporary folder,
// on its own loopback port) for the queue-mode lane. Each is installed with apt-get when missing
// and stopped again by stop(); nothing of the machine's own Postgres cluster is touched.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { run, tail } = require('./process');
const { freePort } = require('./n8n');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function which(binary) {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const candidate = path.join(dir, binary);
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** The newest /usr/lib/postgresql/<major>/bin that has initdb, or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(root, majors[0], 'bin') : undefined;
}

let aptUpdated = false;
async function aptInstall(packages, log) {
	if (!isRoot()) {
		throw new Error(
			`${packages.join(', ')} missing and this is not root: install them with sudo apt-get install -y ${packages.join(' ')}`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (!aptUpdated) {
		log(`  apt-get update …`);
		const update = await run('apt-get', ['update'], { env });
		if (update.code !== 0) throw new Error(`apt-get update failed:\n${tail(update.stderr)}`);
		aptUpdated = true;
	}
	log(`  apt-get install -y ${packages.join(' ')} …`);
	const install = await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
		env,
	});
	if (install.code !== 0)
		throw new Error(
			`apt-get install ${packages.join(' ')} failed:\n${tail(install.stdout + install.stderr)}`,
		);
}

async function ensureRedisInstalled(log) {
	let binary =
		which('redis-server') ||
		(fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
	if (!binary) {
		await aptInstall(['redis-server'], log);
		binary = '/usr/bin/redis-server';
	}
	return binary;
}

async function ensurePostgresInstalled(log) {
	let bin = postgresBinDir();
	if (!bin) {
		await aptInstall(['postgresql'], log);
		bin = postgresBinDir();
		if (!bin)
			throw new Error('postgresql installed, but no /usr/lib/postgresql/<major>/bin/initdb found');
	}
	return bin;
}

async function waitFor(check, what, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline)
			throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** redis-server on a free loopback port, no persistence. */
async function startRedis({ workDir, log = () => {} }) {
	const binary = await ensureRedisInstalled(log);
	const port = await freePort();
	const logFile = path.join(workDir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		binary,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			workDir,
		],
		{
			stdio: ['ignore', out, out],
		},
	);
	let exited = false;
	child.on('exit', () => (exited = true));
	await waitFor(
		() => exited || /Ready to accept connections/.test(fs.readFileSync(logFile, 'utf8')),
		'redis-server',
	);
	if (exited) throw new Error(`redis-server exited:\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
	const stop = () =>
		new Promise((resolve) => {
			if (exited) return resolve();
			child.once('exit', resolve);
			child.kill('SIGTERM');
		});
	return { host: '127.0.0.1', port, pid: child.pid, stop };
}

/** Runs a Postgres binary, as the postgres user when this is root (initdb refuses root). */
function pgRun(bin, tool, args, options = {}) {
	const binary = path.join(bin, tool);
	return isRoot()
		? run('runuser', ['-u', 'postgres', '--', binary, ...args], options)
		: run(binary, args, options);
}

/** A private cluster: initdb in a temporary folder, trust auth for user n8n, loopback port only. */
async function startPostgres({ workDir, log = () => {} }) {
	const bin = await ensurePostgresInstalled(log);
	const dataDir = path.join(workDir, 'pg');
	fs.mkdirSync(dataDir, { recursive: true });
	if (isRoot()) {
		// The postgres user must reach its folder through the temporary parents.
		for (
			let dir = workDir;
			dir !== path.dirname(dir) && dir !== os.tmpdir();
			dir = path.dirname(dir)
		)
			fs.chmodSync(dir, 0o755);
		await run('chown', ['-R', 'postgres:postgres', dataDir]);
	}
	const init = await pgRun(bin, 'initdb', [
		'-D',
		dataDir,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	if (init.code !== 0) throw new Error(`initdb failed:\n${tail(init.stdout + init.stderr)}`);
	const port = await freePort();
	const settings = [
		`-p ${port}`,
		`-k ${dataDir}`,
		'-c listen_addresses=127.0.0.1',
		'-c max_connections=200',
		// A throw-away cluster: durability is not needed, speed is.
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
	].join(' ');
	const start = await pgRun(bin, 'pg_ctl', [
		'-D',
		dataDir,
		'-o',
		settings,
		'-l',
		path.join(dataDir, 'server.log'),
		'-w',
		'-t',
		'60',
		'start',
	]);
	if (start.code !== 0)
		throw new Error(`pg_ctl start failed:\n${tail(start.stdout + start.stderr)}`);
	const created = await run(path.join(bin, 'createdb'), [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'n8n',
		'n8n',
	]);
	if (created.code !== 0) throw new Error(`createdb failed:\n${tail(created.stderr)}`);

	/** Runs SQL through psql; resolves with rows of '|'-separated columns. */
	const query = async (sql) => {
		const result = await run(path.join(bin, 'psql'), [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'n8n',
			'-d',
			'n8n',
			'-At',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		]);
		if (result.code !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('|'));
	};
	const stop = async () => {
		await pgRun(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
	};
	return { host: '127.0.0.1', port, database: 'n8n', user: 'n8n', password: 'n8n', query, stop };
}

module.exports = { startRedis, startPostgres };
