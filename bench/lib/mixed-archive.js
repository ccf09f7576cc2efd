'use strict';
// A deterministic ZIP of mixed content for bench/inflate-compare.js: log text, JSON, photo-like
// noise, incompressible bytes and sparse data, in a few large and many small deflated entries.

const fs = require('node:fs');
const zlib = require('node:zlib');

const MiB = 1024 * 1024;

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same archive. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'site list item attachment restore backup veeam organization mailbox folder document ' +
	'report invoice contract project meeting budget draft final review approved pending ' +
	'the of and to in for with on by from at as is was are be this that which'
).split(' ');

function textData(bytes, random) {
	const lines = [];
	let length = 0;
	while (length < bytes) {
		const ms = Math.floor(random() * 86400000);
		const words = [];
		for (let i = 0, n = 4 + Math.floor(random() * 14); i < n; i++)
			words.push(WORDS[Math.floor(random() * WORDS.length)]);
		const line =
			`2026-11-${String(1 + Math.floor(random() * 30)).padStart(2, '0')}T${new Date(ms).toISOString().slice(11)} ` +
			`${random() < 0.9 ? 'INFO' : 'WARN'} worker-${Math.floor(random() * 8)} id=${Math.floor(random() * 1e9).toString(16)} ` +
			`${words.join(' ')} status=${random() < 0.95 ? 200 : 404} ms=${Math.floor(random() * 900)}\n`;
		lines.push(line);
		length += line.length;
	}
	return Buffer.from(lines.join('')).subarray(0, bytes);
}

function jsonData(bytes, random) {
	const records = [];
	let length = 0;
	while (length < bytes) {
		const record = JSON.stringify({
			id: Math.floor(random() * 1e12),
			title: `${WORDS[Math.floor(random() * WORDS.length)]} ${Math.floor(random() * 1000)}`,
			size: Math.floor(random() * 5e6),
			modified: new Date(1.7e12 + Math.floor(random() * 3e10)).toISOString(),
			tags: [
				WORDS[Math.floor(random() * WORDS.length)],
				WORDS[Math.floor(random() * WORDS.length)],
			],
			ratio: Math.round(random() * 1e6) / 1e6,
		});
		records.push(record);
		length += record.length + 2;
	}
	return Buffer.from('[' + records.join(',\n') + ']').subarray(0, bytes);
}

/** Photo-like: a smooth gradient with noise (compresses a little). */
function imageData(bytes, random) {
	const data = Buffer.allocUnsafe(bytes);
	for (let i = 0; i < bytes; i++) data[i] = ((i >> 6) & 0xff) + Math.floor(random() * 24);
	return data;
}

/** Already compressed (JPEG, nested ZIP): incompressible. */
function randomData(bytes, random) {
	const words = new Uint32Array(Math.ceil(bytes / 4));
	for (let i = 0; i < words.length; i++) words[i] = random() * 4294967296;
	return Buffer.from(words.buffer, 0, bytes);
}

/** Office-like: mostly zeros with scattered records. */
function sparseData(bytes, random) {
	const data = Buffer.alloc(bytes);
	for (let i = 0; i < bytes; i += 512 + Math.floor(random() * 4096)) {
		data.write(`record ${Math.floor(random() * 1e6)} `, i, 'latin1');
	}
	return data;
}

const KINDS = [
	{ name: 'log', share: 0.35, make: textData },
	{ name: 'json', share: 0.2, make: jsonData },
	{ name: 'image', share: 0.15, make: imageData },
	{ name: 'random', share: 0.15, make: randomData },
	{ name: 'sparse', share: 0.15, make: sparseData },
];

/** Writes the ZIP and returns { entries: [{ name, offset, compressed, uncompressed }] }. */
function buildArchive(file, totalBytes) {
	const random = prng(20261130);
	const out = fs.openSync(file, 'w');
	const entries = [];
	const central = [];
	let offset = 0;
	const write = (buffer) => {
		fs.writeSync(out, buffer);
		offset += buffer.length;
	};
	for (const kind of KINDS) {
		let left = Math.floor(totalBytes * kind.share);
		for (let n = 0; left > 0; n++) {
			// Alternate one large file with a few small ones (8 KiB – 2 MiB).
			const size = Math.min(left, n % 4 === 0 ? 24 * MiB : 8192 + Math.floor(random() * 2 * MiB));
			const data = kind.make(size, random);
			const deflated = zlib.deflateRawSync(data, { level: 6 });
			const name = Buffer.from(`${kind.name}/${kind.name}-${n}.bin`);
			const header = Buffer.alloc(30);
			header.writeUInt32LE(0x04034b50, 0);
			header.writeUInt16LE(20, 4);
			header.writeUInt16LE(0x0800, 6);
			header.writeUInt16LE(8, 8);
			header.writeUInt32LE(zlib.crc32(data), 14);
			header.writeUInt32LE(deflated.length, 18);
			header.writeUInt32LE(data.length, 22);
			header.writeUInt16LE(name.length, 26);
			const entryOffset = offset;
			write(header);
			write(name);
			entries.push({ offset: offset, compressed: deflated.length, uncompressed: data.length });
			write(deflated);
			const record = Buffer.alloc(46);
			record.writeUInt32LE(0x02014b50, 0);
			record.writeUInt16LE(20, 4);
			record.writeUInt16LE(20, 6);
			header.copy(record, 8, 6, 30); // flags … name length
			record.writeUInt32LE(entryOffset, 42);
			central.push(record, name);
			left -= size;
		}
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	write(directory);
	write(end);
	fs.closeSync(out);
	return { entries };
}

module.exports = { buildArchive };
