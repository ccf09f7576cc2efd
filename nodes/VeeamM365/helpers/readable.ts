import type { IExecuteFunctions } from 'n8n-workflow';

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];
/** Node's stream.Readable, typed without importing 'stream' (not allowed in verified nodes). */
export type NodeReadable = Exclude<BinaryInput, Buffer>;

interface ReadableClass {
	from(source: AsyncIterable<Buffer>, options: { objectMode: boolean }): NodeReadable;
}

/**
 * Wraps `source` in a Node Readable. The Readable class is taken from the prototype chain of
 * `template` (e.g. the IncomingMessage of an HTTP response), since 'stream' may not be imported.
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
			return (ctor as unknown as ReadableClass).from(source, { objectMode: false });
		}
	}
	throw new TypeError(
		'Cannot create a Node.js Readable: the template object is not a Node.js stream',
	);
}
