import type { IExecuteFunctions } from 'n8n-workflow';

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
/** Node's stream.Readable, typed without importing 'stream' (not allowed in verified nodes). */
export type NodeReadable = Exclude<BinaryInput, Buffer>;

interface ReadableClass {
	from(source: AsyncIterable<Buffer>, options: { objectMode: boolean }): NodeReadable;
}

/**
 * Chunks smaller than PASS_THROUGH_BYTES are joined into pieces of about this size before they
 * reach the Readable. n8n's filesystem binary mode writes every chunk with its own fs write (a
 * thread-pool round trip): on Node 20 (n8n 1.x) network chunks are all 16 KiB, and 128 KiB pieces
 * cut those writes eightfold.
 */
export const READABLE_PIECE_BYTES = 128 * 1024;

/**
 * Chunks of at least this size are never copied. On Node 24 (n8n 2.x) most network chunks are
 * 32–64 KiB; copying them to join them cost ~10 % more CPU than n8n's own HTTP Request node and
 * more garbage, which there is only freed by full garbage collections (bench/stream-compare.js).
 */
export const PASS_THROUGH_BYTES = 32 * 1024;

/**
 * Wraps `source` in a Node Readable, joining small chunks (see joinSmallChunks). The Readable
 * class is taken from the prototype chain of `template` (e.g. the IncomingMessage of an HTTP
 * response), since 'stream' may not be imported.
 */
export function toNodeReadable(template: object, source: AsyncIterable<Buffer>): NodeReadable {
	for (
		let proto: unknown = Object.getPrototypeOf(template);
		proto;
		proto = Object.getPrototypeOf(proto)
	) {
		const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
		if (
			typeof ctor === 'function' &&
			ctor.name === 'Readable' &&
			typeof (ctor as unknown as ReadableClass).from === 'function'
		) {
			return (ctor as unknown as ReadableClass).from(joinSmallChunks(source), {
				objectMode: false,
			});
		}
	}
	throw new TypeError(
		'Cannot create a Node.js Readable: the template object is not a Node.js stream',
	);
}

/**
 * Yields the source's bytes in pieces of at least `size` bytes (except the last), joining only
 * chunks under `passThrough` bytes by copying: larger ones go on as they are, or joined with the
 * chunks right after them when those are adjacent views of the same memory (inflater output).
 */
export async function* joinSmallChunks(
	source: AsyncIterable<Buffer>,
	size = READABLE_PIECE_BYTES,
	passThrough = Math.min(PASS_THROUGH_BYTES, size / 4),
): AsyncGenerator<Buffer, void, undefined> {
	let pending: Buffer[] = [];
	let pendingBytes = 0;
	let pendingHasLarge = false;
	for await (const chunk of source) {
		if (chunk.length === 0) continue;
		const large = chunk.length >= passThrough;
		if (
			pendingBytes > 0 &&
			(large || pendingHasLarge) &&
			!follows(pending[pending.length - 1], chunk)
		) {
			yield join(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
			pendingHasLarge = false;
		}
		if (pendingBytes === 0 && chunk.length >= size / 2) {
			yield chunk;
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		pendingHasLarge ||= large;
		if (pendingBytes >= size) {
			yield join(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
			pendingHasLarge = false;
		}
	}
	if (pendingBytes > 0) yield join(pending, pendingBytes);
}

/** Whether `next` starts where `previous` ends in the same memory block. */
function follows(previous: Buffer, next: Buffer): boolean {
	return (
		next.buffer === previous.buffer && next.byteOffset === previous.byteOffset + previous.length
	);
}

/** One Buffer of `chunks`; without copying when they are adjacent views of one memory block. */
function join(chunks: Buffer[], length: number): Buffer {
	if (chunks.length === 1) return chunks[0];
	for (let i = 1; i < chunks.length; i++) {
		if (!follows(chunks[i - 1], chunks[i])) return Buffer.concat(chunks, length);
	}
	return Buffer.from(chunks[0].buffer, chunks[0].byteOffset, length);
}
