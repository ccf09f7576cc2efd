import { quoteName, ZipLimitError } from './errors';
import type { ZipLimitName } from './errors';

export interface ZipLimits {
	/** Largest uncompressed size of a single entry, in bytes. */
	maxEntryBytes?: number;
	/** Largest uncompressed size of all entries together, in bytes. */
	maxTotalBytes?: number;
	/** Largest uncompressed/compressed ratio of a deflated entry (checked once 1 MiB is inflated). */
	maxCompressionRatio?: number;
	/** Largest number of entries (files and directories). */
	maxEntries?: number;
}

/** The ratio is only judged after this much output, so small, very compressible files pass. */
export const RATIO_CHECK_AFTER_BYTES = 1024 * 1024;

export class LimitTracker {
	private entries = 0;
	private totalBytes = 0;

	constructor(private readonly limits: ZipLimits) {
		for (const [key, value] of Object.entries(limits)) {
			if (
				value !== undefined &&
				!(typeof value === 'number' && value >= 0 && !Number.isNaN(value))
			) {
				throw new TypeError(`ZIP limit ${key} must be a non-negative number`);
			}
		}
	}

	/** Called for each local header, with the sizes it declares (if any). */
	startEntry(
		name: string,
		declared: { uncompressed?: number; compressed?: number; deflated: boolean },
	): void {
		this.entries++;
		const { maxEntries, maxEntryBytes, maxTotalBytes } = this.limits;
		if (maxEntries !== undefined && this.entries > maxEntries) {
			this.fail('maxEntries', `ZIP archive has more than ${maxEntries} entries`);
		}
		const size = declared.uncompressed;
		if (size === undefined) return;
		if (maxEntryBytes !== undefined && size > maxEntryBytes) {
			this.fail('maxEntryBytes', `ZIP entry ${quoteName(name)} declares ${size} bytes`, name);
		}
		if (maxTotalBytes !== undefined && this.totalBytes + size > maxTotalBytes) {
			this.fail(
				'maxTotalBytes',
				`ZIP archive contents would exceed ${maxTotalBytes} bytes with entry ${quoteName(name)}`,
				name,
			);
		}
		if (declared.deflated && declared.compressed !== undefined) {
			this.checkRatio(name, size, declared.compressed);
		}
	}

	/** Called for each chunk of uncompressed output. */
	addOutput(
		name: string,
		chunkBytes: number,
		entryBytes: number,
		compressedBytes: number,
		deflated: boolean,
	): void {
		this.totalBytes += chunkBytes;
		const { maxEntryBytes, maxTotalBytes } = this.limits;
		if (maxEntryBytes !== undefined && entryBytes > maxEntryBytes) {
			this.fail(
				'maxEntryBytes',
				`ZIP entry ${quoteName(name)} is larger than ${maxEntryBytes} bytes`,
				name,
			);
		}
		if (maxTotalBytes !== undefined && this.totalBytes > maxTotalBytes) {
			this.fail(
				'maxTotalBytes',
				`ZIP archive contents exceed ${maxTotalBytes} bytes in total`,
				name,
			);
		}
		if (deflated) this.checkRatio(name, entryBytes, compressedBytes);
	}

	private checkRatio(name: string, uncompressed: number, compressed: number): void {
		const max = this.limits.maxCompressionRatio;
		if (max === undefined || uncompressed < RATIO_CHECK_AFTER_BYTES) return;
		const ratio = uncompressed / Math.max(compressed, 1);
		if (ratio > max) {
			this.fail(
				'maxCompressionRatio',
				`ZIP entry ${quoteName(name)} expands more than ${max}:1 (${Math.round(ratio)}:1 after ${uncompressed} bytes), which looks like a zip bomb`,
				name,
			);
		}
	}

	private fail(limit: ZipLimitName, message: string, entryName?: string): never {
		const value = this.limits[limit] as number;
		throw new ZipLimitError(`${message} (limit ${limit} = ${value})`, limit, value, entryName);
	}
}
