import { EMPTY } from './binary';
import { ZipFormatError } from './errors';

/**
 * Pull-based reader over an async iterable of byte chunks. Hands out views into the source
 * chunks (no copying) and only asks the source for another chunk when the current one is used up.
 */
export class ByteReader {
	/** Absolute offset (from the start of the source) of the next byte read() returns. */
	position = 0;

	private readonly iterator: AsyncIterator<Uint8Array>;
	private current: Uint8Array = EMPTY;
	private index = 0;
	private readonly pushedBack: Uint8Array[] = [];
	private sourceDone = false;
	private pulling = false;

	constructor(source: AsyncIterable<Uint8Array>) {
		this.iterator = source[Symbol.asyncIterator]();
	}

	/** Up to `max` bytes (at least one), or null once the source has ended. */
	async read(max: number): Promise<Uint8Array | null> {
		if (!(await this.fill())) return null;
		const end = Math.min(this.current.length, this.index + max);
		const view = this.current.subarray(this.index, end);
		this.position += view.length;
		this.index = end;
		return view;
	}

	/** Exactly `length` bytes, or null if the source ends first. Copies only when crossing chunks. */
	async readExact(length: number): Promise<Uint8Array | null> {
		if (length === 0) return EMPTY;
		const first = await this.read(length);
		if (first === null || first.length === length) return first;
		const joined = new Uint8Array(length);
		joined.set(first, 0);
		let filled = first.length;
		while (filled < length) {
			const next = await this.read(length - filled);
			if (next === null) {
				this.unread(joined.subarray(0, filled));
				return null;
			}
			joined.set(next, filled);
			filled += next.length;
		}
		return joined;
	}

	/** Puts bytes back in front of the stream (the most recently unread bytes come first). */
	unread(bytes: Uint8Array): void {
		if (bytes.length === 0) return;
		if (this.index < this.current.length) this.pushedBack.push(this.current.subarray(this.index));
		this.current = bytes;
		this.index = 0;
		this.position -= bytes.length;
	}

	async isAtEnd(): Promise<boolean> {
		return !(await this.fill());
	}

	/** Lets the source release its resources when we stop before its end. */
	async close(): Promise<void> {
		if (this.sourceDone) return;
		this.sourceDone = true;
		const finish = this.iterator.return;
		if (!finish) return;
		const closing = Promise.resolve(finish.call(this.iterator)).then(
			() => undefined,
			() => undefined,
		);
		// A pending next() would make return() wait for more input; don't block on that.
		if (!this.pulling) await closing;
	}

	private async fill(): Promise<boolean> {
		while (this.index >= this.current.length) {
			const back = this.pushedBack.pop();
			if (back !== undefined) {
				this.current = back;
				this.index = 0;
				continue;
			}
			if (this.sourceDone) return false;
			this.pulling = true;
			let result: IteratorResult<Uint8Array>;
			try {
				result = await this.iterator.next();
			} finally {
				this.pulling = false;
			}
			if (result.done) {
				this.sourceDone = true;
				this.current = EMPTY;
				this.index = 0;
				return false;
			}
			if (!(result.value instanceof Uint8Array)) {
				throw new TypeError('The ZIP source must yield Buffer or Uint8Array chunks');
			}
			this.current = result.value;
			this.index = 0;
		}
		return true;
	}
}

/** Exactly `length` bytes; a ZipFormatError naming `what` (the structure being read) if the data ends first. */
export async function requireBytes(
	reader: ByteReader,
	length: number,
	what: string,
): Promise<Uint8Array> {
	const bytes = await reader.readExact(length);
	if (bytes === null) throw new ZipFormatError(`ZIP archive is truncated: it ends inside ${what}`);
	return bytes;
}
