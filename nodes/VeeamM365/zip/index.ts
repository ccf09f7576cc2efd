// Public entry of the streaming ZIP reader (see README.md in this folder).
import { SIGNATURE } from './constants';
import { ZipFormatError } from './errors';
import { ByteReader } from './byteReader';
import { readCentralDirectory } from './centralDirectory';
import { EntryReader } from './entryReader';
import type { ReadEntry } from './entryReader';
import { LimitTracker } from './limits';
import type { ZipLimits } from './limits';
import { readLocalHeader } from './localHeader';
import { asBuffer, hex32, u32 } from './binary';

export { ZipFormatError, ZipLimitError } from './errors';
export type { ZipLimitName } from './errors';
export type { ZipLimits } from './limits';
export { decodeUtf8Strict } from './utf8';

export interface ZipEntry {
	name: string;
	/** As declared in the local header; undefined when the entry uses a data descriptor. */
	compressedSize?: number;
	uncompressedSize?: number;
	method: 'stored' | 'deflate';
	isDirectory: boolean;
	/** Uncompressed bytes. Throws ZipFormatError/ZipLimitError when the entry turns out to be bad. */
	data: AsyncIterable<Buffer>;
	/** Reads (and verifies) the rest of the data without returning it. */
	skip(): Promise<void>;
}

/** True if the bytes start like a ZIP archive (a local header, or the end record of an empty archive). */
export function isZipSignature(firstBytes: Uint8Array): boolean {
	if (firstBytes.length < 4) return false;
	const signature = u32(firstBytes, 0);
	return signature === SIGNATURE.localHeader || signature === SIGNATURE.endOfCentralDirectory;
}

/**
 * Streams the entries of a ZIP archive in the order they are stored. Each entry's data must be
 * consumed (or skipped) before the next entry is requested; an entry left half-read is skipped
 * (and verified) automatically. After the last entry the central directory is checked, so the
 * generator only completes normally for a complete, consistent archive.
 */
export async function* readZipEntries(
	source: AsyncIterable<Uint8Array>,
	limits: ZipLimits = {},
): AsyncGenerator<ZipEntry, void, undefined> {
	const reader = new ByteReader(source);
	const tracker = new LimitTracker(limits);
	const entries: ReadEntry[] = [];
	let current: EntryReader | undefined;
	try {
		for (;;) {
			const offset = reader.position;
			const signatureBytes = await reader.readExact(4);
			if (signatureBytes === null) {
				if (offset > 0)
					throw new ZipFormatError('ZIP archive is truncated: the central directory is missing');
				throw new ZipFormatError(
					(await reader.isAtEnd())
						? 'The data is empty, not a ZIP archive'
						: 'ZIP archive is truncated: it is shorter than a header',
				);
			}
			const signature = u32(signatureBytes, 0);
			if (signature !== SIGNATURE.localHeader) {
				if (offset === 0 && signature !== SIGNATURE.endOfCentralDirectory) {
					throw new ZipFormatError(
						`The data is not a ZIP archive (it starts with ${hex32(signature)})`,
					);
				}
				reader.unread(signatureBytes);
				break;
			}
			const header = await readLocalHeader(reader, offset);
			tracker.startEntry(header.name, {
				uncompressed: header.uncompressedSize,
				compressed: header.compressedSize,
				deflated: header.method === 'deflate',
			});
			const entryReader = new EntryReader(reader, header, tracker);
			current = entryReader;
			yield {
				name: header.name,
				compressedSize: header.compressedSize,
				uncompressedSize: header.uncompressedSize,
				method: header.method,
				isDirectory: header.name.endsWith('/'),
				data: { [Symbol.asyncIterator]: () => iterateEntry(entryReader) },
				skip: () => entryReader.skip(),
			};
			await entryReader.skip();
			entries.push(entryReader.result());
			current = undefined;
		}
		await readCentralDirectory(reader, entries);
	} finally {
		current?.abandon();
		await reader.close();
	}
}

async function* iterateEntry(entryReader: EntryReader): AsyncGenerator<Buffer, void, undefined> {
	for (;;) {
		const chunk = await entryReader.next();
		if (chunk === null) return;
		yield chunk;
	}
}

/**
 * Passes the source bytes through unchanged while checking them as a ZIP archive (every entry's
 * CRC and size, the central directory, the limits). The most recent chunk is always held back
 * until more input proves it is not the last, and the last chunk is only released once the whole
 * archive has been verified, so a consumer writing the chunks never completes an invalid file.
 */
export async function* verifyZipStream(
	source: AsyncIterable<Uint8Array>,
	limits: ZipLimits = {},
): AsyncGenerator<Buffer, void, undefined> {
	const pulled: Uint8Array[] = [];
	const tapped: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]() {
			const iterator = source[Symbol.asyncIterator]();
			return {
				async next() {
					const result = await iterator.next();
					if (!result.done && result.value.length > 0) pulled.push(result.value);
					return result;
				},
				async return() {
					if (iterator.return) await iterator.return();
					return { done: true, value: undefined };
				},
			};
		},
	};
	for await (const entry of readZipEntries(tapped, limits)) {
		const chunks = entry.data[Symbol.asyncIterator]();
		for (;;) {
			const step = await chunks.next();
			while (pulled.length > 1) yield asBuffer(pulled.shift()!);
			if (step.done) break;
		}
	}
	while (pulled.length > 0) yield asBuffer(pulled.shift()!);
}
