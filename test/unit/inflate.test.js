'use strict';
// The DEFLATE decoder behind Save (zip/deflateDecoder.ts), checked against Node's zlib, and
// the chunk joining / peeking helpers on the download path.
const crypto = require('crypto');
const zlib = require('zlib');
const {
	DeflateDecoder: RawInflate,
	DeflateError,
	PIECE_BYTES,
} = require('../../dist/nodes/VeeamM365/zip/deflateDecoder');
const { buildHuffmanTable } = require('../../dist/nodes/VeeamM365/zip/huffmanTable');
const { joinSmallChunks } = require('../../dist/nodes/VeeamM365/delivery/readable');
const { peekBytes } = require('../../dist/nodes/VeeamM365/delivery/peek');

/** Inflates `compressed` pushed in `chunkSize` pieces; returns { data, pieces, consumed }. */
function inflate(compressed, chunkSize = 16384) {
	const decoder = new RawInflate();
	const pieces = [];
	const drain = () => {
		for (let piece; (piece = decoder.next()); ) pieces.push(Buffer.from(piece));
	};
	for (let i = 0; i < compressed.length && !decoder.done; i += chunkSize) {
		decoder.push(compressed.subarray(i, i + chunkSize));
		drain();
	}
	if (!decoder.done) {
		decoder.end();
		drain();
	}
	return {
		data: Buffer.concat(pieces),
		pieces,
		consumed: decoder.bytesConsumed,
		done: decoder.done,
	};
}

/** A deterministic byte generator (tests must not depend on luck). */
function seeded(seed) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
}

const text = (n) =>
	Buffer.from(
		'Payment is due within thirty days of the invoice date. Zahlbar in 30 Tagen. '.repeat(
			Math.ceil(n / 75),
		),
	).subarray(0, n);

function skewed(n, random) {
	// Many rare byte values next to a few frequent ones: Huffman codes longer than the
	// decoder's one-lookup table (10 bits) appear, so its slow path is exercised.
	const out = Buffer.alloc(n);
	for (let i = 0; i < n; i++) {
		const r = random();
		out[i] = r < 0.6 ? 101 : r < 0.8 ? 32 : Math.floor(-Math.log2(random() + 1e-9) * 20) & 255;
	}
	return out;
}

describe('RawInflate decodes what zlib encodes', () => {
	const random = seeded(42);
	const samples = {
		empty: Buffer.alloc(0),
		'one byte': Buffer.from('x'),
		'zeros (long matches, overlapping copies)': Buffer.alloc(300000),
		'text (matches at every distance)': text(300000),
		'random (stored blocks)': crypto.randomBytes(150000),
		'mixed text and noise': Buffer.concat(
			Array.from({ length: 30 }, (_, i) =>
				i % 2 ? crypto.randomBytes(3000 + i * 97) : text(5000 + i * 31),
			),
		),
		'skewed alphabet (codes longer than 10 bits)': skewed(200000, random),
	};
	for (const [name, data] of Object.entries(samples)) {
		test(name, () => {
			for (const level of [0, 1, 6, 9]) {
				for (const strategy of [
					zlib.constants.Z_DEFAULT_STRATEGY,
					zlib.constants.Z_FILTERED,
					zlib.constants.Z_HUFFMAN_ONLY,
					zlib.constants.Z_RLE,
					zlib.constants.Z_FIXED,
				]) {
					const compressed = zlib.deflateRawSync(data, { level, strategy });
					for (const chunkSize of [1, 7, 4096, compressed.length + 1]) {
						if (chunkSize < 100 && compressed.length * (100 / chunkSize) > 2e6) continue; // slow, 4096 covers it
						const result = inflate(compressed, chunkSize);
						expect(result.done).toBe(true);
						expect(result.data.equals(data)).toBe(true);
						expect(result.consumed).toBe(compressed.length);
					}
				}
			}
		});
	}

	test('the skewed sample really uses codes longer than the one-lookup table', () => {
		const data = skewed(100000, seeded(7));
		const decoder = new RawInflate();
		decoder.push(zlib.deflateRawSync(data, { level: 9 }));
		decoder.end();
		const pieces = [];
		let longest = 0;
		for (let piece; (piece = decoder.next()); ) {
			pieces.push(Buffer.from(piece));
			// The current block's literal/length code (a private field, inspected on purpose).
			const counts = decoder.literal.counts;
			for (let length = 15; length > longest; length--) if (counts[length] > 0) longest = length;
		}
		expect(longest).toBeGreaterThan(10);
		expect(Buffer.concat(pieces).equals(data)).toBe(true);
	});

	test('an over-subscribed or incomplete code is refused', () => {
		const lengths = new Uint8Array(288);
		lengths.fill(12, 0, 256);
		lengths.fill(4, 256, 288);
		expect(buildHuffmanTable(lengths, 288, false)).toMatch(/over-subscribed/);
		expect(buildHuffmanTable(new Uint8Array([1, 2, 3]), 3, false)).toMatch(/incomplete/);
		expect(buildHuffmanTable(new Uint8Array([1, 0, 0]), 3, true)).not.toEqual(expect.any(String));
	});

	test('output comes in pieces of about 256 KiB or less, each a view the decoder never overwrites', () => {
		const data = Buffer.concat([
			text(1 << 20),
			crypto.randomBytes(1 << 20),
			Buffer.alloc(3 << 20, 0x41),
		]);
		const compressed = zlib.deflateRawSync(data);
		const decoder = new RawInflate();
		const views = [];
		for (let i = 0; i < compressed.length; i += 65536) {
			decoder.push(compressed.subarray(i, i + 65536));
			for (let piece; (piece = decoder.next()); ) views.push(piece);
		}
		decoder.end();
		for (let piece; (piece = decoder.next()); ) views.push(piece);
		// At most one window (32 KiB) more, plus the tail of a match.
		expect(Math.max(...views.map((v) => v.length))).toBeLessThanOrEqual(
			PIECE_BYTES + 32 * 1024 + 258,
		);
		// The views are compared only now, after all decoding: they must still hold their bytes.
		expect(Buffer.concat(views).equals(data)).toBe(true);
	});

	test('several chunks pushed before output is asked for are all decoded, in order', () => {
		const data = Buffer.concat([text(200000), crypto.randomBytes(50000), text(100000)]);
		const compressed = zlib.deflateRawSync(data);
		for (const [chunkSize, perDrain] of [
			[1500, 2],
			[3000, 3],
			[100, 25],
			[70000, 2],
		]) {
			const decoder = new RawInflate();
			const pieces = [];
			for (let i = 0, pushed = 0; i < compressed.length; i += chunkSize) {
				decoder.push(compressed.subarray(i, i + chunkSize));
				if (++pushed % perDrain !== 0) continue;
				for (let piece; (piece = decoder.next()); ) pieces.push(Buffer.from(piece));
			}
			decoder.end();
			for (let piece; (piece = decoder.next()); ) pieces.push(Buffer.from(piece));
			expect(decoder.done).toBe(true);
			expect(Buffer.concat(pieces).equals(data)).toBe(true);
		}
	});

	test('stops at the end of the stream and reports the bytes after it as unused', () => {
		const compressed = zlib.deflateRawSync(text(5000));
		const decoder = new RawInflate();
		decoder.push(Buffer.concat([compressed, Buffer.from('trailing')]));
		decoder.end();
		const pieces = [];
		for (let piece; (piece = decoder.next()); ) pieces.push(piece);
		expect(decoder.done).toBe(true);
		expect(Buffer.concat(pieces).equals(text(5000))).toBe(true);
		expect(decoder.unusedInput).toBe(8);
		expect(decoder.bytesConsumed).toBe(compressed.length);
	});

	test('a truncated stream fails once the input is declared complete, not before', () => {
		const compressed = zlib.deflateRawSync(text(100000));
		const decoder = new RawInflate();
		decoder.push(compressed.subarray(0, compressed.length - 3));
		while (decoder.next());
		expect(decoder.done).toBe(false);
		decoder.end();
		expect(() => {
			while (decoder.next());
		}).toThrow(new DeflateError('unexpected end of data'));
	});
});

describe('RawInflate rejects corrupt data exactly where zlib does', () => {
	test('2000 corrupted streams: same verdict and same output as zlib', () => {
		const random = seeded(1234);
		const sources = [
			zlib.deflateRawSync(text(60000)),
			zlib.deflateRawSync(crypto.randomBytes(20000), { level: 6 }),
			zlib.deflateRawSync(text(60000), { strategy: zlib.constants.Z_FIXED }),
			zlib.deflateRawSync(Buffer.concat([text(20000), crypto.randomBytes(2000)]), { level: 1 }),
			zlib.deflateRawSync(Buffer.alloc(5000, 7), { strategy: zlib.constants.Z_HUFFMAN_ONLY }),
		];
		const verdicts = { bothOk: 0, bothFailed: 0 };
		for (let n = 0; n < 2000; n++) {
			const corrupt = Buffer.from(sources[n % sources.length]);
			for (let k = 0; k <= n % 3; k++)
				corrupt[Math.floor(random() * corrupt.length)] ^= 1 + Math.floor(random() * 255);
			let expected;
			try {
				expected = zlib.inflateRawSync(corrupt);
			} catch {
				expected = undefined;
			}
			let actual;
			try {
				actual = inflate(corrupt, 1000).data;
			} catch (error) {
				expect(error).toBeInstanceOf(DeflateError);
				actual = undefined;
			}
			if (expected === undefined) {
				expect(actual).toBeUndefined();
				verdicts.bothFailed++;
			} else {
				expect(actual && actual.equals(expected)).toBe(true);
				verdicts.bothOk++;
			}
		}
		// Both kinds of outcome occurred, so the comparison meant something.
		expect(verdicts.bothOk).toBeGreaterThan(100);
		expect(verdicts.bothFailed).toBeGreaterThan(100);
	});

	test.each([
		['block type 3', Buffer.from([0x07]), 'invalid block type'],
		[
			'stored length and complement disagree',
			Buffer.from([0x01, 0x05, 0x00, 0x00, 0x00]),
			'invalid stored block lengths',
		],
		[
			'fixed block with a distance before any output',
			Buffer.from([0x03, 0x02, 0x00]),
			'invalid distance too far back',
		],
	])('%s', (_, data, message) => {
		expect(() => inflate(data)).toThrow(message);
	});

	test('errors are built by the factory given to the constructor', () => {
		class Custom extends Error {}
		const decoder = new RawInflate((reason) => new Custom(`custom: ${reason}`));
		decoder.push(Buffer.from([0x07]));
		decoder.end();
		expect(() => decoder.next()).toThrow(Custom);
	});
});

describe('joinSmallChunks', () => {
	async function collect(iterable) {
		const out = [];
		for await (const chunk of iterable) out.push(chunk);
		return out;
	}
	async function* from(chunks) {
		for (const chunk of chunks) yield chunk;
	}

	test('joins small chunks into pieces of at least the target size, keeping every byte in order', async () => {
		const chunks = Array.from({ length: 50 }, (_, i) => crypto.randomBytes(1000 + i));
		const pieces = await collect(joinSmallChunks(from(chunks), 8192));
		expect(Buffer.concat(pieces).equals(Buffer.concat(chunks))).toBe(true);
		pieces.slice(0, -1).forEach((piece) => expect(piece.length).toBeGreaterThanOrEqual(8192));
		expect(pieces.length).toBeLessThan(10);
	});

	test('passes large chunks through untouched and skips empty ones', async () => {
		const big = crypto.randomBytes(10000);
		const pieces = await collect(
			joinSmallChunks(from([Buffer.alloc(0), big, Buffer.alloc(0)]), 8192),
		);
		expect(pieces).toHaveLength(1);
		expect(pieces[0]).toBe(big);
	});

	test('chunks of at least the pass-through size are never copied, smaller ones between them are joined', async () => {
		// As Node 24 delivers a download: 16–64 KiB chunks, each in its own memory.
		const sizes = [40, 16, 16, 60, 20, 48, 33, 8, 8, 8, 64, 16].map((kib) => kib * 1024);
		const chunks = sizes.map((size) => crypto.randomBytes(size));
		const pieces = await collect(joinSmallChunks(from(chunks)));
		expect(Buffer.concat(pieces).equals(Buffer.concat(chunks))).toBe(true);
		for (const large of chunks.filter((chunk) => chunk.length >= 32 * 1024))
			expect(pieces).toContain(large);
		// The two 16 KiB chunks became one piece; the three 8 KiB ones too.
		expect(pieces.map((piece) => piece.length / 1024)).toEqual([
			40, 32, 60, 20, 48, 33, 24, 64, 16,
		]);
	});

	test('adjacent views of one memory block are joined without copying', async () => {
		const block = crypto.randomBytes(30000);
		const views = [block.subarray(0, 10000), block.subarray(10000, 20000), block.subarray(20000)];
		const [piece] = await collect(joinSmallChunks(from(views), 25000));
		expect(piece.buffer).toBe(block.buffer);
		expect(piece.equals(block)).toBe(true);
	});

	test('an error of the source is passed on and the data pending before it is not', async () => {
		async function* failing() {
			yield Buffer.from('partial');
			throw new Error('CRC mismatch');
		}
		const seen = [];
		await expect(
			(async () => {
				for await (const piece of joinSmallChunks(failing(), 1024)) seen.push(piece);
			})(),
		).rejects.toThrow('CRC mismatch');
		expect(seen).toEqual([]);
	});
});

describe('peekBytes', () => {
	test('returns the head and then every chunk, the peeked ones included', async () => {
		async function* source() {
			yield Buffer.from('PK');
			yield Buffer.from('\x03\x04rest');
			yield Buffer.from('more');
		}
		const { head, stream } = await peekBytes(source(), 4);
		expect(head.toString('latin1')).toBe('PK\x03\x04');
		const all = [];
		for await (const chunk of stream) all.push(chunk);
		expect(Buffer.concat(all).toString('latin1')).toBe('PK\x03\x04restmore');
	});

	test('closing the stream early closes the source', async () => {
		let closed = false;
		async function* source() {
			try {
				for (let i = 0; i < 10; i++) yield Buffer.from(`chunk ${i}`);
			} finally {
				closed = true;
			}
		}
		const { stream } = await peekBytes(source(), 1);
		for await (const chunk of stream) {
			expect(chunk.length).toBeGreaterThan(0);
			break;
		}
		expect(closed).toBe(true);
	});
});
