#!/usr/bin/env node
'use strict';
// `npm run bench`: streamed saves through the node in real n8n, each measured against a baseline
// run in the same invocation (see bench/README.md). Writes bench/results/latest.json and .md.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { getLane } = require('../tools/n8n/lanes');
const { ensureInstalled } = require('../tools/n8n/install');
const { buildPackage, packPackage } = require('../tools/n8n/package');
const { freePort } = require('../tools/n8n/n8n');
const { loadFixture } = require('../tools/simulator/fixture');
const { prepareLane } = require('./lib/lane');
const { largeLayout } = require('./lib/content');
const { runLargeSize, pickedAttachments } = require('./lib/case-large');
const { runBatch, batchTickets } = require('./lib/case-batch');
const {
	benchCredential,
	largeSaveWorkflow,
	downloadWorkflow,
	diyWorkflow,
	batchWorkflow,
	batchHttpWorkflow,
	IDS,
} = require('./lib/workflows');
const { machineInfo, toMarkdown, checkTargets } = require('./lib/report');
const { runOneDriveCase, oneDriveMarkdown } = require('./lib/case-onedrive');
const { oneDriveWorkflows, oneDriveBenchTarget } = require('./lib/onedrive-workflows');
const { killAll } = require('./lib/children');

const RESULTS_DIR = path.join(__dirname, 'results');

const USAGE = `Usage: npm run bench -- [options]      (node bench/run.js [options])
  --sizes LIST       case 1 archive sizes in MiB (default 256,1024,4096)
  --diy-sizes LIST   sizes for case 2, HTTP Request + Compression (default 256,1024; must be in --sizes)
  --batch N          case 3 input items (default 500; 0 skips the case)
  --lanes LIST       n8n lanes: 1 = n8n 1.x on Node 20, 2 = n8n 2.x on Node 24 (default 1,2)
  --content NAME     mixed (default) or deflated — what the large item holds (bench/README.md)
  --repeat N         runs per contender for sizes up to 1 GiB, fastest kept (default 2; larger sizes run once)
  --onedrive-sizes LIST  case 4 raw-file OneDrive saves in MiB, node vs HTTP Request (default 256,1024; "" skips)
  --folder-files N   case 4 OneDrive folder of N small files, node vs curl + unzip (default 1000; 0 skips)
  --no-floor         skip the HTTP Request download-only runs (n8n's own floor) at sizes without case 2
  --quick            --sizes 64,256 --diy-sizes 64 --batch 100 (a 2–4 minute smoke run)
  --out FILE         JSON result file (default bench/results/latest.json; the .md goes next to it)
  --keep             keep the temporary work folder (n8n user folders, logs)`;

function parseList(text, what) {
	const values = String(text)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean)
		.map(Number);
	if (values.some((v) => !Number.isInteger(v) || v < 0))
		throw new Error(`${what}: whole numbers expected, got "${text}"`);
	return values;
}

function parseArgs(argv) {
	const o = {
		sizes: [256, 1024, 4096],
		diySizes: [256, 1024],
		batch: 500,
		lanes: ['1', '2'],
		content: 'mixed',
		repeat: 2,
		floor: true,
		oneDriveSizes: [256, 1024],
		folderFiles: 1000,
		out: path.join(RESULTS_DIR, 'latest.json'),
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		const value = () => inline ?? argv[++i];
		if (flag === '--sizes') o.sizes = parseList(value(), flag);
		else if (flag === '--diy-sizes') o.diySizes = parseList(value(), flag);
		else if (flag === '--batch') o.batch = parseList(value(), flag)[0];
		else if (flag === '--lanes' || flag === '--lane')
			o.lanes = String(value())
				.split(',')
				.map((s) => s.trim());
		else if (flag === '--content') o.content = value();
		else if (flag === '--onedrive-sizes') o.oneDriveSizes = parseList(value(), flag);
		else if (flag === '--folder-files') o.folderFiles = parseList(value(), flag)[0] ?? 0;
		else if (flag === '--repeat') o.repeat = Math.max(1, parseList(value(), flag)[0]);
		else if (flag === '--quick')
			Object.assign(o, {
				sizes: [64, 256],
				diySizes: [64],
				batch: 100,
				repeat: 1,
				oneDriveSizes: [64],
				folderFiles: 200,
				quick: true,
			});
		else if (flag === '--out') o.out = path.resolve(value());
		else if (flag === '--keep') o.keep = true;
		else if (flag === '--no-floor') o.floor = false;
		else if (flag === '--help' || flag === '-h') o.help = true;
		else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
	}
	largeLayout(o.content, 4); // validates the name
	o.diySizes = o.diySizes.filter((s) => o.sizes.includes(s));
	return o;
}

function log(line) {
	process.stdout.write(`${line}\n`);
}

/** Free bytes where the work folder lives; the 4 GiB case needs about twice the size. */
function checkDisk(dir, sizes) {
	const stats = fs.statfsSync(dir);
	const free = stats.bavail * stats.bsize;
	const need = 2.2 * Math.max(...sizes, 0) * 1024 * 1024;
	if (free < need) {
		throw new Error(
			`${dir} has ${(free / 2 ** 30).toFixed(1)} GiB free; the ${Math.max(...sizes)} MiB case needs about ${(need / 2 ** 30).toFixed(1)} GiB`,
		);
	}
	return free;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) return log(USAGE);
	const started = Date.now();
	const lanes = options.lanes.map(getLane);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb365-bench-'));
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			log(`\n${signal}: stopping the benchmark's processes and removing ${workDir}`);
			killAll();
			if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
	checkDisk(workDir, [...options.sizes, ...options.oneDriveSizes]);
	const results = {
		startedAt: new Date(started).toISOString(),
		command: [
			'npm run bench',
			...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
		].join(' '),
		options: { ...options, out: undefined },
		machine: machineInfo(workDir),
		lanes: {},
		large: [],
		batch: undefined,
	};
	try {
		for (const laneDef of lanes) {
			await ensureInstalled(laneDef, { logDir: workDir });
			results.lanes[laneDef.id] = { n8n: laneDef.n8nVersion, label: laneDef.label };
		}
		await buildPackage();
		const { tarball } = await packPackage(path.join(workDir, 'pack'));

		// The simulator always listens on this port, so credentials and workflows stay valid
		// across its restarts (one per size).
		const port = await freePort();
		const url = `https://127.0.0.1:${port}`;
		const fixture = loadFixture({
			largeAttachmentSizes: largeLayout(options.content, 4).largeAttachmentSizes,
		});
		const credentials = { username: 'CONTOSO\\restore-operator', password: 'Restore!2024' };
		const { item, attachments } = pickedAttachments(fixture, largeLayout(options.content, 4));
		const tickets = batchTickets(fixture, options.batch);
		const target = { url, ...credentials, item, attachmentIds: attachments.map((a) => a.id) };
		const oneDriveBench = {
			largeSizes: options.oneDriveSizes.map((mib) => mib * 1024 * 1024),
			folderFiles: options.folderFiles,
		};
		const oneDriveTarget = oneDriveBenchTarget(loadFixture({ oneDriveBench }));
		const workflows = [
			...oneDriveWorkflows(
				{ id: IDS.credential, name: 'VB365 simulator (bench)' },
				{ url, ...credentials },
				oneDriveTarget,
			),
			largeSaveWorkflow(
				item,
				attachments.map((a) => a.name),
			),
			downloadWorkflow(target),
			diyWorkflow(target),
			batchWorkflow(tickets),
			batchWorkflow(tickets, 1),
			batchHttpWorkflow(tickets, { url, ...credentials }),
		];
		const prepared = [];
		for (const laneDef of lanes) {
			log(`Preparing ${laneDef.label} (n8n ${laneDef.n8nVersion}) …`);
			prepared.push(
				await prepareLane(laneDef, {
					tarball,
					workDir,
					credential: benchCredential(url, credentials),
					workflows,
				}),
			);
		}

		log(
			`\nCase 1/2: large saves (${options.content}: ${largeLayout(options.content, 4).description})`,
		);
		for (const sizeMiB of options.sizes) {
			checkDisk(workDir, [sizeMiB]);
			results.large.push(
				await runLargeSize({
					sizeMiB,
					content: options.content,
					port,
					lanes: prepared,
					workDir,
					diy: options.diySizes.includes(sizeMiB),
					repeat: sizeMiB <= 1024 ? options.repeat : 1,
					floor: options.floor,
					log,
				}),
			);
		}
		if (options.batch > 0) {
			log(`\nCase 3: batch of ${options.batch} small saves`);
			results.batch = await runBatch({ port, lanes: prepared, tickets, workDir, log });
		}
		if (oneDriveTarget.large.length > 0 || oneDriveTarget.folderFiles.length > 0) {
			log('\nCase 4: OneDrive raw-file saves and a folder of small files');
			results.oneDrive = await runOneDriveCase({
				port,
				lanes: prepared,
				workDir,
				target: oneDriveTarget,
				options: oneDriveBench,
				repeat: options.repeat,
				log,
			});
		}
	} finally {
		results.totalSeconds = Math.round((Date.now() - started) / 1000);
		// Other work on the machine shows here; the figures are only comparable on a quiet one.
		results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
		if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
		else log(`Work folder kept: ${workDir}`);
	}
	results.targets = checkTargets(results);
	fs.mkdirSync(path.dirname(options.out), { recursive: true });
	fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
	const mdFile = options.out.replace(/\.json$/, '') + '.md';
	const markdown = toMarkdown(results) + oneDriveMarkdown(results);
	fs.writeFileSync(mdFile, markdown);
	log(`\n${markdown}`);
	log(
		`Results: ${path.relative(process.cwd(), options.out)} and ${path.relative(process.cwd(), mdFile)} (${results.totalSeconds} s in total)`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
