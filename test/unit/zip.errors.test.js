'use strict';
const zlib = require('zlib');
const crypto = require('crypto');
const {
	readZipEntries,
	ZipFormatError,
	ZipLimitError,
} = require('../../dist/nodes/VeeamM365/zip');
const { buildZip, u32 } = require('../support/zip-builder');
const { chunked, readAll, yazlZip, streamOf } = require('../support/zip-sources');
const { mixedArchives } = require('../support/zip-archives');

const text = (s, times = 1) => Buffer.from(s.repeat(times));

/** Reads the archive, returning the error thrown (fails the test if none). */
async function failure(zip, limits, chunkSize = 4096) {
	try {
		await readAll(chunked(zip, chunkSize), limits);
	} catch (error) {
		return error;
	}
	throw new Error('expected the archive to be rejected');
}

/** Offset of the first byte of entry data (after the local header) at `headerOffset`. */
function dataOffset(zip, headerOffset = 0) {
	return (
		headerOffset + 30 + zip.readUInt16LE(headerOffset + 26) + zip.readUInt16LE(headerOffset + 28)
	);
}

describe('truncated archives are always rejected', () => {
	test('cut at every offset: reading never completes and the error says truncated', async () => {
		const archives = await mixedArchives();
		for (const [label, zip] of Object.entries(archives)) {
			for (let cut = 1; cut < zip.length; cut++) {
				const truncated = zip.subarray(0, cut);
				const error = await failure(truncated, undefined, 1 + (cut % 97));
				if (!(error instanceof ZipFormatError) || !/truncated/.test(error.message)) {
					throw new Error(`${label} cut at ${cut}/${zip.length}: ${error && error.stack}`);
				}
			}
		}
	}, 120000);

	test('cut every 4 KiB of a larger archive', async () => {
		const big = crypto.randomBytes(200000);
		const zip = await yazlZip((z) => {
			z.addBuffer(big, 'big.bin');
			z.addReadStream(streamOf(big), 'big-dd.bin');
			z.addReadStream(streamOf(big), 'big-stored.bin', { compress: false });
		});
		for (let cut = 4096; cut < zip.length; cut += 4096) {
			const error = await failure(zip.subarray(0, cut), undefined, 16384);
			expect(error).toBeInstanceOf(ZipFormatError);
			expect(error.message).toMatch(/truncated/);
		}
	});

	test('errors of the source itself pass through unchanged', async () => {
		const zip = await yazlZip((z) => {
			z.addBuffer(crypto.randomBytes(100000), 'a.bin');
			z.addReadStream(streamOf(crypto.randomBytes(100000)), 'b.bin', { compress: false });
		});
		for (const cut of [20, 50000, 150000]) {
			const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
			async function* source() {
				yield* chunked(zip.subarray(0, cut), 8192);
				throw reset;
			}
			await expect(readAll(source())).rejects.toBe(reset);
		}
	});

	test('an empty body and non-ZIP data are rejected', async () => {
		expect((await failure(Buffer.alloc(0))).message).toMatch(/empty/);
		expect((await failure(Buffer.from('<html>error</html>'))).message).toMatch(/not a ZIP archive/);
	});
});

describe('corrupt archives', () => {
	const payload = text('The quick brown fox jumps over the lazy dog. ', 300);

	test('a corrupted byte in deflated data', async () => {
		for (const descriptor of [undefined, 'signed32']) {
			const { zip } = buildZip([{ name: 'doc.txt', data: payload, method: 8, descriptor }]);
			const start = dataOffset(zip);
			for (const position of [start, start + 5, start + 40, start + 70]) {
				const corrupt = Buffer.from(zip);
				corrupt[position] ^= 0x55;
				const error = await failure(corrupt);
				expect(error).toBeInstanceOf(ZipFormatError);
				expect(error.entryName).toBe('doc.txt');
				expect(error.message).toContain('"doc.txt"');
			}
		}
	});

	test('a corrupted byte in stored data fails the CRC check', async () => {
		for (const descriptor of [undefined, 'signed32', 'unsigned64']) {
			const { zip } = buildZip([{ name: 'doc.txt', data: payload, method: 0, descriptor }]);
			const corrupt = Buffer.from(zip);
			corrupt[dataOffset(zip) + 100] ^= 1;
			const error = await failure(corrupt);
			expect(error.message).toMatch(/"doc.txt" failed the CRC-32 check/);
		}
	});

	test('wrong CRC in the local header, the data descriptor or the central directory', async () => {
		const wrong = zlib.crc32(payload) ^ 0x10;
		const inHeader = buildZip([{ name: 'a', data: payload, header: { crc: wrong } }]).zip;
		expect((await failure(inHeader)).message).toMatch(/"a" failed the CRC-32 check \(header says/);
		for (const descriptor of ['signed32', 'signed64', 'unsigned32']) {
			const inDescriptor = buildZip([
				{ name: 'a', data: payload, descriptor, descriptorFields: { crc: wrong } },
			]).zip;
			expect((await failure(inDescriptor)).message).toMatch(
				/failed the CRC-32 check \(data descriptor says/,
			);
		}
		const inCentral = buildZip([{ name: 'a', data: payload, central: { crc: wrong } }]).zip;
		expect((await failure(inCentral)).message).toMatch(
			/central directory does not match entry "a": its CRC-32/,
		);
	});

	test('wrong sizes', async () => {
		const tooSmall = buildZip([
			{ name: 'a', data: payload, header: { uncompressedSize: 100 } },
		]).zip;
		expect((await failure(tooSmall)).message).toMatch(
			/"a" is larger than the 100 bytes its header declares/,
		);
		const tooLarge = buildZip([
			{ name: 'a', data: payload, header: { uncompressedSize: payload.length + 1 } },
		]).zip;
		expect((await failure(tooLarge)).message).toMatch(/"a" has the wrong size/);
		const storedMismatch = buildZip([
			{ name: 'a', data: payload, method: 0, header: { compressedSize: 10 } },
		]).zip;
		expect((await failure(storedMismatch)).message).toMatch(/stored but its sizes differ/);
		const descriptorSize = buildZip([
			{
				name: 'a',
				data: payload,
				descriptor: 'signed32',
				descriptorFields: { uncompressedSize: 5 },
			},
		]).zip;
		expect((await failure(descriptorSize)).message).toMatch(
			/"a" has the wrong size: its data descriptor declares/,
		);
		const centralSize = buildZip([
			{ name: 'a', data: payload, central: { uncompressedSize: 5 } },
		]).zip;
		expect((await failure(centralSize)).message).toMatch(
			/central directory does not match entry "a": its uncompressed size is 5/,
		);
		// A compressed size that is off moves the parser to a wrong position.
		const shifted = buildZip([
			{
				name: 'a',
				data: payload,
				method: 0,
				header: { compressedSize: payload.length - 3, uncompressedSize: payload.length - 3 },
			},
		]).zip;
		expect(await failure(shifted)).toBeInstanceOf(ZipFormatError);
	});

	test('missing or inconsistent central directory', async () => {
		const { zip, directoryOffset } = buildZip([
			{ name: 'a', data: payload },
			{ name: 'b', data: payload },
		]);
		expect((await failure(zip.subarray(0, directoryOffset))).message).toMatch(
			/truncated: the central directory is missing/,
		);
		const countWrong = buildZip([{ name: 'a', data: payload }], { entryCountOverride: 2 }).zip;
		expect((await failure(countWrong)).message).toMatch(/wrong number of entries/);
		const nameWrong = buildZip([
			{ name: 'a', data: payload, central: { name: Buffer.from('b') } },
		]).zip;
		expect((await failure(nameWrong)).message).toMatch(/does not match entry "a": its name is "b"/);
		const trailing = buildZip([{ name: 'a', data: payload }], {
			trailing: Buffer.from('garbage'),
		}).zip;
		expect((await failure(trailing)).message).toMatch(/unexpected data after its end/);
		// Central directory that lists fewer entries than the archive holds.
		const two = buildZip([
			{ name: 'a', data: payload },
			{ name: 'b', data: payload },
		]);
		const firstRecordLength = 46 + 1;
		const fewer = Buffer.concat([
			two.zip.subarray(0, two.directoryOffset),
			two.zip.subarray(two.directoryOffset + firstRecordLength),
		]);
		expect((await failure(fewer)).message).toMatch(/ZIP central directory lists/);
		// Local header where the end of central directory is expected.
		const local = Buffer.from(zip);
		local.writeUInt32LE(0x04034b50, zip.length - 22);
		expect((await failure(local)).message).toMatch(/followed by a local header/);
	});

	test('encrypted entries and unsupported compression methods', async () => {
		const encrypted = buildZip([{ name: 'secret.txt', data: payload, flags: 1 }]).zip;
		const error = await failure(encrypted);
		expect(error).toBeInstanceOf(ZipFormatError);
		expect(error.message).toBe('ZIP entry "secret.txt" is encrypted, which is not supported');
		for (const [method, label] of [
			[14, 'LZMA'],
			[12, 'BZIP2'],
			[9, 'Deflate64'],
			[93, 'Zstandard'],
		]) {
			const zip = buildZip([{ name: 'x.bin', data: payload, method, compressed: payload }]).zip;
			expect((await failure(zip)).message).toBe(
				`ZIP entry "x.bin" uses compression method ${method} (${label}), which is not supported (only stored and deflate are)`,
			);
		}
		expect(
			(await failure(buildZip([{ name: 'x', data: payload, method: 77, compressed: payload }]).zip))
				.message,
		).toMatch(/method 77,/);
	});

	test('control characters in entry names are escaped in messages', async () => {
		const zip = buildZip([{ name: 'evil\u001b[31m.txt', data: payload, flags: 1 }]).zip;
		expect((await failure(zip)).message).toContain('"evil\\u001b[31m.txt"');
	});
});

describe('limits', () => {
	const entries = [
		{ name: 'a', data: text('a', 3000) },
		{ name: 'b', data: text('b', 3000), descriptor: 'signed32' },
		{ name: 'c', data: text('c', 3000), method: 0 },
	];
	const zip = buildZip(entries).zip;

	test('within all limits', async () => {
		const read = await readAll(chunked(zip), {
			maxEntries: 3,
			maxEntryBytes: 3000,
			maxTotalBytes: 9000,
			maxCompressionRatio: 2,
		});
		expect(read).toHaveLength(3);
	});

	test('maxEntries', async () => {
		const error = await failure(zip, { maxEntries: 2 });
		expect(error).toBeInstanceOf(ZipLimitError);
		expect(error).toMatchObject({ limit: 'maxEntries', limitValue: 2 });
		expect(error.message).toBe('ZIP archive has more than 2 entries (limit maxEntries = 2)');
	});

	test('maxEntryBytes: declared size fails before any data, streamed size while reading', async () => {
		const seen = [];
		let thrown;
		try {
			for await (const entry of readZipEntries(chunked(zip), { maxEntryBytes: 2999 }))
				seen.push(entry.name);
		} catch (error) {
			thrown = error;
		}
		expect(seen).toEqual([]);
		expect(thrown).toMatchObject({
			name: 'ZipLimitError',
			limit: 'maxEntryBytes',
			limitValue: 2999,
		});
		expect(thrown.message).toMatch(/"a" declares 3000 bytes \(limit maxEntryBytes = 2999\)/);

		const streamed = buildZip([
			{ name: 'dd', data: text('x', 5000), descriptor: 'signed32', method: 0 },
		]).zip;
		const chunks = [];
		let error;
		try {
			for await (const entry of readZipEntries(chunked(streamed, 1000), { maxEntryBytes: 2500 })) {
				for await (const chunk of entry.data) chunks.push(chunk);
			}
		} catch (e) {
			error = e;
		}
		expect(error).toMatchObject({ limit: 'maxEntryBytes', entryName: 'dd' });
		expect(error.message).toMatch(/"dd" is larger than 2500 bytes \(limit maxEntryBytes = 2500\)/);
		expect(Buffer.concat(chunks).length).toBeLessThanOrEqual(2500);
	});

	test('maxTotalBytes', async () => {
		const error = await failure(zip, { maxTotalBytes: 8000 });
		expect(error).toMatchObject({
			name: 'ZipLimitError',
			limit: 'maxTotalBytes',
			limitValue: 8000,
		});
		expect(error.message).toMatch(/limit maxTotalBytes = 8000/);
	});

	test('invalid limit values are rejected', async () => {
		await expect(readAll(chunked(zip), { maxEntries: -1 })).rejects.toThrow(TypeError);
		await expect(readAll(chunked(zip), { maxEntryBytes: 'big' })).rejects.toThrow(/maxEntryBytes/);
	});
});

describe('zip bomb', () => {
	const BOMB_SIZE = 200 * 1024 * 1024;
	let compressed;
	beforeAll(async () => {
		const deflate = zlib.createDeflateRaw({ level: 9 });
		const parts = [];
		deflate.on('data', (b) => parts.push(b));
		const zeros = Buffer.alloc(1 << 20);
		for (let i = 0; i < 200; i++)
			if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
		await new Promise((r) => {
			deflate.on('end', r);
			deflate.end();
		});
		compressed = Buffer.concat(parts);
	});

	function bomb(descriptor) {
		const crc = (() => {
			let c = 0;
			const zeros = Buffer.alloc(1 << 20);
			for (let i = 0; i < 200; i++) c = zlib.crc32(zeros, c);
			return c;
		})();
		const { zip } = buildZip([
			{
				name: 'bomb.bin',
				data: Buffer.alloc(0),
				compressed,
				method: 8,
				descriptor,
				header: descriptor ? undefined : { crc, uncompressedSize: BOMB_SIZE },
				descriptorFields: { crc, uncompressedSize: BOMB_SIZE },
				central: { crc, uncompressedSize: BOMB_SIZE },
			},
		]);
		return zip;
	}

	async function consume(zip, limits) {
		let pulled = 0;
		let produced = 0;
		async function* source() {
			for await (const chunk of chunked(zip, 16384)) {
				pulled += chunk.length;
				yield chunk;
			}
		}
		try {
			for await (const entry of readZipEntries(source(), limits))
				for await (const chunk of entry.data) produced += chunk.length;
		} catch (error) {
			return { error, pulled, produced };
		}
		return { pulled, produced };
	}

	test('a ratio limit stops a streamed (data descriptor) bomb after about 1 MiB of output', async () => {
		const zip = bomb('signed32');
		expect(zip.length).toBeLessThan(BOMB_SIZE / 500);
		const started = Date.now();
		const { error, pulled, produced } = await consume(zip, { maxCompressionRatio: 10 });
		expect(error).toBeInstanceOf(ZipLimitError);
		expect(error).toMatchObject({
			limit: 'maxCompressionRatio',
			limitValue: 10,
			entryName: 'bomb.bin',
		});
		expect(error.message).toMatch(
			/"bomb.bin" expands more than 10:1 .*zip bomb \(limit maxCompressionRatio = 10\)/,
		);
		expect(produced).toBeLessThan(2 * 1024 * 1024);
		expect(pulled).toBeLessThanOrEqual(2 * 16384);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('a bomb that declares its sizes is refused at its header', async () => {
		const { error, produced } = await consume(bomb(undefined), { maxCompressionRatio: 10 });
		expect(error).toMatchObject({ name: 'ZipLimitError', limit: 'maxCompressionRatio' });
		expect(produced).toBe(0);
	});

	test('maxEntryBytes also stops it early', async () => {
		const { error, produced } = await consume(bomb('signed32'), { maxEntryBytes: 5 * 1024 * 1024 });
		expect(error).toMatchObject({ limit: 'maxEntryBytes' });
		expect(produced).toBeLessThanOrEqual(5 * 1024 * 1024);
	});

	test('without limits the whole bomb inflates correctly (the archive itself is valid)', async () => {
		const { error, produced } = await consume(bomb('signed32'), {});
		expect(error).toBeUndefined();
		expect(produced).toBe(BOMB_SIZE);
	}, 60000);
});
