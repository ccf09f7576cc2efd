#!/usr/bin/env node
'use strict';
// End-to-end lanes: the packed package inside real n8n processes (1.x on Node 20, 2.x on
// Node 24) against the VB365 simulator. See test/e2e/README.md.
//
//   node test/e2e/run.js [--lane 1|2|all] [--keep] [--reinstall] [--install-only]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { getLane, LOG_DIR } = require('../../tools/n8n/lanes');
const { ensureInstalled } = require('../../tools/n8n/install');
const { buildPackage, packPackage, strayFiles } = require('../../tools/n8n/package');
const { runLaneCases, formatTimings } = require('./cases');
const { seconds } = require('../../tools/n8n/process');
const { startFakeJira, jiraVersionFor } = require('./jira-cases');

const USAGE = `Usage: node test/e2e/run.js [options]
  --lane 1|2|all     which lanes to run (default all; env E2E_LANES, e.g. "1,2")
  --keep             keep the temporary n8n user folders and logs (printed at the end)
  --reinstall        run npm ci again even when the install stamp matches
  --install-only     only make sure the lanes' n8n installs are present`;

function parseArgs(argv) {
	const options = {
		lanes: (process.env.E2E_LANES || 'all').split(','),
		keep: false,
		reinstall: false,
		installOnly: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=');
		if (flag === '--lane') options.lanes = (inline ?? argv[++i] ?? '').split(',');
		else if (flag === '--keep') options.keep = true;
		else if (flag === '--reinstall') options.reinstall = true;
		else if (flag === '--install-only') options.installOnly = true;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`unknown argument ${arg}\n${USAGE}`);
	}
	if (options.lanes.includes('all')) options.lanes = ['1', '2'];
	options.lanes = options.lanes.map((id) => getLane(id.trim()));
	return options;
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

	const logDir = LOG_DIR;
	const installed = new Map();
	for (const laneDef of options.lanes) {
		await record(`[lane ${laneDef.id}] n8n ${laneDef.n8nVersion} is installed`, async () => {
			const result = await ensureInstalled(laneDef, { force: options.reinstall, logDir });
			installed.set(laneDef.id, result);
			if (!result.installed)
				console.log(
					`  ${laneDef.label}: n8n ${laneDef.n8nVersion} already installed (stamp matches)`,
				);
		});
	}
	if (options.installOnly) return summarize(results, started);

	const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-e2e-'));
	let sim;
	try {
		await buildPackage();
		const { tarball, files } = await packPackage(path.join(workRoot, 'pack'));
		await record(
			'npm pack: the tarball holds only the package (dist/nodes, dist/credentials, dist/icons, metadata)',
			async () => {
				const stray = strayFiles(files);
				if (stray.length > 0) {
					throw new Error(
						`the tarball would publish ${stray.length} stray file(s): ${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ', …' : ''}\n` +
							'n8n-node build copies every *.png/*.svg below the project into dist/ (it skips only the top-level node_modules and dot-folders); remove the folder that holds them and rebuild',
					);
				}
			},
		);
		const { startSimulator } = require('../../tools/simulator');
		sim = await startSimulator({ port: 0, profile: '8.x' });
		console.log(`VB365 simulator on ${sim.url}`);

		const laneTimes = [];
		for (const laneDef of options.lanes) {
			if (!installed.has(laneDef.id)) {
				console.log(`\nSkipping ${laneDef.label}: not installed`);
				continue;
			}
			console.log(`\n${laneDef.label} — n8n ${laneDef.n8nVersion}`);
			const laneStarted = Date.now();
			const workDir = path.join(workRoot, `lane-${laneDef.id}`);
			fs.mkdirSync(workDir, { recursive: true });
			const jira = await startFakeJira({ version: jiraVersionFor(laneDef) });
			let timings;
			try {
				timings = await runLaneCases(laneDef, { sim, jira, tarball, workDir, record });
			} finally {
				await jira.stop();
			}
			const install = installed.get(laneDef.id);
			laneTimes.push(
				`  lane ${laneDef.id}: ${seconds(Date.now() - laneStarted)} run` +
					(install.installed ? ` + ${seconds(install.ms)} install` : ' (install warm)') +
					` — ${formatTimings(timings)}`,
			);
		}
		console.log(`\nTimings:\n${laneTimes.join('\n')}`);
	} catch (error) {
		await record('e2e setup (build, pack, simulator)', () => Promise.reject(error));
	} finally {
		if (sim) await sim.stop();
		const failed = results.some((r) => !r.ok);
		if (options.keep || failed)
			console.log(`\nWork folder kept: ${workRoot} (n8n.log and the user folder per lane)`);
		else fs.rmSync(workRoot, { recursive: true, force: true });
	}
	return summarize(results, started);
}

function summarize(results, started) {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log(`\nTotal ${seconds(Date.now() - started)}`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		console.error(error);
		console.log('0 passed, 1 failed');
		process.exitCode = 1;
	},
);
