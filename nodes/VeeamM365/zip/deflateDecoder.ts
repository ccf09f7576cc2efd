// A streaming decoder for raw DEFLATE data (RFC 1951: no zlib or gzip wrapper), as used inside ZIP
// entries. Written for throughput on the main thread: one table lookup per literal/length and
// distance code, output written into large buffers that are handed out as views without copying,
// and no per-chunk promise or thread-pool round trip. It knows nothing about ZIP; EntryInflater
// feeds it one entry's bytes. Why not DecompressionStream: see README.md.
import { EMPTY } from './binary';
import { buildHuffmanTable, FAST_BITS, newHuffmanTable } from './huffmanTable';
import type { HuffmanTable } from './huffmanTable';

/** The data is not valid DEFLATE; `message` says why (in zlib's words where there are any). */
export class DeflateError extends Error {}

const HISTORY = 32 * 1024;
const MAX_MATCH = 258;
/** Output is handed out in pieces of about this size (or less, as input runs out). */
export const PIECE_BYTES = 256 * 1024;
/** Output is decoded up to here (a match started before it may run MAX_MATCH - 1 bytes past). */
const OUT_LIMIT = HISTORY + PIECE_BYTES;
const BUFFER_BYTES = OUT_LIMIT + MAX_MATCH;
/**
 * The first buffer is small: most attachments are small files, and every buffer is garbage for
 * the collector later. Output beyond it moves on to full-size buffers.
 */
const FIRST_LIMIT = HISTORY;
/** Enough input for any single literal/length + distance code with their extra bits (48 bits). */
const SYMBOL_INPUT = 8;
/** Enough input for any block header, including the code lengths of a dynamic block (< 290 bytes). */
const HEADER_INPUT = 320;
/**
 * Bytes of a new chunk copied behind the unused rest of the previous one. More than
 * HEADER_INPUT + SYMBOL_INPUT, so the decoder never stops inside the bridge before it has
 * passed the carried-over bytes.
 */
const BRIDGE_BYTES = 1024;

const LENGTH_BASE = [
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
	163, 195, 227, 258,
];
const LENGTH_EXTRA = [
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE = [
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
	3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// Length and distance symbols combined into single lookups: base << 4 | extra bits.
const LENGTH_CODES = new Uint16Array(29).map((_, i) => (LENGTH_BASE[i] << 4) | LENGTH_EXTRA[i]);
const DISTANCE_CODES = new Uint32Array(30).map(
	(_, i) => (DISTANCE_BASE[i] << 4) | DISTANCE_EXTRA[i],
);

/** The codes of fixed-Huffman blocks (RFC 1951, 3.2.6): constant, built once at load like the CRC table. */
const FIXED_TABLES = buildFixedTables();

function buildFixedTables(): { literal: HuffmanTable; distance: HuffmanTable } {
	const lengths = new Uint8Array(288);
	lengths.fill(8, 0, 144);
	lengths.fill(9, 144, 256);
	lengths.fill(7, 256, 280);
	lengths.fill(8, 280, 288);
	// 32 distance codes, of which 30 and 31 never occur in valid data.
	const distances = new Uint8Array(32).fill(5);
	return {
		literal: buildHuffmanTable(lengths, 288, false) as HuffmanTable,
		distance: buildHuffmanTable(distances, 32, false) as HuffmanTable,
	};
}

type State = 'header' | 'stored' | 'codes' | 'done';

/**
 * Usage: push() compressed chunks; after each, call next() until it returns null, which means it
 * needs more input (or, with `done`, that the stream is complete). end() tells it that no more
 * input follows, so next() either completes the stream or throws.
 */
export class DeflateDecoder {
	/** True once the final block has been decoded and all its output handed out. */
	done = false;

	private bytesPushed = 0;
	private input: Uint8Array = EMPTY;
	private inPos = 0;
	private inputEnded = false;
	private bitBuf = 0;
	private bitCount = 0;
	// Not zero-filled: only bytes the decoder has written are ever handed out or copied.
	private out: Uint8Array = Buffer.allocUnsafe(FIRST_LIMIT + MAX_MATCH);
	private outLimit = FIRST_LIMIT;
	private outPos = 0;
	private emitPos = 0;
	private state: State = 'header';
	private lastBlock = false;
	private storedLeft = 0;
	private literal: HuffmanTable | undefined;
	private distance: HuffmanTable | undefined;
	/** The chunk whose first BRIDGE_BYTES follow the carried-over bytes in `input` (see push()). */
	private continuation: Uint8Array | undefined;
	/** Where the continuation starts in the bridge buffer. */
	private bridgeOffset = 0;
	// Dynamic blocks build their codes into these (fixed blocks use the shared fixed tables).
	private readonly dynamicLiteral = newHuffmanTable(286);
	private readonly dynamicDistance = newHuffmanTable(30);
	private readonly codeLengthCode = newHuffmanTable(19);
	private readonly codeLengths = new Uint8Array(286 + 30);
	private readonly codeLengthLengths = new Uint8Array(19);

	/** `makeError` builds what next() throws for invalid data (a DeflateError by default). */
	constructor(private readonly makeError: (reason: string) => Error = (r) => new DeflateError(r)) {}

	/**
	 * Adds compressed bytes. Bytes the decoder could not use yet (at most a few hundred) go in
	 * front of them: joined with the start of the new chunk in a small bridge buffer, after
	 * which decoding moves on to the chunk itself, so the input is never copied as a whole.
	 */
	push(chunk: Uint8Array): void {
		this.bytesPushed += chunk.length;
		if (this.continuation) {
			// Only when push() is called before next() asked for input: keep every byte anyway.
			const unused = this.input.subarray(this.inPos);
			const after = this.continuation.subarray(BRIDGE_BYTES);
			this.input = new Uint8Array(unused.length + after.length);
			this.input.set(unused, 0);
			this.input.set(after, unused.length);
			this.inPos = 0;
			this.continuation = undefined;
		}
		const rest = this.input.length - this.inPos;
		this.inPos = 0;
		if (rest === 0) {
			this.input = chunk;
			return;
		}
		const head = chunk.length <= BRIDGE_BYTES ? chunk : chunk.subarray(0, BRIDGE_BYTES);
		const bridge = new Uint8Array(rest + head.length);
		bridge.set(this.input.subarray(this.input.length - rest), 0);
		bridge.set(head, rest);
		this.input = bridge;
		if (head !== chunk) {
			this.continuation = chunk;
			this.bridgeOffset = rest;
		}
	}

	end(): void {
		this.inputEnded = true;
	}

	/** Input bytes not decoded yet; once `done`, the bytes after the end of the deflate stream. */
	get unusedInput(): number {
		const beyondBridge = this.continuation ? this.continuation.length - BRIDGE_BYTES : 0;
		return this.input.length - this.inPos + (this.bitCount >>> 3) + beyondBridge;
	}

	/** Compressed bytes decoded so far. */
	get bytesConsumed(): number {
		return this.bytesPushed - this.unusedInput;
	}

	/** The next piece of output, or null when more input is needed or the stream is done. */
	next(): Uint8Array | null {
		for (;;) {
			if (this.outPos >= this.outLimit) return this.emit();
			if (this.step()) continue;
			if (this.state === 'done') {
				if (this.outPos > this.emitPos) return this.emit();
				this.done = true;
				return null;
			}
			if (this.continuation && this.inPos >= this.bridgeOffset) {
				// The bridge is used up to where it mirrors the chunk: go on in the chunk itself.
				this.input = this.continuation;
				this.inPos -= this.bridgeOffset;
				this.continuation = undefined;
				continue;
			}
			if (this.outPos > this.emitPos) return this.emit();
			if (this.inputEnded) throw this.error('unexpected end of data');
			return null;
		}
	}

	/** Hands out the output since the last piece, as a view; starts a new buffer when this one is full. */
	private emit(): Uint8Array {
		const piece = this.out.subarray(this.emitPos, this.outPos);
		this.emitPos = this.outPos;
		if (this.outPos >= this.outLimit) {
			// The pieces handed out keep viewing the old buffer; only the window moves over
			// (every buffer holds at least HISTORY bytes when it is full).
			const fresh = Buffer.allocUnsafe(BUFFER_BYTES);
			fresh.set(this.out.subarray(this.outPos - HISTORY, this.outPos), 0);
			this.out = fresh;
			this.outLimit = OUT_LIMIT;
			this.outPos = HISTORY;
			this.emitPos = HISTORY;
		}
		return piece;
	}

	/** Works on the current state; false when nothing more can be done without input (or at the end). */
	private step(): boolean {
		switch (this.state) {
			case 'header':
				return this.readBlockHeader();
			case 'stored':
				return this.copyStored();
			case 'codes':
				return this.decodeCodes();
			default:
				return false;
		}
	}

	private error(reason: string): Error {
		return this.makeError(reason);
	}

	private available(): number {
		return this.input.length - this.inPos;
	}

	/** `count` bits (≤ 24), bounds-checked: for headers, never in the hot loop. */
	private bits(count: number): number {
		while (this.bitCount < count) {
			if (this.inPos >= this.input.length) throw this.error('unexpected end of data');
			this.bitBuf |= this.input[this.inPos++] << this.bitCount;
			this.bitCount += 8;
		}
		const value = this.bitBuf & ((1 << count) - 1);
		this.bitBuf >>>= count;
		this.bitCount -= count;
		return value;
	}

	private readBlockHeader(): boolean {
		if (this.lastBlock) {
			this.state = 'done';
			return false;
		}
		if (!this.inputEnded && this.available() < HEADER_INPUT) return false;
		if (this.inputEnded && this.available() === 0 && this.bitCount < 3) return false;
		this.lastBlock = this.bits(1) === 1;
		const type = this.bits(2);
		if (type === 0) {
			// Stored: skip to a byte boundary, then LEN and its complement.
			this.bits(this.bitCount & 7);
			const length = this.bits(16);
			const complement = this.bits(16);
			if ((length ^ 0xffff) !== complement) throw this.error('invalid stored block lengths');
			this.storedLeft = length;
			this.state = 'stored';
		} else if (type === 1) {
			this.literal = FIXED_TABLES.literal;
			this.distance = FIXED_TABLES.distance;
			this.state = 'codes';
		} else if (type === 2) {
			this.readDynamicTables();
			this.state = 'codes';
		} else {
			throw this.error('invalid block type');
		}
		return true;
	}

	private readDynamicTables(): void {
		const literalCount = this.bits(5) + 257;
		const distanceCount = this.bits(5) + 1;
		const codeLengthCount = this.bits(4) + 4;
		if (literalCount > 286 || distanceCount > 30) {
			throw this.error('too many length or distance symbols');
		}
		const codeLengthLengths = this.codeLengthLengths;
		codeLengthLengths.fill(0);
		for (let i = 0; i < codeLengthCount; i++)
			codeLengthLengths[CODE_LENGTH_ORDER[i]] = this.bits(3);
		const codeLengths = buildHuffmanTable(codeLengthLengths, 19, false, this.codeLengthCode);
		if (typeof codeLengths === 'string')
			throw this.error(`invalid code lengths set (${codeLengths})`);

		const total = literalCount + distanceCount;
		const lengths = this.codeLengths;
		for (let i = 0; i < total; ) {
			const symbol = this.decodeHeaderSymbol(codeLengths);
			if (symbol < 16) {
				lengths[i++] = symbol;
				continue;
			}
			let repeat: number;
			let value = 0;
			if (symbol === 16) {
				if (i === 0) throw this.error('invalid bit length repeat');
				value = lengths[i - 1];
				repeat = 3 + this.bits(2);
			} else if (symbol === 17) {
				repeat = 3 + this.bits(3);
			} else {
				repeat = 11 + this.bits(7);
			}
			if (i + repeat > total) throw this.error('invalid bit length repeat');
			lengths.fill(value, i, i + repeat);
			i += repeat;
		}
		if (lengths[256] === 0) throw this.error('invalid code -- missing end-of-block');
		const literal = buildHuffmanTable(lengths, literalCount, true, this.dynamicLiteral);
		if (typeof literal === 'string') throw this.error(`invalid literal/lengths set (${literal})`);
		const distance = buildHuffmanTable(
			lengths.subarray(literalCount, total),
			distanceCount,
			true,
			this.dynamicDistance,
		);
		if (typeof distance === 'string') throw this.error(`invalid distances set (${distance})`);
		this.literal = literal;
		this.distance = distance;
	}

	/** One code-length symbol: a table lookup when enough bits are at hand, else bit by bit. */
	private decodeHeaderSymbol(table: HuffmanTable): number {
		while (this.bitCount < 16 && this.inPos < this.input.length) {
			this.bitBuf |= this.input[this.inPos++] << this.bitCount;
			this.bitCount += 8;
		}
		const entry = table.fast[this.bitBuf & ((1 << FAST_BITS) - 1)];
		const length = entry & 15;
		if (entry === 0 || length > this.bitCount) return this.decodeSlowly(table);
		this.bitBuf >>>= length;
		this.bitCount -= length;
		return entry >>> 4;
	}

	/** Decodes one symbol bit by bit (long codes, and near the end of input). */
	private decodeSlowly(table: HuffmanTable): number {
		let code = 0;
		let first = 0;
		let index = 0;
		for (let length = 1; length <= 15; length++) {
			code |= this.bits(1);
			const count = table.counts[length];
			if (code - first < count) return table.symbols[index + code - first];
			index += count;
			first = (first + count) << 1;
			code <<= 1;
		}
		throw this.error('invalid code');
	}

	private copyStored(): boolean {
		// Whole bytes still in the bit buffer come first (only right after the header).
		while (this.storedLeft > 0 && this.bitCount >= 8) {
			if (this.outPos >= this.outLimit) return true;
			this.out[this.outPos++] = this.bits(8);
			this.storedLeft--;
		}
		const room = this.outLimit - this.outPos;
		const count = Math.min(this.storedLeft, this.available(), room);
		if (count > 0) {
			this.out.set(this.input.subarray(this.inPos, this.inPos + count), this.outPos);
			this.inPos += count;
			this.outPos += count;
			this.storedLeft -= count;
		}
		if (this.storedLeft === 0) {
			this.state = 'header';
			return true;
		}
		return count > 0;
	}

	/**
	 * Decodes literal/length and distance codes until the end of the block, the end of the
	 * current output piece, or the end of the input that is safe to read without bounds checks
	 * (then the last few bytes are decoded carefully, or kept for the next push()).
	 *
	 * This is the hot loop, and it holds both Huffman decoders: the literal/length decoder and,
	 * right after any length symbol, the distance decoder. Both are the same steps (refill the bit
	 * buffer, one lookup in the table's `fast` array, decodeSlowly() for a code longer than
	 * FAST_BITS) on different tables, and they are written out inline on purpose: the bit buffer,
	 * bit count and positions live in local variables for the whole loop, where a shared
	 * decodeSymbol(table) method would have to store them back into `this` and reload them for
	 * every symbol. Only the rare slow path does that. Keep the two copies in step when changing
	 * either; decodeCarefully() below is the bounds-checked version of the same sequence.
	 */
	private decodeCodes(): boolean {
		const literal = this.literal!;
		const distance = this.distance!;
		const litFast = literal.fast;
		const distFast = distance.fast;
		const input = this.input;
		const out = this.out;
		const fastMask = (1 << FAST_BITS) - 1;
		const safeEnd = input.length - SYMBOL_INPUT;
		const outEnd = this.outLimit;
		let inPos = this.inPos;
		let bitBuf = this.bitBuf;
		let bitCount = this.bitCount;
		let outPos = this.outPos;
		let blockEnded = false;
		const startPos = inPos;
		const startOut = outPos;

		while (inPos < safeEnd && outPos < outEnd) {
			if (bitCount < 15) {
				bitBuf |= (input[inPos] | (input[inPos + 1] << 8)) << bitCount;
				inPos += 2;
				bitCount += 16;
			}
			let entry = litFast[bitBuf & fastMask];
			let symbol: number;
			if (entry !== 0) {
				symbol = entry >>> 4;
				const length = entry & 15;
				bitBuf >>>= length;
				bitCount -= length;
			} else {
				this.inPos = inPos;
				this.bitBuf = bitBuf;
				this.bitCount = bitCount;
				symbol = this.decodeSlowly(literal);
				inPos = this.inPos;
				bitBuf = this.bitBuf;
				bitCount = this.bitCount;
			}
			if (symbol < 256) {
				out[outPos++] = symbol;
				continue;
			}
			if (symbol === 256) {
				blockEnded = true;
				break;
			}
			if (symbol > 285) throw this.error('invalid literal/length code');

			if (bitCount < 16) {
				bitBuf |= (input[inPos] | (input[inPos + 1] << 8)) << bitCount;
				inPos += 2;
				bitCount += 16;
			}
			const lengthCode = LENGTH_CODES[symbol - 257];
			const lengthExtra = lengthCode & 15;
			const matchLength = (lengthCode >>> 4) + (bitBuf & ((1 << lengthExtra) - 1));
			bitBuf >>>= lengthExtra;
			bitCount -= lengthExtra;

			if (bitCount < 15) {
				bitBuf |= (input[inPos] | (input[inPos + 1] << 8)) << bitCount;
				inPos += 2;
				bitCount += 16;
			}
			entry = distFast[bitBuf & fastMask];
			let distanceSymbol: number;
			if (entry !== 0) {
				distanceSymbol = entry >>> 4;
				const length = entry & 15;
				bitBuf >>>= length;
				bitCount -= length;
			} else {
				this.inPos = inPos;
				this.bitBuf = bitBuf;
				this.bitCount = bitCount;
				distanceSymbol = this.decodeSlowly(distance);
				inPos = this.inPos;
				bitBuf = this.bitBuf;
				bitCount = this.bitCount;
			}
			if (distanceSymbol > 29) throw this.error('invalid distance code');
			const distanceCode = DISTANCE_CODES[distanceSymbol];
			const distanceExtra = distanceCode & 15;
			if (bitCount < distanceExtra) {
				bitBuf |= (input[inPos] | (input[inPos + 1] << 8)) << bitCount;
				inPos += 2;
				bitCount += 16;
			}
			const matchDistance = (distanceCode >>> 4) + (bitBuf & ((1 << distanceExtra) - 1));
			bitBuf >>>= distanceExtra;
			bitCount -= distanceExtra;
			if (matchDistance > outPos) throw this.error('invalid distance too far back');

			let from = outPos - matchDistance;
			const end = outPos + matchLength;
			if (matchDistance >= matchLength && matchLength > 32) {
				out.copyWithin(outPos, from, from + matchLength);
				outPos = end;
			} else {
				while (outPos < end) out[outPos++] = out[from++];
			}
		}

		// Bytes loaded into the bit buffer beyond what was used go back to the input, so the
		// buffer never holds more than a few bits between calls.
		const spareBytes = bitCount >>> 3;
		inPos -= spareBytes;
		bitCount -= spareBytes * 8;
		bitBuf &= (1 << bitCount) - 1;
		this.inPos = inPos;
		this.bitBuf = bitBuf;
		this.bitCount = bitCount;
		this.outPos = outPos;

		if (blockEnded) {
			this.state = 'header';
			return true;
		}
		if (outPos >= outEnd) return true;
		// Near the end of the input: decode symbol by symbol with checked reads if this is the
		// last input, otherwise wait for more.
		if (!this.inputEnded) return inPos !== startPos || outPos !== startOut;
		return this.decodeCarefully();
	}

	/** One symbol with bounds-checked reads (only for the last few bytes of the whole stream). */
	private decodeCarefully(): boolean {
		if (this.available() === 0 && this.bitCount === 0) return false;
		const symbol = this.decodeSlowly(this.literal!);
		if (symbol < 256) {
			this.out[this.outPos++] = symbol;
			return true;
		}
		if (symbol === 256) {
			this.state = 'header';
			return true;
		}
		if (symbol > 285) throw this.error('invalid literal/length code');
		const lengthCode = LENGTH_CODES[symbol - 257];
		const matchLength = (lengthCode >>> 4) + this.bits(lengthCode & 15);
		const distanceSymbol = this.decodeSlowly(this.distance!);
		if (distanceSymbol > 29) throw this.error('invalid distance code');
		const distanceCode = DISTANCE_CODES[distanceSymbol];
		const matchDistance = (distanceCode >>> 4) + this.bits(distanceCode & 15);
		if (matchDistance > this.outPos) throw this.error('invalid distance too far back');
		const out = this.out;
		let from = this.outPos - matchDistance;
		for (let i = 0; i < matchLength; i++) out[this.outPos++] = out[from++];
		return true;
	}
}
