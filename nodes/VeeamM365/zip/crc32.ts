// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), slice-by-8.
// TABLES[k * 256 + b] is the CRC of byte b followed by k zero bytes.
const TABLES = buildTables(8);

/** Whether 32-bit words read from memory are little-endian (then 4 bytes are loaded at once). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Below this length the word setup does not pay off. */
const WORDWISE_FROM = 64;

function buildTables(slices: number): Int32Array {
	const tables = new Int32Array(256 * slices);
	for (let byte = 0; byte < 256; byte++) {
		let crc = byte;
		for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
		tables[byte] = crc;
	}
	for (let byte = 0; byte < 256; byte++) {
		let crc = tables[byte];
		for (let slice = 1; slice < slices; slice++) {
			crc = tables[crc & 0xff] ^ (crc >>> 8);
			tables[slice * 256 + byte] = crc;
		}
	}
	return tables;
}

/** CRC-32 of `data`; pass the previous result to continue a running checksum. */
export function crc32(data: Uint8Array, previous = 0): number {
	let crc = ~previous;
	let i = 0;
	if (LITTLE_ENDIAN && data.length >= WORDWISE_FROM) {
		// Bytes up to a 4-byte boundary, then 8 bytes per step read as two aligned words.
		const head = (4 - (data.byteOffset & 3)) & 3;
		crc = bytewise(data, crc, 0, head);
		const words = new Int32Array(data.buffer, data.byteOffset + head, (data.length - head) >>> 2);
		crc = wordwise(words, crc, words.length & ~1);
		i = head + (words.length & ~1) * 4;
	}
	return ~bytewise(data, crc, i, data.length) >>> 0;
}

function wordwise(words: Int32Array, crc: number, count: number): number {
	const t = TABLES;
	for (let w = 0; w < count; w += 2) {
		const low = words[w] ^ crc;
		const high = words[w + 1];
		crc =
			t[1792 + (low & 0xff)] ^
			t[1536 + ((low >>> 8) & 0xff)] ^
			t[1280 + ((low >>> 16) & 0xff)] ^
			t[1024 + (low >>> 24)] ^
			t[768 + (high & 0xff)] ^
			t[512 + ((high >>> 8) & 0xff)] ^
			t[256 + ((high >>> 16) & 0xff)] ^
			t[high >>> 24];
	}
	return crc;
}

function bytewise(data: Uint8Array, crc: number, from: number, to: number): number {
	const t = TABLES;
	for (let i = from; i < to; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	return crc;
}
