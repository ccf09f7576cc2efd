'use strict';
const crypto = require('crypto');
const zlib = require('zlib');
const {
	verifyZipStream,
	ZipFormatError,
	ZipLimitError,
} = require('../../dist/nodes/VeeamM365/zip');
const { buildZip } = require('../support/zip-builder');
const { chunked, yazlZip, streamOf } = require('../support/zip-sources');
const { mixedArchives } = require('../support/zip-archives');

/** Runs verifyZipStream; returns the yielded chunks, the error (if any) and the source chunks. */
async function verify(zip, chunkSize, limits) {
	const sourceChunks = [];
	async function* source() {
		for await (const chunk of chunked(zip, chunkSize)) {
			sourceChunks.push(chunk);
			yield chunk;
		}
	}
	const yielded = [];
	let maxAhead = 0;
	try {
		for await (const chunk of verifyZipStream(source(), limits)) {
			yielded.push(chunk);
			maxAhead = Math.max(maxAhead, sourceChunks.length - yielded.length);
		}
	} catch (error) {
		return { yielded, error, sourceChunks, maxAhead };
	}
	return { yielded, sourceChunks, maxAhead };
}

const text = (s, times = 1) => Buffer.from(s.repeat(times));

describe('verifyZipStream on valid archives', () => {
	test('yields the source chunks unchanged and in order', async () => {
		const big = crypto.randomBytes(300000);
		const zip = await yazlZip((z) => {
			z.addBuffer(big, 'big.bin');
			z.addReadStream(streamOf(big), 'big-dd.bin');
			z.addReadStream(streamOf(text('stored ', 1000)), 'stored.txt', { compress: false });
			z.addEmptyDirectory('dir');
		});
		for (const size of [1000, 16384, 65536, zip.length]) {
			const { yielded, error, sourceChunks } = await verify(zip, size);
			expect(error).toBeUndefined();
			expect(Buffer.concat(yielded).equals(zip)).toBe(true);
			expect(yielded.length).toBe(sourceChunks.length);
			yielded.forEach((chunk, i) => expect(chunk.equals(sourceChunks[i])).toBe(true));
		}
	});

	test('stays in lockstep with the source (holds back only a couple of chunks)', async () => {
		const zip = await yazlZip((z) => {
			for (let i = 0; i < 5; i++)
				z.addBuffer(Buffer.concat([crypto.randomBytes(100000), text('x', 100000)]), `f${i}`);
		});
		// The decompressor buffers a few small input chunks; in bytes it stays well under 64 KiB.
		for (const size of [4096, 65536]) {
			const { maxAhead, error } = await verify(zip, size);
			expect(error).toBeUndefined();
			expect(maxAhead * size).toBeLessThanOrEqual(Math.max(65536, 3 * size));
		}
	});

	test('archives from all writers pass', async () => {
		for (const zip of Object.values(await mixedArchives())) {
			const { yielded, error } = await verify(zip, 100);
			expect(error).toBeUndefined();
			expect(Buffer.concat(yielded).equals(zip)).toBe(true);
		}
	});
});

describe('verifyZipStream on invalid archives never yields the final chunk', () => {
	const payload = text('Quarterly report. ', 2000);
	const good = buildZip([
		{ name: 'a.txt', data: payload },
		{ name: 'b.txt', data: payload, descriptor: 'signed32' },
		{ name: 'c.txt', data: payload, method: 0 },
	]);
	const dataStart = 30 + 'a.txt'.length;
	const cases = {
		'truncated in the middle': () => good.zip.subarray(0, Math.floor(good.zip.length / 2)),
		'truncated by one byte': () => good.zip.subarray(0, good.zip.length - 1),
		'central directory missing': () => good.zip.subarray(0, good.directoryOffset),
		'corrupt compressed byte': () => {
			const z = Buffer.from(good.zip);
			z[dataStart + 20] ^= 0xff;
			return z;
		},
		'wrong CRC in local header': () =>
			buildZip([{ name: 'a.txt', data: payload, header: { crc: 1 } }]).zip,
		'wrong CRC in data descriptor': () =>
			buildZip([
				{ name: 'a.txt', data: payload, descriptor: 'signed32', descriptorFields: { crc: 1 } },
			]).zip,
		'wrong CRC in central directory': () =>
			buildZip([{ name: 'a.txt', data: payload, central: { crc: 1 } }]).zip,
		'wrong size': () =>
			buildZip([{ name: 'a.txt', data: payload, header: { uncompressedSize: 10 } }]).zip,
		'wrong entry count': () =>
			buildZip([{ name: 'a.txt', data: payload }], { entryCountOverride: 3 }).zip,
		'trailing garbage': () =>
			buildZip([{ name: 'a.txt', data: payload }], { trailing: Buffer.from('x') }).zip,
		'encrypted entry': () => buildZip([{ name: 'a.txt', data: payload, flags: 1 }]).zip,
		'unsupported method': () =>
			buildZip([{ name: 'a.txt', data: payload, method: 14, compressed: payload }]).zip,
	};
	for (const [label, make] of Object.entries(cases)) {
		test(label, async () => {
			const zip = make();
			for (const size of [7, 1000, 65536]) {
				const { yielded, error, sourceChunks } = await verify(zip, size);
				expect(error).toBeInstanceOf(ZipFormatError);
				const yieldedBytes = Buffer.concat(yielded);
				expect(yieldedBytes.equals(zip.subarray(0, yieldedBytes.length))).toBe(true);
				const last = sourceChunks[sourceChunks.length - 1];
				expect(yieldedBytes.length).toBeLessThanOrEqual(zip.length - last.length);
			}
		});
	}

	test('limits apply (zip bomb)', async () => {
		const zeros = Buffer.alloc(8 << 20);
		const { zip } = buildZip([{ name: 'bomb', data: zeros, descriptor: 'signed32' }]);
		const { error } = await verify(zip, 16384, { maxCompressionRatio: 10 });
		expect(error).toBeInstanceOf(ZipLimitError);
		expect((await verify(zip, 16384)).error).toBeUndefined();
		expect(zlib.crc32(zeros)).toBeGreaterThan(0);
	});
});
