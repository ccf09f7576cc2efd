import { SIGNATURE } from './constants';
import { quoteName, ZipFormatError } from './errors';
import type { ByteReader } from './byteReader';
import { EMPTY, asBuffer, splitUint64 } from './binary';

const PK = Buffer.from('PK', 'latin1');
// A data descriptor is at most 24 bytes (with signature, 64-bit sizes). Keeping at least the last
// 24 bytes unreleased guarantees every descriptor start can still be recognised once more data
// arrives: an unsigned one is identified by the header signature that follows it (20 + 4 bytes).
const HOLD_BACK = 24;

export interface DescriptorPosition {
	/** Bytes of entry data before the descriptor. */
	dataLength: number;
	signed: boolean;
}

type ByteAt = (index: number) => number;

/**
 * Yields the data of an entry whose size is only given in a trailing data descriptor. The end is
 * the first position where a descriptor (with or without its optional signature) states a
 * compressed size equal to the number of bytes seen so far. Bytes after the data are given back
 * to the reader, so the descriptor itself can be read from there.
 */
export class DescriptorScanner {
	found: DescriptorPosition | undefined;

	/**
	 * Bytes not handed out yet: the whole previous chunk as a view (nothing is copied), or, after
	 * chunks shorter than HOLD_BACK, a small copy of the last HOLD_BACK bytes.
	 */
	private held: Uint8Array = EMPTY;
	private released = 0;
	private readonly ready: Uint8Array[] = [];

	constructor(
		private readonly reader: ByteReader,
		private readonly entryName: string,
	) {}

	async next(): Promise<Uint8Array | null> {
		for (;;) {
			const chunk = this.ready.shift();
			if (chunk !== undefined) return chunk;
			if (this.found) return null;
			const input = await this.reader.read(Number.MAX_SAFE_INTEGER);
			this.scan(input ?? EMPTY);
			if (input === null && !this.found) {
				throw new ZipFormatError(
					`ZIP archive is truncated: the data of entry ${quoteName(this.entryName)} ends without a data descriptor`,
					this.entryName,
				);
			}
		}
	}

	private scan(chunk: Uint8Array): void {
		const held = this.held;
		const heldLength = held.length;
		const total = heldLength + chunk.length;
		const at: ByteAt = (index) => (index < heldLength ? held[index] : chunk[index - heldLength]);

		let end = -1;
		let signed = false;
		const consider = (index: number): void => {
			const start = this.descriptorStartingNear(at, index, total);
			if (start !== undefined && (end < 0 || start.position < end)) {
				end = start.position;
				signed = start.signed;
			}
		};
		// Earlier positions of `held` were decided when it was scanned: a descriptor check reads
		// at most HOLD_BACK bytes on from its "PK".
		for (let i = Math.max(0, heldLength - HOLD_BACK); i < heldLength; i++) {
			if (at(i) === 0x50 && i + 1 < total && at(i + 1) === 0x4b) consider(i);
		}
		const haystack = asBuffer(chunk);
		for (let j = haystack.indexOf(PK, 0); j !== -1; j = haystack.indexOf(PK, j + 1)) {
			if (end >= 0 && heldLength + j - 20 > end) break;
			consider(heldLength + j);
		}

		if (end >= 0) {
			this.found = { dataLength: this.released + end, signed };
			this.release(held, chunk, end);
			// Give the descriptor and everything after it back to the reader (chunk part first,
			// because unread() puts the latest bytes in front).
			if (end < heldLength) {
				this.reader.unread(chunk);
				this.reader.unread(held.subarray(end));
			} else {
				this.reader.unread(chunk.subarray(end - heldLength));
			}
			this.held = EMPTY;
			return;
		}

		// Only the last HOLD_BACK bytes can still start a descriptor. A chunk at least that long
		// is held back whole (so it is later handed out without copying); a shorter one is
		// joined with the end of what was held.
		if (chunk.length >= HOLD_BACK) {
			this.release(held, chunk, heldLength);
			this.held = chunk;
			return;
		}
		const keep = Math.min(HOLD_BACK, total);
		this.release(held, chunk, total - keep);
		const kept = new Uint8Array(keep);
		for (let i = 0; i < keep; i++) kept[i] = at(total - keep + i);
		this.held = kept;
	}

	/** Queues the first `count` bytes of held+chunk as entry data (views, never copies). */
	private release(held: Uint8Array, chunk: Uint8Array, count: number): void {
		if (count <= 0) return;
		this.released += count;
		if (count <= held.length) {
			this.ready.push(held.subarray(0, count));
			return;
		}
		if (held.length > 0) this.ready.push(held);
		this.ready.push(chunk.subarray(0, count - held.length));
	}

	/**
	 * Checks the "PK" at `index`: either a signed descriptor starting there, or a header signature
	 * directly after an unsigned descriptor. Returns where the descriptor starts if its
	 * compressed-size field matches the data length up to that point.
	 */
	private descriptorStartingNear(
		at: ByteAt,
		index: number,
		total: number,
	): { position: number; signed: boolean } | undefined {
		if (index + 4 > total) return undefined;
		const signature = readU32(at, index);
		if (signature === SIGNATURE.dataDescriptor) {
			if (this.sizeFieldMatches(at, index + 8, total, index))
				return { position: index, signed: true };
			return undefined;
		}
		if (signature !== SIGNATURE.localHeader && signature !== SIGNATURE.centralHeader)
			return undefined;
		for (const descriptorLength of [20, 12]) {
			const start = index - descriptorLength;
			if (
				start >= 0 &&
				this.sizeFieldMatches(at, start + 4, total, start, descriptorLength === 20 ? 64 : 32)
			) {
				return { position: start, signed: false };
			}
		}
		return undefined;
	}

	/** Whether the size field at `field` (32-bit, 64-bit or, if `width` is undefined, either) equals the data length. */
	private sizeFieldMatches(
		at: ByteAt,
		field: number,
		total: number,
		dataEnd: number,
		width?: 32 | 64,
	): boolean {
		const expected = splitUint64(this.released + dataEnd);
		if (field + 4 > total || readU32(at, field) !== expected.low) return false;
		if (width === 32) return expected.high === 0;
		if (width === undefined && expected.high === 0) return true;
		return field + 8 <= total && readU32(at, field + 4) === expected.high;
	}
}

function readU32(at: ByteAt, index: number): number {
	return (at(index) | (at(index + 1) << 8) | (at(index + 2) << 16) | (at(index + 3) << 24)) >>> 0;
}
