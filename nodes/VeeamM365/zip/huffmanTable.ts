// Canonical Huffman codes of DEFLATE (RFC 1951, 3.2.2), as lookup tables for a decoder that
// reads the bit stream least-significant bit first.

/** Codes up to this many bits are decoded with one table lookup; longer ones take a slow path. */
export const FAST_BITS = 10;

const MAX_BITS = 15;

export interface HuffmanTable {
	/**
	 * Indexed by the next FAST_BITS bits of the stream: `symbol << 4 | codeLength`, or 0 when
	 * the code is longer than FAST_BITS bits or the bits start no code at all.
	 */
	fast: Uint16Array;
	/** Number of codes of each length (index 1–15). */
	counts: Uint16Array;
	/** Symbols ordered by code, for the slow path. */
	symbols: Uint16Array;
}

/** An empty table with room for `maxSymbols` symbols, for buildHuffmanTable(…, into). */
export function newHuffmanTable(maxSymbols: number): HuffmanTable {
	return {
		fast: new Uint16Array(1 << FAST_BITS),
		counts: new Uint16Array(MAX_BITS + 1),
		symbols: new Uint16Array(maxSymbols),
	};
}

/**
 * Builds the table for code lengths `lengths[0 … count - 1]` (0 = symbol unused), into `into`
 * when given (a DEFLATE stream has a new code every few dozen KiB; reusing the arrays avoids
 * garbage). Returns an error text for an over-subscribed set, and for an incomplete one unless
 * `allowIncomplete` (DEFLATE permits an incomplete literal/length or distance code only if it
 * is a single one-bit code, or has no codes at all).
 */
export function buildHuffmanTable(
	lengths: Uint8Array,
	count: number,
	allowIncomplete: boolean,
	into: HuffmanTable = newHuffmanTable(count),
): HuffmanTable | string {
	const { counts, symbols, fast } = into;
	counts.fill(0);
	for (let symbol = 0; symbol < count; symbol++) counts[lengths[symbol]]++;
	counts[0] = 0;

	let left = 1;
	let maxLength = 0;
	for (let length = 1; length <= MAX_BITS; length++) {
		left = (left << 1) - counts[length];
		if (left < 0) return 'over-subscribed Huffman code';
		if (counts[length] > 0) maxLength = length;
	}
	if (left > 0 && !(allowIncomplete && maxLength <= 1)) return 'incomplete Huffman code';

	// First canonical code of each length, and where its symbols start in `symbols`.
	const nextCode = new Uint16Array(MAX_BITS + 1);
	const offsets = new Uint16Array(MAX_BITS + 2);
	for (let length = 1, code = 0; length <= MAX_BITS; length++) {
		code = (code + counts[length - 1]) << 1;
		nextCode[length] = code;
		offsets[length + 1] = offsets[length] + counts[length];
	}
	fast.fill(0);
	// Within one length, codes follow the symbol order, so symbols are filled in as they come.
	for (let symbol = 0; symbol < count; symbol++) {
		const length = lengths[symbol];
		if (length === 0) continue;
		const code = nextCode[length]++;
		symbols[offsets[length]++] = symbol;
		if (length <= FAST_BITS) {
			const entry = (symbol << 4) | length;
			for (let index = reverseBits(code, length); index < fast.length; index += 1 << length) {
				fast[index] = entry;
			}
		}
	}
	return into;
}

function reverseBits(code: number, length: number): number {
	let reversed = 0;
	for (let i = 0; i < length; i++) {
		reversed = (reversed << 1) | (code & 1);
		code >>>= 1;
	}
	return reversed;
}
