import { crc32 } from '../crc32';
import { quoteName, ZipFormatError } from '../errors';
import type { ByteReader } from './byteReader';
import { decodeCp437 } from './cp437';
import { u16, u32, u64, UINT32_MAX } from './binary';

export const FLAG = {
	encrypted: 0x0001,
	dataDescriptor: 0x0008,
	strongEncryption: 0x0040,
	utf8: 0x0800,
	maskedHeaders: 0x2000,
} as const;

const EXTRA_ZIP64 = 0x0001;
const EXTRA_UNICODE_PATH = 0x7075;

const METHOD_NAMES: Record<number, string> = {
	1: 'Shrink',
	6: 'Implode',
	9: 'Deflate64',
	12: 'BZIP2',
	14: 'LZMA',
	93: 'Zstandard',
	95: 'XZ',
	98: 'PPMd',
	99: 'AES encryption',
};

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

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function requireBytes(
	reader: ByteReader,
	length: number,
	what: string,
): Promise<Uint8Array> {
	const bytes = await reader.readExact(length);
	if (bytes === null) throw new ZipFormatError(`ZIP archive is truncated: it ends inside ${what}`);
	return bytes;
}

/** Reads the rest of a local file header; its 4-byte signature at `offset` was already consumed. */
export async function readLocalHeader(reader: ByteReader, offset: number): Promise<LocalHeader> {
	const where = `the local header at offset ${offset}`;
	const fixed = await requireBytes(reader, 26, where);
	const flags = u16(fixed, 2);
	const methodCode = u16(fixed, 4);
	const crc = u32(fixed, 10);
	const compressed32 = u32(fixed, 14);
	const uncompressed32 = u32(fixed, 18);
	const rawName = await requireBytes(reader, u16(fixed, 22), where);
	const extra = await requireBytes(reader, u16(fixed, 24), where);
	const extras = parseExtraFields(extra);
	const name = decodeName(rawName, flags, extras.get(EXTRA_UNICODE_PATH));

	if (flags & (FLAG.encrypted | FLAG.strongEncryption | FLAG.maskedHeaders)) {
		throw new ZipFormatError(
			`ZIP entry ${quoteName(name)} is encrypted, which is not supported`,
			name,
		);
	}
	if (methodCode !== 0 && methodCode !== 8) {
		const methodName = METHOD_NAMES[methodCode] ? ` (${METHOD_NAMES[methodCode]})` : '';
		throw new ZipFormatError(
			`ZIP entry ${quoteName(name)} uses compression method ${methodCode}${methodName}, which is not supported (only stored and deflate are)`,
			name,
		);
	}

	const zip64 = extras.get(EXTRA_ZIP64);
	let compressedSize = compressed32;
	let uncompressedSize = uncompressed32;
	if (zip64 !== undefined) {
		const sizes = readZip64Sizes(zip64, uncompressed32, compressed32, name);
		compressedSize = sizes.compressed;
		uncompressedSize = sizes.uncompressed;
	}
	const usesDataDescriptor = (flags & FLAG.dataDescriptor) !== 0;
	const method = methodCode === 0 ? 'stored' : 'deflate';
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

/**
 * Entry names are UTF-8 if flagged (bit 11) or given in an Info-ZIP Unicode Path field. Otherwise
 * the ZIP spec says CP437, but Unix and macOS tools often write unflagged UTF-8: a name that is
 * valid UTF-8 and not plain ASCII is taken as UTF-8 (CP437 text almost never is), else CP437.
 */
export function decodeName(rawName: Uint8Array, flags: number, unicodePath?: Uint8Array): string {
	if (flags & FLAG.utf8) return utf8.decode(rawName);
	if (
		unicodePath &&
		unicodePath.length >= 5 &&
		unicodePath[0] === 1 &&
		u32(unicodePath, 1) === crc32(rawName)
	) {
		return utf8.decode(unicodePath.subarray(5));
	}
	if (rawName.some((byte) => byte >= 0x80)) {
		try {
			return strictUtf8.decode(rawName);
		} catch {
			// not UTF-8: CP437 below
		}
	}
	return decodeCp437(rawName);
}
