// Little-endian field readers and small byte helpers shared by the ZIP reader.
import { SIGNATURE } from './constants';
import { ZipFormatError } from './errors';

const TWO_POW_32 = 0x100000000;

export const EMPTY = new Uint8Array(0);

export function u16(bytes: Uint8Array, offset: number): number {
	return bytes[offset] | (bytes[offset + 1] << 8);
}

export function u32(bytes: Uint8Array, offset: number): number {
	return (
		(bytes[offset] |
			(bytes[offset + 1] << 8) |
			(bytes[offset + 2] << 16) |
			(bytes[offset + 3] << 24)) >>>
		0
	);
}

/** Reads a little-endian 64-bit unsigned integer; values above 2^53 - 1 are rejected. */
export function u64(bytes: Uint8Array, offset: number): number {
	const high = u32(bytes, offset + 4);
	if (high > 0x1fffff)
		throw new ZipFormatError('ZIP archive contains a 64-bit size or offset that is too large');
	return high * TWO_POW_32 + u32(bytes, offset);
}

/** Like u64 but never throws; values of 2^53 and more are inexact (fine for comparisons with counts). */
export function u64Loose(bytes: Uint8Array, offset: number): number {
	return u32(bytes, offset + 4) * TWO_POW_32 + u32(bytes, offset);
}

export function splitUint64(value: number): { low: number; high: number } {
	return { low: value % TWO_POW_32, high: Math.floor(value / TWO_POW_32) };
}

/** A Buffer sharing memory with `bytes` (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes)
		? bytes
		: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function hex32(value: number): string {
	return '0x' + value.toString(16).padStart(8, '0');
}

export function isHeaderSignature(bytes: Uint8Array, offset: number): boolean {
	if (bytes.length < offset + 4) return false;
	const signature = u32(bytes, offset);
	return signature === SIGNATURE.localHeader || signature === SIGNATURE.centralHeader;
}
