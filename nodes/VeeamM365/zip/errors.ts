export type ZipLimitName = 'maxEntryBytes' | 'maxTotalBytes' | 'maxCompressionRatio' | 'maxEntries';

/** The archive is not a well-formed ZIP (corrupt, truncated, inconsistent or using unsupported features). */
export class ZipFormatError extends Error {
	readonly entryName?: string;

	constructor(message: string, entryName?: string) {
		super(message);
		this.name = 'ZipFormatError';
		this.entryName = entryName;
	}
}

/** The archive exceeds one of the configured ZipLimits (zip-bomb protection). */
export class ZipLimitError extends Error {
	readonly limit: ZipLimitName;
	readonly limitValue: number;
	readonly entryName?: string;

	constructor(message: string, limit: ZipLimitName, limitValue: number, entryName?: string) {
		super(message);
		this.name = 'ZipLimitError';
		this.limit = limit;
		this.limitValue = limitValue;
		this.entryName = entryName;
	}
}

/** Quotes an entry name for an error message, escaping control characters. */
export function quoteName(name: string): string {
	return JSON.stringify(name);
}
