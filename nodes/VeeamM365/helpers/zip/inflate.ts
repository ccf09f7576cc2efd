import { quoteName, ZipFormatError } from '../errors';

type Input = () => Promise<Uint8Array | null>;

const ignore = (): void => undefined;

/**
 * Streams compressed chunks from `input` through DecompressionStream('deflate-raw'). A background
 * pump feeds the decompressor (waiting for its backpressure); read() returns decompressed chunks.
 */
export class Inflater {
	/** Compressed bytes handed to the decompressor so far. */
	bytesIn = 0;

	private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
	private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
	private readonly pumping: Promise<void>;
	private inputFailed = false;
	private inputError: unknown;
	private emptyInput = false;
	private stopped = false;

	constructor(
		private readonly input: Input,
		private readonly entryName: string,
	) {
		const stream = new DecompressionStream('deflate-raw');
		this.writer = stream.writable.getWriter();
		this.reader = stream.readable.getReader();
		this.pumping = this.pump();
	}

	/** The next decompressed chunk, or null at the end of the deflate stream. */
	async read(): Promise<Uint8Array | null> {
		let result: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>> | undefined;
		let reason = '';
		try {
			result = await this.reader.read();
		} catch (error) {
			reason = error instanceof Error ? error.message : String(error);
		}
		if (result === undefined) {
			if (this.inputFailed) throw this.inputError;
			if (this.emptyInput) return null;
			throw new ZipFormatError(
				`ZIP entry ${quoteName(this.entryName)} contains invalid deflate data (${reason})`,
				this.entryName,
			);
		}
		if (!result.done) return result.value;
		await this.pumping;
		if (this.inputFailed) throw this.inputError;
		return null;
	}

	/** Stops feeding and releases the decompressor (after an error or when abandoned). */
	stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.reader.cancel().catch(ignore);
		this.writer.abort().catch(ignore);
	}

	private async pump(): Promise<void> {
		for (;;) {
			let chunk: Uint8Array | null;
			try {
				chunk = await this.input();
			} catch (error) {
				this.inputFailed = true;
				this.inputError = error;
				this.writer.abort(error).catch(ignore);
				return;
			}
			if (this.stopped) return;
			if (chunk === null) {
				// Some writers store an empty file as "deflated" with no data at all.
				if (this.bytesIn === 0) {
					this.emptyInput = true;
					this.writer.abort().catch(ignore);
				} else {
					this.writer.close().catch(ignore);
				}
				return;
			}
			if (chunk.length === 0) continue;
			this.bytesIn += chunk.length;
			try {
				// Resolves once the decompressor has taken the chunk in, which needs the reader
				// to keep up: this is the backpressure that bounds memory.
				await this.writer.write(chunk);
			} catch {
				return; // the decompressor failed or was stopped; read() reports why
			}
		}
	}
}
