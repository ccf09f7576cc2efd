'use strict';
// Hand-written ZIP writer for tests: produces the edge cases real writers rarely emit
// (unsigned/64-bit descriptors, CP437 names, ZIP64 local extras, wrong fields, …).
const zlib = require('zlib');

const u16 = (v) => {
	const b = Buffer.alloc(2);
	b.writeUInt16LE(v);
	return b;
};
const u32 = (v) => {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(v >>> 0);
	return b;
};
const u64 = (v) => {
	const b = Buffer.alloc(8);
	b.writeBigUInt64LE(BigInt(v));
	return b;
};

/**
 * entries: { name (string|Buffer), data (Buffer), method 0|8, utf8 (default true for string names),
 *   descriptor: undefined|'signed32'|'signed64'|'unsigned32'|'unsigned64', zip64Local: bool,
 *   flags (extra bits), extra (Buffer), compressed (override compressed bytes),
 *   header: { crc, compressedSize, uncompressedSize } overrides,
 *   descriptorFields: { crc, compressedSize, uncompressedSize } overrides,
 *   central: { crc, compressedSize, uncompressedSize, name } overrides }
 * options: { zip64End, comment, trailing, entryCountOverride }
 */
function buildZip(entries, options = {}) {
	const parts = [];
	let offset = 0;
	const push = (buf) => {
		parts.push(buf);
		offset += buf.length;
	};
	const central = [];
	for (const entry of entries) {
		const nameBytes = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
		const utf8 = entry.utf8 ?? !Buffer.isBuffer(entry.name);
		const method = entry.method ?? 8;
		const data = entry.data ?? Buffer.alloc(0);
		const compressed = entry.compressed ?? (method === 8 ? zlib.deflateRawSync(data) : data);
		const crc = zlib.crc32(data);
		const descriptor = entry.descriptor;
		let flags = (utf8 ? 0x800 : 0) | (descriptor ? 0x8 : 0) | (entry.flags ?? 0);
		const h = {
			crc,
			compressedSize: compressed.length,
			uncompressedSize: data.length,
			...(entry.header ?? {}),
		};
		if (descriptor)
			Object.assign(h, { crc: 0, compressedSize: 0, uncompressedSize: 0 }, entry.header ?? {});
		let extra = entry.extra ?? Buffer.alloc(0);
		let headerCompressed = h.compressedSize;
		let headerUncompressed = h.uncompressedSize;
		if (entry.zip64Local) {
			extra = Buffer.concat([
				u16(1),
				u16(16),
				u64(h.uncompressedSize),
				u64(h.compressedSize),
				extra,
			]);
			headerCompressed = 0xffffffff;
			headerUncompressed = 0xffffffff;
		}
		const localOffset = offset;
		push(
			Buffer.concat([
				u32(0x04034b50),
				u16(entry.zip64Local ? 45 : 20),
				u16(flags),
				u16(method),
				u16(0),
				u16(0x21),
				u32(h.crc),
				u32(headerCompressed),
				u32(headerUncompressed),
				u16(nameBytes.length),
				u16(extra.length),
				nameBytes,
				extra,
			]),
		);
		push(compressed);
		if (descriptor) {
			const d = {
				crc,
				compressedSize: compressed.length,
				uncompressedSize: data.length,
				...(entry.descriptorFields ?? {}),
			};
			const signed = descriptor.startsWith('signed');
			const wide = descriptor.endsWith('64');
			push(
				Buffer.concat([
					signed ? u32(0x08074b50) : Buffer.alloc(0),
					u32(d.crc),
					wide ? u64(d.compressedSize) : u32(d.compressedSize),
					wide ? u64(d.uncompressedSize) : u32(d.uncompressedSize),
				]),
			);
		}
		const c = {
			crc,
			compressedSize: compressed.length,
			uncompressedSize: data.length,
			name: nameBytes,
			...(entry.central ?? {}),
		};
		central.push(
			Buffer.concat([
				u32(0x02014b50),
				u16(0x031e),
				u16(20),
				u16(flags),
				u16(method),
				u16(0),
				u16(0x21),
				u32(c.crc),
				u32(c.compressedSize),
				u32(c.uncompressedSize),
				u16(c.name.length),
				u16(0),
				u16(0),
				u16(0),
				u16(0),
				u32(0),
				u32(localOffset),
				c.name,
			]),
		);
	}
	const directoryOffset = offset;
	for (const record of central) push(record);
	const directorySize = offset - directoryOffset;
	const count = options.entryCountOverride ?? entries.length;
	if (options.zip64End) {
		const recordOffset = offset;
		push(
			Buffer.concat([
				u32(0x06064b50),
				u64(44),
				u16(45),
				u16(45),
				u32(0),
				u32(0),
				u64(count),
				u64(count),
				u64(directorySize),
				u64(directoryOffset),
			]),
		);
		push(Buffer.concat([u32(0x07064b50), u32(0), u64(recordOffset), u32(1)]));
	}
	const comment = options.comment ?? Buffer.alloc(0);
	push(
		Buffer.concat([
			u32(0x06054b50),
			u16(0),
			u16(0),
			u16(options.zip64End ? 0xffff : count),
			u16(options.zip64End ? 0xffff : count),
			u32(options.zip64End ? 0xffffffff : directorySize),
			u32(options.zip64End ? 0xffffffff : directoryOffset),
			u16(comment.length),
			comment,
		]),
	);
	if (options.trailing) push(options.trailing);
	return { zip: Buffer.concat(parts), directoryOffset };
}

module.exports = { buildZip, u16, u32, u64 };
