import { quoteName, ZipFormatError } from './errors';
import { DeflateDecoder } from './deflateDecoder';

type Input = () => Promise<Uint8Array | null>;

/**
 * The deflate stage of one entry: feeds the entry's compressed bytes to the DeflateDecoder and
 * turns its errors into ZipFormatErrors naming the entry. Sizes and CRC are checked by
 * EntryReader around it. Compressed chunks are pulled from `input` only as output is asked for: each
 * read() decodes what the input pulled so far allows and pulls one more chunk only when that
 * gave nothing, so the compressed bytes read ahead of the consumer stay within one chunk.
 */
export class EntryInflater {
	/** Compressed bytes pulled from the input so far. */
	bytesIn = 0;

	private readonly decoder = new DeflateDecoder((reason) => this.invalid(reason));
	private inputDone = false;
	private stopped = false;

	constructor(
		private readonly input: Input,
		private readonly entryName: string,
	) {}

	/** The next decompressed chunk, or null at the end of the deflate stream. */
	async read(): Promise<Uint8Array | null> {
		for (;;) {
			if (this.stopped) return null;
			const piece = this.decoder.next();
			if (piece !== null) return piece;
			if (this.decoder.done) {
				// Bytes after the end of the deflate stream but inside the entry are read and
				// ignored, as Info-ZIP does; the entry's sizes and CRC are still checked.
				while (!this.inputDone) await this.pull();
				return null;
			}
			if (this.inputDone) {
				// Some writers store an empty file as "deflated" with no data at all.
				if (this.bytesIn === 0) return null;
				throw this.invalid('unexpected end of data');
			}
			await this.pull();
		}
	}

	/** Stops decoding (after an error or when abandoned). */
	stop(): void {
		this.stopped = true;
	}

	private async pull(): Promise<void> {
		const chunk = await this.input();
		if (chunk === null) {
			this.inputDone = true;
			if (this.bytesIn > 0) this.decoder.end();
			return;
		}
		if (chunk.length === 0) return;
		this.bytesIn += chunk.length;
		if (!this.decoder.done) this.decoder.push(chunk);
	}

	private invalid(reason: string): ZipFormatError {
		return new ZipFormatError(
			`ZIP entry ${quoteName(this.entryName)} contains invalid deflate data (${reason})`,
			this.entryName,
		);
	}
}
