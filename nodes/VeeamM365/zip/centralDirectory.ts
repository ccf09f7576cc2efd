import { EXTRA, FIXED_LENGTH, METHOD, SIGNATURE, UINT16_MAX, UINT32_MAX } from './constants';
import { quoteName, ZipFormatError } from './errors';
import type { ByteReader } from './byteReader';
import { requireBytes } from './byteReader';
import { decodeName } from './entryName';
import type { ReadEntry } from './entryReader';
import { parseExtraFields } from './localHeader';
import { hex32, u16, u32, u64 } from './binary';

interface DirectoryTotals {
	entries: number;
	size: number;
	offset: number;
}

/**
 * Reads everything after the last entry's data: central directory, optional ZIP64 end records and
 * the end-of-central-directory record. Throws unless it is complete and describes exactly the
 * entries that were read, and nothing follows the archive comment.
 */
export async function readCentralDirectory(
	reader: ByteReader,
	entries: ReadEntry[],
): Promise<void> {
	const start = reader.position;
	const byOffset = new Map<number, ReadEntry>();
	for (const entry of entries) byOffset.set(entry.header.offset, entry);
	const listed = new Set<number>();

	let signature = await readSignature(reader, 'the central directory');
	while (signature === SIGNATURE.centralHeader) {
		const offset = await readCentralHeader(reader, byOffset);
		if (listed.has(offset)) {
			throw new ZipFormatError(`ZIP central directory lists the entry at offset ${offset} twice`);
		}
		listed.add(offset);
		signature = await readSignature(reader, 'the central directory');
	}
	if (listed.size !== entries.length) {
		throw new ZipFormatError(
			`ZIP central directory lists ${listed.size} entries, but the archive contains ${entries.length}`,
		);
	}
	const actual: DirectoryTotals = {
		entries: listed.size,
		size: reader.position - 4 - start,
		offset: start,
	};

	if (signature === SIGNATURE.digitalSignature) {
		const size = u16(await requireBytes(reader, 2, 'the central directory signature'), 0);
		await requireBytes(reader, size, 'the central directory signature');
		signature = await readSignature(reader, 'the end of central directory record');
	}
	let zip64: DirectoryTotals | undefined;
	if (signature === SIGNATURE.zip64EndOfCentralDirectory) {
		const recordOffset = reader.position - 4;
		zip64 = await readZip64End(reader);
		signature = await readSignature(reader, 'the ZIP64 end of central directory locator');
		if (signature !== SIGNATURE.zip64Locator) {
			throw new ZipFormatError(
				`ZIP64 end of central directory locator is missing (found signature ${hex32(signature)})`,
			);
		}
		const locator = await requireBytes(
			reader,
			FIXED_LENGTH.zip64Locator,
			'the ZIP64 end of central directory locator',
		);
		if (u32(locator, 0) !== 0 || u64(locator, 4) !== recordOffset || u32(locator, 12) > 1) {
			throw new ZipFormatError('ZIP64 end of central directory locator is inconsistent');
		}
		signature = await readSignature(reader, 'the end of central directory record');
	}
	if (signature !== SIGNATURE.endOfCentralDirectory) {
		const found =
			signature === SIGNATURE.localHeader ? 'a local header' : `signature ${hex32(signature)}`;
		throw new ZipFormatError(
			`ZIP central directory is followed by ${found} instead of the end of central directory record`,
		);
	}
	const end = await requireBytes(
		reader,
		FIXED_LENGTH.endOfCentralDirectory,
		'the end of central directory record',
	);
	await requireBytes(reader, u16(end, 16), 'the archive comment');
	checkEnd(end, actual, zip64);
	if (!(await reader.isAtEnd())) {
		throw new ZipFormatError(
			`ZIP archive has unexpected data after its end (at offset ${reader.position})`,
		);
	}
}

async function readSignature(reader: ByteReader, what: string): Promise<number> {
	return u32(await requireBytes(reader, 4, what), 0);
}

/** Reads one central header (signature consumed) and checks it against the entry read at its offset. */
async function readCentralHeader(
	reader: ByteReader,
	byOffset: Map<number, ReadEntry>,
): Promise<number> {
	const fixed = await requireBytes(reader, FIXED_LENGTH.centralHeader, 'the central directory');
	const flags = u16(fixed, 4);
	const method = u16(fixed, 6);
	const crc = u32(fixed, 12);
	let compressed = u32(fixed, 16);
	let uncompressed = u32(fixed, 20);
	const rawName = await requireBytes(reader, u16(fixed, 24), 'the central directory');
	const extra = await requireBytes(reader, u16(fixed, 26), 'the central directory');
	await requireBytes(reader, u16(fixed, 28), 'the central directory');
	const disk = u16(fixed, 30);
	let offset = u32(fixed, 38);
	const extras = parseExtraFields(extra);
	const name = decodeName(rawName, flags, extras.get(EXTRA.unicodePath));

	const zip64 = extras.get(EXTRA.zip64);
	if (zip64) {
		// Only the fields whose 32-bit value is 0xFFFFFFFF are present, in this order.
		let position = 0;
		const next = (value: number): number => {
			if (value !== UINT32_MAX) return value;
			if (position + 8 > zip64.length) {
				throw new ZipFormatError(
					`ZIP central directory entry ${quoteName(name)} has a ZIP64 field that is too short`,
				);
			}
			position += 8;
			return u64(zip64, position - 8);
		};
		uncompressed = next(uncompressed);
		compressed = next(compressed);
		offset = next(offset);
	}
	if (disk !== 0 && disk !== UINT16_MAX)
		throw new ZipFormatError('Multi-part (split) ZIP archives are not supported');

	const entry = byOffset.get(offset);
	if (!entry) {
		throw new ZipFormatError(
			`ZIP central directory lists entry ${quoteName(name)} at offset ${offset}, where the archive has no such entry`,
		);
	}
	const header = entry.header;
	const problems: string[] = [];
	if (!sameBytes(rawName, header.rawName)) problems.push(`its name is ${quoteName(name)}`);
	if (method !== METHOD[header.method]) problems.push(`its compression method is ${method}`);
	if (crc !== entry.crc)
		problems.push(`its CRC-32 is ${hex32(crc)} instead of ${hex32(entry.crc)}`);
	if (compressed !== entry.compressedSize)
		problems.push(`its compressed size is ${compressed} instead of ${entry.compressedSize}`);
	if (uncompressed !== entry.uncompressedSize) {
		problems.push(`its uncompressed size is ${uncompressed} instead of ${entry.uncompressedSize}`);
	}
	if (problems.length > 0) {
		throw new ZipFormatError(
			`ZIP central directory does not match entry ${quoteName(header.name)}: ${problems.join(', ')}`,
			header.name,
		);
	}
	return offset;
}

async function readZip64End(reader: ByteReader): Promise<DirectoryTotals> {
	const what = 'the ZIP64 end of central directory record';
	const sizeField = await requireBytes(reader, 8, what);
	const size = u64(sizeField, 0);
	const fixedLength = FIXED_LENGTH.zip64EndOfCentralDirectory;
	if (size < fixedLength)
		throw new ZipFormatError('ZIP64 end of central directory record is too short');
	const record = await requireBytes(reader, fixedLength, what);
	await requireBytes(reader, size - fixedLength, what); // extensible data sector
	if (u32(record, 4) !== 0 || u32(record, 8) !== 0) {
		throw new ZipFormatError('Multi-part (split) ZIP archives are not supported');
	}
	const entriesOnDisk = u64(record, 12);
	const entries = u64(record, 20);
	if (entriesOnDisk !== entries)
		throw new ZipFormatError('ZIP64 end of central directory record is inconsistent');
	return { entries, size: u64(record, 28), offset: u64(record, 36) };
}

function checkEnd(
	end: Uint8Array,
	actual: DirectoryTotals,
	zip64: DirectoryTotals | undefined,
): void {
	const disk = u16(end, 0);
	const directoryDisk = u16(end, 2);
	if (
		(disk !== 0 || directoryDisk !== 0) &&
		!(zip64 && disk === UINT16_MAX && directoryDisk === UINT16_MAX)
	) {
		throw new ZipFormatError('Multi-part (split) ZIP archives are not supported');
	}
	const recorded: Array<[string, number, number, number, number]> = [
		[
			'number of entries on this disk',
			u16(end, 4),
			UINT16_MAX,
			actual.entries,
			zip64?.entries ?? NaN,
		],
		['number of entries', u16(end, 6), UINT16_MAX, actual.entries, zip64?.entries ?? NaN],
		['central directory size', u32(end, 8), UINT32_MAX, actual.size, zip64?.size ?? NaN],
		['central directory offset', u32(end, 12), UINT32_MAX, actual.offset, zip64?.offset ?? NaN],
	];
	for (const [what, value, escape, real, value64] of recorded) {
		if (zip64 && value64 !== real) {
			throw new ZipFormatError(
				`ZIP64 end of central directory record has the wrong ${what} (${value64} instead of ${real})`,
			);
		}
		const fits = value === real || (zip64 !== undefined && value === escape);
		if (!fits) {
			throw new ZipFormatError(
				`ZIP end of central directory record has the wrong ${what} (${value} instead of ${real})`,
			);
		}
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
