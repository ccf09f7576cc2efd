import {
	EXTRA,
	FIXED_LENGTH,
	FLAG,
	METHOD,
	UINT32_MAX,
	UNSUPPORTED_METHOD_NAMES,
} from './constants';
import { quoteName, ZipFormatError } from './errors';
import type { ByteReader } from './byteReader';
import { requireBytes } from './byteReader';
import { decodeName } from './entryName';
import { u16, u32, u64 } from './binary';

export interface LocalHeader {
	/** Absolute offset of the header's signature. */
	offset: number;
	flags: number;
	method: 'stored' | 'deflate';
	crc: number;
	/** Undefined when the sizes follow in a data descriptor. */
	compressedSize?: number;
	uncompressedSize?: number;
	usesDataDescriptor: boolean;
	hasZip64Extra: boolean;
	rawName: Uint8Array;
	name: string;
}

/** Reads the rest of a local file header; its 4-byte signature at `offset` was already consumed. */
export async function readLocalHeader(reader: ByteReader, offset: number): Promise<LocalHeader> {
	const where = `the local header at offset ${offset}`;
	const fixed = await requireBytes(reader, FIXED_LENGTH.localHeader, where);
	const flags = u16(fixed, 2);
	const methodCode = u16(fixed, 4);
	const crc = u32(fixed, 10);
	const compressed32 = u32(fixed, 14);
	const uncompressed32 = u32(fixed, 18);
	const rawName = await requireBytes(reader, u16(fixed, 22), where);
	const extra = await requireBytes(reader, u16(fixed, 24), where);
	const extras = parseExtraFields(extra);
	const name = decodeName(rawName, flags, extras.get(EXTRA.unicodePath));

	if (flags & (FLAG.encrypted | FLAG.strongEncryption | FLAG.maskedHeaders)) {
		throw new ZipFormatError(
			`ZIP entry ${quoteName(name)} is encrypted, which is not supported`,
			name,
		);
	}
	if (methodCode !== METHOD.stored && methodCode !== METHOD.deflate) {
		const known = UNSUPPORTED_METHOD_NAMES[methodCode];
		const methodName = known ? ` (${known})` : '';
		throw new ZipFormatError(
			`ZIP entry ${quoteName(name)} uses compression method ${methodCode}${methodName}, which is not supported (only stored and deflate are)`,
			name,
		);
	}

	const zip64 = extras.get(EXTRA.zip64);
	let compressedSize = compressed32;
	let uncompressedSize = uncompressed32;
	if (zip64 !== undefined) {
		const sizes = readZip64Sizes(zip64, uncompressed32, compressed32, name);
		compressedSize = sizes.compressed;
		uncompressedSize = sizes.uncompressed;
	}
	const usesDataDescriptor = (flags & FLAG.dataDescriptor) !== 0;
	const method = methodCode === METHOD.stored ? 'stored' : 'deflate';
	if (!usesDataDescriptor && method === 'stored' && compressedSize !== uncompressedSize) {
		throw new ZipFormatError(
			`ZIP entry ${quoteName(name)} is stored but its sizes differ (${compressedSize} compressed, ${uncompressedSize} uncompressed)`,
			name,
		);
	}
	return {
		offset,
		flags,
		method,
		crc,
		compressedSize: usesDataDescriptor ? undefined : compressedSize,
		uncompressedSize: usesDataDescriptor ? undefined : uncompressedSize,
		usesDataDescriptor,
		hasZip64Extra: zip64 !== undefined,
		rawName,
		name,
	};
}

export function parseExtraFields(extra: Uint8Array): Map<number, Uint8Array> {
	const fields = new Map<number, Uint8Array>();
	let offset = 0;
	while (offset + 4 <= extra.length) {
		const id = u16(extra, offset);
		const size = u16(extra, offset + 2);
		const end = offset + 4 + size;
		if (end > extra.length) break; // tolerate padding some writers leave at the end
		if (!fields.has(id)) fields.set(id, extra.subarray(offset + 4, end));
		offset = end;
	}
	return fields;
}

// In a local header the ZIP64 field should hold both sizes; some writers only include the
// ones whose 32-bit field is 0xFFFFFFFF (uncompressed first).
function readZip64Sizes(
	field: Uint8Array,
	uncompressed32: number,
	compressed32: number,
	name: string,
): { uncompressed: number; compressed: number } {
	if (field.length >= 16) {
		return {
			uncompressed: uncompressed32 === UINT32_MAX ? u64(field, 0) : uncompressed32,
			compressed: compressed32 === UINT32_MAX ? u64(field, 8) : compressed32,
		};
	}
	let offset = 0;
	const next = (): number => {
		if (offset + 8 > field.length) {
			throw new ZipFormatError(
				`ZIP entry ${quoteName(name)} has a ZIP64 extra field that is too short`,
				name,
			);
		}
		offset += 8;
		return u64(field, offset - 8);
	};
	const uncompressed = uncompressed32 === UINT32_MAX ? next() : uncompressed32;
	const compressed = compressed32 === UINT32_MAX ? next() : compressed32;
	return { uncompressed, compressed };
}
