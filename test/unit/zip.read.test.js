'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { readZipEntries, isZipSignature } = require('../../dist/nodes/VeeamM365/zip');
const { buildZip } = require('../support/zip-builder');
const {
	chunked,
	readAll,
	yazlZip,
	streamOf,
	pythonZip,
	hasCommand,
} = require('../support/zip-sources');

const text = (s, times = 1) => Buffer.from(s.repeat(times));
const pseudoRandom = (n) => crypto.randomBytes(n);

describe('readZipEntries: archives from yazl', () => {
	const files = {
		'stored.txt': text('stored content '),
		'deflated.txt': text('deflated content ', 2000),
		'random.bin': pseudoRandom(60000),
		'Übersicht – Angebot Müller €.txt': text('unicode name'),
		'日本語/ファイル.txt': text('nested unicode'),
		'empty-stored.txt': Buffer.alloc(0),
		'empty-deflated.txt': Buffer.alloc(0),
	};
	const add = (zip64) => (zipfile) => {
		const o = { forceZip64Format: zip64 };
		zipfile.addBuffer(files['stored.txt'], 'stored.txt', { ...o, compress: false });
		zipfile.addBuffer(files['deflated.txt'], 'deflated.txt', o);
		zipfile.addReadStream(
			streamOf(files['random.bin'].subarray(0, 10000), files['random.bin'].subarray(10000)),
			'random.bin',
			o,
		);
		zipfile.addReadStream(
			streamOf(files['Übersicht – Angebot Müller €.txt']),
			'Übersicht – Angebot Müller €.txt',
			{ ...o, compress: false },
		);
		zipfile.addBuffer(files['日本語/ファイル.txt'], '日本語/ファイル.txt', o);
		zipfile.addReadStream(streamOf(), 'empty-stored.txt', { ...o, compress: false });
		zipfile.addReadStream(streamOf(), 'empty-deflated.txt', o);
		zipfile.addEmptyDirectory('folder', o);
	};

	for (const zip64 of [false, true]) {
		test(`stored, deflated, data descriptors, unicode, empty files, directory (forceZip64Format=${zip64})`, async () => {
			const zip = await yazlZip(add(zip64), { forceZip64Format: zip64 });
			for (const size of [7, 4096, 65536]) {
				const entries = await readAll(chunked(zip, size));
				expect(entries.map((e) => e.name)).toEqual([
					...Object.keys(files).slice(0, 2),
					'random.bin',
					'Übersicht – Angebot Müller €.txt',
					'日本語/ファイル.txt',
					'empty-stored.txt',
					'empty-deflated.txt',
					'folder/',
				]);
				for (const entry of entries.filter((e) => !e.isDirectory))
					expect(entry.data.equals(files[entry.name])).toBe(true);
				const byName = Object.fromEntries(entries.map((e) => [e.name, e]));
				expect(byName['stored.txt']).toMatchObject({
					method: 'stored',
					compressedSize: 15,
					uncompressedSize: 15,
				});
				expect(byName['deflated.txt'].method).toBe('deflate');
				expect(byName['deflated.txt'].uncompressedSize).toBe(files['deflated.txt'].length);
				expect(byName['random.bin'].uncompressedSize).toBeUndefined(); // data descriptor
				expect(byName['folder/']).toMatchObject({ isDirectory: true, data: Buffer.alloc(0) });
				expect(byName['stored.txt'].isDirectory).toBe(false);
			}
		});
	}

	test('many entries', async () => {
		const zip = await yazlZip((zipfile) => {
			for (let i = 0; i < 3000; i++)
				zipfile.addBuffer(Buffer.from(String(i)), `f${i}.txt`, { compress: i % 2 === 0 });
		});
		let count = 0;
		for await (const entry of readZipEntries(chunked(zip, 1000))) {
			const chunks = [];
			for await (const chunk of entry.data) chunks.push(chunk);
			expect(Buffer.concat(chunks).toString()).toBe(String(count));
			count++;
		}
		expect(count).toBe(3000);
	});

	test('more than 65 535 entries (ZIP64 end record with escaped counts)', async () => {
		const entries = Array.from({ length: 70000 }, (_, i) => ({
			name: `f${i}`,
			data: Buffer.from(String(i)),
			method: 0,
		}));
		const { zip } = buildZip(entries, { zip64End: true });
		const names = [];
		const contents = [];
		for await (const entry of readZipEntries(chunked(zip))) {
			names.push(entry.name);
			let content = '';
			for await (const chunk of entry.data) content += chunk.toString();
			contents.push(content);
		}
		expect(names).toEqual(entries.map((e) => e.name));
		expect(contents).toEqual(entries.map((e) => e.data.toString()));
	});

	test('an empty archive has no entries', async () => {
		const zip = await yazlZip(() => undefined);
		expect(zip.length).toBe(22);
		expect(await readAll(chunked(zip))).toEqual([]);
	});
});

describe('readZipEntries: archives from python3 zipfile', () => {
	const script = (seekable) => `
import io, sys, zipfile
target = io.BytesIO() if ${seekable ? 'True' : 'False'} else sys.stdout.buffer
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.txt', b'hello ' * 1000)
    z.writestr(zipfile.ZipInfo('stored.txt'), b'stored', compress_type=zipfile.ZIP_STORED)
    z.writestr('Grüße.txt', 'ü'.encode())
    with z.open('zip64.bin', 'w', force_zip64=True) as f:
        f.write(bytes(range(256)) * 4000)
    z.writestr('empty.txt', b'')
    z.writestr('dir/', b'')
if ${seekable ? 'True' : 'False'}:
    sys.stdout.buffer.write(target.getvalue())
`;
	for (const seekable of [true, false]) {
		test(`${seekable ? 'sizes in the local headers' : 'streamed with data descriptors'}`, async () => {
			const zip = pythonZip(script(seekable));
			if (zip === null) return;
			expect(zip.readUInt16LE(6) & 8).toBe(seekable ? 0 : 8);
			for (const size of [1, 5, 65536]) {
				const entries = await readAll(chunked(zip, size));
				expect(entries.map((e) => e.name)).toEqual([
					'a.txt',
					'stored.txt',
					'Grüße.txt',
					'zip64.bin',
					'empty.txt',
					'dir/',
				]);
				expect(entries[0].data.toString()).toBe('hello '.repeat(1000));
				expect(entries[1]).toMatchObject({ method: 'stored' });
				expect(entries[1].data.toString()).toBe('stored');
				expect(entries[2].data.toString()).toBe('ü');
				expect(
					entries[3].data.equals(
						Buffer.from(Array.from({ length: 256 * 4000 }, (_, i) => i % 256)),
					),
				).toBe(true);
				expect(entries[4].data.length).toBe(0);
				expect(entries[5].isDirectory).toBe(true);
			}
		});
	}
});

const describeIfZip = hasCommand('zip') ? describe : describe.skip;
describeIfZip('readZipEntries: archives from Info-ZIP zip', () => {
	let dir;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zipcli-'));
		fs.mkdirSync(path.join(dir, 'in', 'sub'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'in', 'plain.txt'), 'plain '.repeat(500));
		fs.writeFileSync(path.join(dir, 'in', 'sub', 'Müller.txt'), 'müller');
		fs.writeFileSync(path.join(dir, 'in', 'tiny'), 'x');
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
	const run = (args) =>
		execFileSync('sh', ['-c', `cd "${dir}/in" && zip -q ${args}`], {
			env: { ...process.env, LC_ALL: 'C.UTF-8' },
			maxBuffer: 1 << 26,
		});

	const expected = { 'plain.txt': 'plain '.repeat(500), 'sub/Müller.txt': 'müller', tiny: 'x' };
	for (const [label, args] of [
		['to a file', '-r ../out.zip . && cat ../out.zip'],
		['to a pipe', '-r - . | cat'],
		['forced ZIP64 to a file', '-fz -r ../out.zip . && cat ../out.zip'],
	]) {
		test(label, async () => {
			fs.rmSync(path.join(dir, 'out.zip'), { force: true });
			const zip = run(args);
			const entries = await readAll(chunked(zip, 333));
			const files = Object.fromEntries(
				entries.filter((e) => !e.isDirectory).map((e) => [e.name, e.data.toString()]),
			);
			expect(files).toEqual(expected); // Info-ZIP writes unflagged UTF-8 names
			expect(entries.some((e) => e.name === 'sub/' && e.isDirectory)).toBe(true);
		});
	}

	test('forced ZIP64 to a pipe (Info-ZIP omits the ZIP64 end record; unzip rejects it too) is rejected', async () => {
		const zip = run('-fz -r - . | cat');
		await expect(readAll(chunked(zip))).rejects.toThrow(
			/end of central directory record has the wrong central directory offset/,
		);
	});
});

describe('readZipEntries: hand-built edge cases', () => {
	const data = Buffer.from('Some attachment content. '.repeat(400));
	for (const descriptor of ['signed32', 'signed64', 'unsigned32', 'unsigned64']) {
		for (const method of [0, 8]) {
			test(`data descriptor ${descriptor}, method ${method}`, async () => {
				const { zip } = buildZip([
					{ name: 'one.txt', data, method, descriptor },
					{ name: 'empty.txt', data: Buffer.alloc(0), method, descriptor },
					{ name: 'two.txt', data: Buffer.from('second'), method, descriptor },
				]);
				for (const size of [1, 2, 3, 5, 24, 25, 1000, 65536]) {
					const entries = await readAll(chunked(zip, size));
					expect(entries.map((e) => e.data.toString())).toEqual([data.toString(), '', 'second']);
				}
			});
		}
	}

	test('stored data containing descriptor and header signatures is not cut short', async () => {
		// (Data that starts with an all-zero descriptor followed by a header signature would be
		// indistinguishable from an empty entry, so the first fake descriptor claims 5 bytes.)
		const tricky = Buffer.concat([
			Buffer.from('PK\x07\x08'),
			Buffer.from([0, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0]),
			Buffer.from('PK\x03\x04'),
			Buffer.from('PK\x01\x02'),
			Buffer.from('xxPK\x07\x08\x00\x00\x00\x00\x02\x00\x00\x00'),
			Buffer.from('PK'),
			pseudoRandom(5000),
			Buffer.from('P'),
		]);
		for (const descriptor of ['signed32', 'unsigned32', 'signed64', 'unsigned64']) {
			const { zip } = buildZip([
				{ name: 'tricky.bin', data: tricky, method: 0, descriptor },
				{ name: 'b', data: Buffer.from('b'), method: 0 },
			]);
			for (const size of [1, 7, 64]) {
				const entries = await readAll(chunked(zip, size));
				expect(entries[0].data.equals(tricky)).toBe(true);
				expect(entries[1].data.toString()).toBe('b');
			}
		}
	});

	test('a stored entry that is itself a ZIP with data descriptors', async () => {
		const inner = await yazlZip((z) => {
			z.addReadStream(streamOf(text('inner ', 100)), 'inner.txt', { compress: false });
			z.addReadStream(streamOf(text('deflated inner ', 100)), 'inner2.txt');
		});
		const { zip } = buildZip([
			{ name: 'inner.zip', data: inner, method: 0, descriptor: 'signed32' },
		]);
		const [outer] = await readAll(chunked(zip, 100));
		expect(outer.data.equals(inner)).toBe(true);
		const innerEntries = await readAll(chunked(outer.data, 50));
		expect(innerEntries.map((e) => e.name)).toEqual(['inner.txt', 'inner2.txt']);
	});

	test('CP437 names (no UTF-8 flag) decode like Python does', async () => {
		const raw = Buffer.from([
			0x80, 0x81, 0x82, 0x8e, 0x99, 0x9a, 0xa4, 0xb0, 0xc9, 0xe1, 0xe4, 0xfb, 0xfd, 0xff, 0x2e,
			0x74, 0x78, 0x74,
		]);
		const { zip } = buildZip([{ name: raw, data: Buffer.from('x'), method: 0 }]);
		const [entry] = await readAll(chunked(zip));
		const expected = pythonZip(
			`import sys; sys.stdout.buffer.write(bytes.fromhex('${raw.toString('hex')}').decode('cp437').encode('utf-8'))`,
		);
		expect(entry.name).toBe(expected ? expected.toString('utf8') : 'ÇüéÄÖÜñ░╔ßΣ√²\u00a0.txt');
		expect(entry.name).toBe('ÇüéÄÖÜñ░╔ßΣ√²\u00a0.txt');
	});

	test('unflagged names that are valid UTF-8 (as Info-ZIP and macOS write them) are read as UTF-8', async () => {
		const { zip } = buildZip([
			{ name: Buffer.from('Grüße/Café.txt'), utf8: false, data: Buffer.from('x'), method: 0 },
			{
				name: Buffer.from([0x47, 0x72, 0x81, 0xe1, 0x65]),
				utf8: false,
				data: Buffer.from('y'),
				method: 0,
			}, // CP437 "Grüße"
			{ name: Buffer.from('plain.txt'), utf8: false, data: Buffer.from('z'), method: 0 },
		]);
		expect((await readAll(chunked(zip))).map((e) => e.name)).toEqual([
			'Grüße/Café.txt',
			'Grüße',
			'plain.txt',
		]);
	});

	test('every CP437 byte maps like Python cp437', async () => {
		const raw = Buffer.from(Array.from({ length: 128 }, (_, i) => 128 + i));
		const { zip } = buildZip([{ name: raw, data: Buffer.alloc(0), method: 0 }]);
		const [entry] = await readAll(chunked(zip));
		const expected = pythonZip(
			`import sys; sys.stdout.buffer.write(bytes(range(128, 256)).decode('cp437').encode('utf-8'))`,
		);
		if (expected !== null) expect(entry.name).toBe(expected.toString('utf8'));
		expect([...entry.name]).toHaveLength(128);
	});

	test('Info-ZIP Unicode Path extra field is used when its CRC matches the header name', async () => {
		const raw = Buffer.from('M?ller.txt');
		const unicode = Buffer.from('Müller.txt');
		const field = (crc) =>
			Buffer.concat([
				Buffer.from([0x75, 0x70]),
				Buffer.from([unicode.length + 5, 0, 1]),
				(() => {
					const b = Buffer.alloc(4);
					b.writeUInt32LE(crc);
					return b;
				})(),
				unicode,
			]);
		const good = buildZip([
			{ name: raw, utf8: false, data: Buffer.from('x'), method: 0, extra: field(zlib.crc32(raw)) },
		]).zip;
		const stale = buildZip([
			{ name: raw, utf8: false, data: Buffer.from('x'), method: 0, extra: field(12345) },
		]).zip;
		expect((await readAll(chunked(good)))[0].name).toBe('Müller.txt');
		expect((await readAll(chunked(stale)))[0].name).toBe('M?ller.txt');
	});

	test('ZIP64 extra field in the local header, ZIP64 end records and an archive comment', async () => {
		const { zip } = buildZip(
			[
				{ name: 'a.txt', data: text('abc', 1000), method: 8, zip64Local: true },
				{ name: 'b.txt', data: text('b'), method: 0, zip64Local: true },
			],
			{ zip64End: true, comment: Buffer.from('archive comment') },
		);
		const entries = await readAll(chunked(zip, 10));
		expect(entries.map((e) => [e.name, e.data.toString(), e.uncompressedSize])).toEqual([
			['a.txt', 'abc'.repeat(1000), 3000],
			['b.txt', 'b', 1],
		]);
	});

	test('a deflated entry with no compressed bytes at all is read as empty', async () => {
		const { zip } = buildZip([
			{ name: 'e', data: Buffer.alloc(0), compressed: Buffer.alloc(0), method: 8 },
		]);
		expect((await readAll(chunked(zip)))[0].data.length).toBe(0);
	});
});

describe('readZipEntries: consumption rules and backpressure', () => {
	test('entries left unread (or half-read) are skipped and still verified', async () => {
		const big = pseudoRandom(200000);
		const zip = await yazlZip((z) => {
			z.addBuffer(big, 'big.bin');
			z.addReadStream(streamOf(big), 'big2.bin', { compress: false });
			z.addBuffer(Buffer.from('last'), 'last.txt');
		});
		const names = [];
		let last;
		for await (const entry of readZipEntries(chunked(zip, 1000))) {
			names.push(entry.name);
			if (entry.name === 'big2.bin') {
				for await (const chunk of entry.data) {
					expect(chunk.length).toBeGreaterThan(0);
					break;
				}
			}
			if (entry.name === 'last.txt') for await (const chunk of entry.data) last = chunk.toString();
		}
		expect(names).toEqual(['big.bin', 'big2.bin', 'last.txt']);
		expect(last).toBe('last');

		const corrupt = Buffer.from(zip);
		corrupt[30 + 'big.bin'.length + 500] ^= 0xff; // inside big.bin's compressed data
		const run = async () => {
			for await (const entry of readZipEntries(chunked(corrupt, 1000))) void entry;
		};
		await expect(run()).rejects.toMatchObject({ name: 'ZipFormatError', entryName: 'big.bin' });
	});

	test('skip() reads and verifies the rest of an entry', async () => {
		const zip = await yazlZip((z) => {
			z.addBuffer(text('a', 100000), 'a');
			z.addBuffer(text('b'), 'b');
		});
		const seen = [];
		for await (const entry of readZipEntries(chunked(zip, 512))) {
			seen.push(entry.name);
			await entry.skip();
			await entry.skip(); // idempotent
			const rest = [];
			for await (const chunk of entry.data) rest.push(chunk);
			expect(rest).toEqual([]);
		}
		expect(seen).toEqual(['a', 'b']);
	});

	async function pulledWhilePaused(zip, chunkSize) {
		let pulled = 0;
		async function* source() {
			for await (const chunk of chunked(zip, chunkSize)) {
				pulled += chunk.length;
				yield chunk;
			}
		}
		for await (const entry of readZipEntries(source())) {
			const iterator = entry.data[Symbol.asyncIterator]();
			let consumed = 0;
			for (let i = 0; i < 3; i++) consumed += (await iterator.next()).value.length;
			await new Promise((resolve) => setTimeout(resolve, 200));
			return { pulled, consumed };
		}
	}

	test('does not read ahead of a slow consumer (deflated, known size and data descriptor)', async () => {
		const big = Buffer.concat(
			Array.from({ length: 64 }, (_, i) =>
				Buffer.concat([text(`block ${i} `, 20000), pseudoRandom(20000)]),
			),
		);
		for (const zip of [
			await yazlZip((z) => z.addBuffer(big, 'big.bin')),
			await yazlZip((z) => z.addReadStream(streamOf(big), 'big.bin')),
			await yazlZip((z) => z.addReadStream(streamOf(big), 'big.bin', { compress: false })),
		]) {
			const { pulled, consumed } = await pulledWhilePaused(zip, 16384);
			expect(consumed).toBeGreaterThan(0);
			expect(pulled).toBeLessThanOrEqual(4 * 16384);
		}
	});

	test('stopping early closes the source', async () => {
		const zip = await yazlZip((z) => {
			z.addBuffer(text('a'), 'a');
			z.addBuffer(text('b'), 'b');
		});
		let closed = false;
		async function* source() {
			try {
				yield* chunked(zip, 10);
			} finally {
				closed = true;
			}
		}
		for await (const entry of readZipEntries(source())) {
			expect(entry.name).toBe('a');
			break;
		}
		expect(closed).toBe(true);
	});
});

describe('isZipSignature', () => {
	test.each([
		[[0x50, 0x4b, 0x03, 0x04, 0x14], true],
		[[0x50, 0x4b, 0x05, 0x06], true],
		[[0x50, 0x4b, 0x07, 0x08], false],
		[[0x50, 0x4b, 0x03], false],
		[[0x25, 0x50, 0x44, 0x46], false],
		[[], false],
	])('%j → %s', (bytes, expected) => {
		expect(isZipSignature(Uint8Array.from(bytes))).toBe(expected);
	});
});
