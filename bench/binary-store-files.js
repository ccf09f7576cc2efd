'use strict';
// What n8n 2.x's filesystem binary store costs per small file on this machine, without n8n:
// the calls @n8n/blob-storage's FsByteStore.write and the metadata write make for every stored
// file (mkdir -p, writeFile of a temp file, stat, rename, writeFile of the metadata), for N files
// of a few KiB, one at a time and several at once. The folder save of case 4 stores one file per
// archive entry this way, so this is its floor per file.
//
//   node bench/binary-store-files.js [--files 1000] [--at-once 1,8] [--runs 2]

const fs = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

function parseArgs(argv) {
	const args = { files: 1000, atOnce: [1, 8], runs: 2 };
	for (let i = 0; i < argv.length; i += 2) {
		if (argv[i] === '--files') args.files = Number(argv[i + 1]);
		else if (argv[i] === '--at-once') args.atOnce = argv[i + 1].split(',').map(Number);
		else if (argv[i] === '--runs') args.runs = Number(argv[i + 1]);
	}
	return args;
}

async function storeOne(dir, data) {
	const file = path.join(dir, crypto.randomUUID());
	await fs.mkdir(dir, { recursive: true });
	const temp = `${file}.tmp.${process.pid}.${crypto.randomUUID()}`;
	await fs.writeFile(temp, data);
	await fs.stat(temp);
	await fs.rename(temp, file);
	await fs.writeFile(
		`${file}.metadata`,
		JSON.stringify({ fileName: 'x.txt', fileSize: data.length }),
	);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'binary-store-files-'));
	console.log(
		`${args.files} files of 2–6 KiB, Node ${process.version}, load ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' / ')}`,
	);
	try {
		for (let r = 0; r < args.runs; r++) {
			for (const atOnce of args.atOnce) {
				const dir = path.join(root, `run-${r}-${atOnce}`);
				const started = performance.now();
				const cpu0 = process.cpuUsage();
				const running = [];
				for (let i = 0; i < args.files; i++) {
					running.push(storeOne(dir, crypto.randomBytes(2048 + (i % 4096))));
					if (running.length >= atOnce) await running.shift();
				}
				await Promise.all(running);
				const cpu = process.cpuUsage(cpu0);
				console.log(
					`  ${String(atOnce).padStart(2)} at once: ${((performance.now() - started) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (system ${(cpu.system / 1e6).toFixed(2)} s)`,
				);
				await fs.rm(dir, { recursive: true, force: true });
			}
		}
	} finally {
		await fs.rm(root, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
