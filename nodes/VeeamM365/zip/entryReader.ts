import { crc32 } from './crc32';
import { quoteName, ZipFormatError } from './errors';
import type { ByteReader } from './byteReader';
import { asBuffer, hex32, isHeaderSignature, u32, u64Loose } from './binary';
import { DescriptorScanner } from './descriptorScanner';
import { EntryInflater } from './entryInflater';
import type { LimitTracker } from './limits';
import type { LocalHeader } from './localHeader';

/** What was actually found for an entry, for the comparison with the central directory. */
export interface ReadEntry {
	header: LocalHeader;
	crc: number;
	compressedSize: number;
	uncompressedSize: number;
}

/** Reads, checks and (if needed) inflates the data of one entry, chunk by chunk. */
export class EntryReader {
	private crc = 0;
	private uncompressedBytes = 0;
	private compressedBytes = 0;
	private state: 'open' | 'done' | 'failed' = 'open';
	private failure: unknown;
	private readonly scanner?: DescriptorScanner;
	private readonly inflater?: EntryInflater;
	private remainingCompressed: number;

	constructor(
		private readonly reader: ByteReader,
		private readonly header: LocalHeader,
		private readonly limits: LimitTracker,
	) {
		this.remainingCompressed = header.compressedSize ?? 0;
		if (header.usesDataDescriptor) this.scanner = new DescriptorScanner(reader, header.name);
		if (header.method === 'deflate')
			this.inflater = new EntryInflater(() => this.nextCompressed(), header.name);
	}

	/** The next chunk of uncompressed data, or null once the entry is complete and verified. */
	async next(): Promise<Buffer | null> {
		if (this.state === 'done') return null;
		if (this.state === 'failed') throw this.failure;
		try {
			for (;;) {
				const chunk = this.inflater ? await this.inflater.read() : await this.nextCompressed();
				if (chunk === null) {
					await this.finish();
					this.state = 'done';
					return null;
				}
				if (chunk.length === 0) continue;
				this.accept(chunk);
				return asBuffer(chunk);
			}
		} catch (error) {
			this.state = 'failed';
			this.failure = error;
			this.inflater?.stop();
		}
		throw this.failure;
	}

	async skip(): Promise<void> {
		while ((await this.next()) !== null);
	}

	/** Releases the decompressor when the archive is abandoned half-way through this entry. */
	abandon(): void {
		if (this.state === 'open') this.inflater?.stop();
	}

	result(): ReadEntry {
		return {
			header: this.header,
			crc: this.crc,
			compressedSize: this.compressedBytes,
			uncompressedSize: this.uncompressedBytes,
		};
	}

	private accept(chunk: Uint8Array): void {
		const { header } = this;
		this.uncompressedBytes += chunk.length;
		if (header.uncompressedSize !== undefined && this.uncompressedBytes > header.uncompressedSize) {
			throw this.formatError(
				`is larger than the ${header.uncompressedSize} bytes its header declares`,
			);
		}
		this.crc = crc32(chunk, this.crc);
		const compressed = this.inflater ? this.inflater.bytesIn : this.uncompressedBytes;
		this.limits.addOutput(
			header.name,
			chunk.length,
			this.uncompressedBytes,
			compressed,
			this.inflater !== undefined,
		);
	}

	private async nextCompressed(): Promise<Uint8Array | null> {
		let chunk: Uint8Array | null;
		if (this.scanner) {
			chunk = await this.scanner.next();
		} else {
			if (this.remainingCompressed === 0) return null;
			chunk = await this.reader.read(this.remainingCompressed);
			if (chunk === null) {
				throw this.truncated(`${this.remainingCompressed} bytes before the end of the data of`);
			}
			this.remainingCompressed -= chunk.length;
		}
		if (chunk !== null) this.compressedBytes += chunk.length;
		return chunk;
	}

	private async finish(): Promise<void> {
		const { header } = this;
		if (!this.scanner) {
			this.verify(header.crc, header.compressedSize ?? 0, header.uncompressedSize ?? 0, 'header');
			return;
		}
		if (this.scanner.found?.signed) await this.take(4);
		const fields = await this.take(12);
		const crc = u32(fields, 0);
		const sizes32 = { compressed: u32(fields, 4), uncompressed: u32(fields, 8) };
		const matches32 =
			sizes32.compressed === this.compressedBytes &&
			sizes32.uncompressed === this.uncompressedBytes;
		// A ZIP64 descriptor has 8-byte sizes. Which form is used is not reliably signalled (some
		// writers add no ZIP64 extra field), so try both; when both fit, the 32-bit form must be
		// followed by a header signature.
		const more = await this.reader.readExact(8);
		if (more === null && !matches32) {
			throw this.truncated('inside the data descriptor of');
		}
		let sizes64: { compressed: number; uncompressed: number } | undefined;
		if (more !== null) {
			const joined = new Uint8Array(20);
			joined.set(fields, 0);
			joined.set(more, 12);
			sizes64 = { compressed: u64Loose(joined, 4), uncompressed: u64Loose(joined, 12) };
		}
		const matches64 =
			sizes64 !== undefined &&
			sizes64.compressed === this.compressedBytes &&
			sizes64.uncompressed === this.uncompressedBytes;
		const use64 = matches64 && !(matches32 && more !== null && isHeaderSignature(more, 0));
		if (!use64 && more !== null) this.reader.unread(more);
		const sizes = use64 || (!matches32 && sizes64 && header.hasZip64Extra) ? sizes64! : sizes32;
		this.verify(crc, sizes.compressed, sizes.uncompressed, 'data descriptor');
	}

	private verify(
		crc: number,
		compressedSize: number,
		uncompressedSize: number,
		source: string,
	): void {
		if (this.compressedBytes !== compressedSize || this.uncompressedBytes !== uncompressedSize) {
			throw this.formatError(
				`has the wrong size: its ${source} declares ${compressedSize} compressed / ${uncompressedSize} uncompressed bytes, but ${this.compressedBytes} / ${this.uncompressedBytes} were found`,
			);
		}
		if (crc !== this.crc) {
			throw this.formatError(
				`failed the CRC-32 check (${source} says ${hex32(crc)}, data gives ${hex32(this.crc)})`,
			);
		}
	}

	private async take(length: number): Promise<Uint8Array> {
		const bytes = await this.reader.readExact(length);
		if (bytes === null) throw this.truncated('inside the data descriptor of');
		return bytes;
	}

	private formatError(problem: string): ZipFormatError {
		return new ZipFormatError(
			`ZIP entry ${quoteName(this.header.name)} ${problem}`,
			this.header.name,
		);
	}

	private truncated(where: string): ZipFormatError {
		return new ZipFormatError(
			`ZIP archive is truncated: it ends ${where} entry ${quoteName(this.header.name)}`,
			this.header.name,
		);
	}
}
