'use strict';
// Inflate throughput and peak memory: the node's own DEFLATE decoder (dist/nodes/VeeamM365/zip)
// against the global DecompressionStream('deflate-raw'), on the same ZIP archive of mixed data.
// Every contender reads the archive file in 64 KiB chunks (like an HTTP body) in a fresh child
// process, so its peak RSS (VmHWM) is its own. Run `npm run build` first.
//
//   node bench/inflate-compare.js [--size-mib 320] [--runs 3] [--keep]
//
// Contenders:
//   deflateDecoder       zip/deflateDecoder.js alone, fed each entry's compressed bytes
//   DecompressionStream  the web-streams decoder, one per entry, the same bytes
//   readZipEntries       the whole ZIP reader (headers, inflate, CRC-32, sizes, central directory)
//   node:zlib            zlib.createInflateRaw() per entry: reference only (nodes/ cannot import it)
//   read only            reads the file without decoding: the baseline RSS and I/O cost

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const { buildArchive } = require('./lib/mixed-archive');

const DIST = path.join(__dirname, '..', 'dist', 'nodes', 'VeeamM365', 'zip');
const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;
const FORMAT_VERSION = 1;

// ---------- contenders (run in a child process each) ----------

function entryChunks(file, entry) {
	if (entry.compressed === 0) return [];
	return fs.createReadStream(file, {
		start: entry.offset,
		end: entry.offset + entry.compressed - 1,
		highWaterMark: CHUNK,
	});
}

const CONTENDERS = {
	async deflateDecoder(file, entries) {
		const { DeflateDecoder } = require(path.join(DIST, 'deflateDecoder.js'));
		let bytes = 0;
		for (const entry of entries) {
			const decoder = new DeflateDecoder();
			const drain = () => {
				for (let piece; (piece = decoder.next()) !== null; ) bytes += piece.length;
			};
			for await (const chunk of entryChunks(file, entry)) {
				decoder.push(chunk);
				drain();
			}
			if (!decoder.done) {
				decoder.end();
				drain();
			}
		}
		return bytes;
	},

	async DecompressionStream(file, entries) {
		let bytes = 0;
		for (const entry of entries) {
			const stream = new DecompressionStream('deflate-raw');
			const writer = stream.writable.getWriter();
			const reading = (async () => {
				for await (const piece of stream.readable) bytes += piece.length;
			})();
			for await (const chunk of entryChunks(file, entry)) {
				await writer.ready;
				writer.write(chunk).catch(() => {});
			}
			await writer.close();
			await reading;
		}
		return bytes;
	},

	async readZipEntries(file) {
		const { readZipEntries } = require(path.join(DIST, 'index.js'));
		let bytes = 0;
		const source = fs.createReadStream(file, { highWaterMark: CHUNK });
		for await (const entry of readZipEntries(source)) {
			for await (const piece of entry.data) bytes += piece.length;
		}
		return bytes;
	},

	async 'node:zlib'(file, entries) {
		let bytes = 0;
		for (const entry of entries) {
			const inflater = zlib.createInflateRaw();
			const input = entryChunks(file, entry);
			if (input.pipe) input.pipe(inflater);
			else inflater.end();
			for await (const piece of inflater) bytes += piece.length;
		}
		return bytes;
	},

	async 'read only'(file) {
		let bytes = 0;
		for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK }))
			bytes += chunk.length;
		return bytes;
	},
};

async function child(name, file, metaFile) {
	const { entries } = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
	const started = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const bytes = await CONTENDERS[name](file, entries);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = process.cpuUsage(cpuBefore);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	// VmHWM is this process's own peak: getrusage's maxrss would include the parent's at fork.
	const status = fs.readFileSync('/proc/self/status', 'utf8');
	const maxRssKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]);
	process.stdout.write(JSON.stringify({ bytes, seconds, cpuSeconds, maxRssKiB }) + '\n');
}

// ---------- parent ----------

function option(args, name, fallback) {
	const index = args.indexOf(name);
	return index >= 0 ? args[index + 1] : fallback;
}

function main(args) {
	const sizeMiB = Number(option(args, '--size-mib', '320'));
	const runs = Number(option(args, '--runs', '3'));
	if (!fs.existsSync(path.join(DIST, 'deflateDecoder.js'))) {
		throw new Error(`${DIST} is missing: run "npm run build" first`);
	}
	if (typeof DecompressionStream !== 'function') {
		throw new Error('This Node.js has no global DecompressionStream');
	}
	const base = path.join(os.tmpdir(), `veeam-m365-inflate-bench-v${FORMAT_VERSION}-${sizeMiB}mib`);
	const file = `${base}.zip`;
	const metaFile = `${base}.json`;
	if (!fs.existsSync(file) || !fs.existsSync(metaFile)) {
		process.stderr.write(`Building ${sizeMiB} MiB of mixed data into ${file} …\n`);
		fs.writeFileSync(metaFile, JSON.stringify(buildArchive(file, sizeMiB * MiB)));
	}
	const { entries } = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
	const uncompressed = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
	const compressed = entries.reduce((sum, entry) => sum + entry.compressed, 0);
	console.log(
		`Node ${process.version}, ${os.cpus()[0].model.trim()} (${os.cpus().length} cores), ` +
			`${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
	);
	console.log(
		`Archive: ${entries.length} entries, ${(uncompressed / MiB).toFixed(0)} MiB uncompressed, ` +
			`${(compressed / MiB).toFixed(0)} MiB deflated (${fs.statSync(file).size} bytes on disk); ` +
			`best of ${runs} runs, MB = 10^6 bytes of output per second`,
	);
	console.log('');
	console.log(
		'| contender | MB/s (best) | seconds (best) | CPU seconds (least) | peak RSS MiB (highest) |',
	);
	console.log('| --- | ---: | ---: | ---: | ---: |');
	for (const name of Object.keys(CONTENDERS)) {
		const results = [];
		for (let run = 0; run < runs; run++) {
			const output = execFileSync(process.execPath, [__filename, '--child', name, file, metaFile], {
				encoding: 'utf8',
				maxBuffer: MiB,
			});
			results.push(JSON.parse(output));
		}
		const expected = name === 'read only' ? fs.statSync(file).size : uncompressed;
		for (const result of results) {
			if (result.bytes !== expected) {
				throw new Error(`${name} produced ${result.bytes} bytes instead of ${expected}`);
			}
		}
		const best = Math.min(...results.map((result) => result.seconds));
		const cpu = Math.min(...results.map((result) => result.cpuSeconds));
		const rss = Math.max(...results.map((result) => result.maxRssKiB)) / 1024;
		const rate = name === 'read only' ? '–' : (uncompressed / best / 1e6).toFixed(0);
		console.log(
			`| ${name} | ${rate} | ${best.toFixed(2)} | ${cpu.toFixed(2)} | ${rss.toFixed(0)} |`,
		);
	}
	if (!args.includes('--keep')) {
		fs.rmSync(file);
		fs.rmSync(metaFile);
	}
}

if (process.argv[2] === '--child') {
	child(process.argv[3], process.argv[4], process.argv[5]).catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main(process.argv.slice(2));
}
