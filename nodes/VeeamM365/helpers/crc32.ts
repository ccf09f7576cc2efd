// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), slice-by-8.
// TABLES[k * 256 + b] is the CRC of byte b followed by k zero bytes.
const TABLES = buildTables(8);

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
	const t = TABLES;
	const length = data.length;
	let crc = ~previous;
	let i = 0;
	for (const end = length - 7; i < end; i += 8) {
		const low = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ crc;
		crc =
			t[1792 + (low & 0xff)] ^
			t[1536 + ((low >>> 8) & 0xff)] ^
			t[1280 + ((low >>> 16) & 0xff)] ^
			t[1024 + (low >>> 24)] ^
			t[768 + data[i + 4]] ^
			t[512 + data[i + 5]] ^
			t[256 + data[i + 6]] ^
			t[data[i + 7]];
	}
	for (; i < length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	return ~crc >>> 0;
}
