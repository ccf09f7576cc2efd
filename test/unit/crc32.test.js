'use strict';
const zlib = require('zlib');
const crypto = require('crypto');
const { crc32 } = require('../../dist/nodes/VeeamM365/zip/crc32');

describe('crc32', () => {
	test('known check values', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array(0))).toBe(0);
		expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
	});

	// Up to 64 bytes the CRC is computed byte by byte, from 64 on whole words are read.
	test.each([
		[0, 64],
		[60, 300],
	])('matches zlib.crc32 for lengths %i to %i at every alignment', (shortest, longest) => {
		const data = crypto.randomBytes(longest + 9);
		for (let start = 0; start < 9; start++) {
			for (let length = shortest; length <= longest; length++) {
				const view = data.subarray(start, start + length);
				expect(crc32(view)).toBe(zlib.crc32(view));
			}
		}
	});

	test('continues a running checksum across arbitrary chunk boundaries', () => {
		const data = crypto.randomBytes(100003);
		const expected = zlib.crc32(data);
		for (const size of [1, 3, 8, 13, 4096, 65536]) {
			let crc = 0;
			for (let i = 0; i < data.length; i += size) crc = crc32(data.subarray(i, i + size), crc);
			expect(crc).toBe(expected);
		}
	});

	test('accepts plain Uint8Arrays and returns an unsigned 32-bit number', () => {
		const bytes = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
		expect(crc32(bytes)).toBe(zlib.crc32(Buffer.from(bytes)));
		expect(crc32(bytes)).toBeGreaterThanOrEqual(0);
	});
});
