import type { ZipLimits } from '../zip';
import type { ExpectedFile } from './expectedFile';

/** Room for servers whose listed sizes are slightly off; a bomb expands by orders of magnitude. */
const LISTED_SIZE_SLACK_BYTES = 1024 * 1024;

/**
 * Limits for unpacking the server's archive: the user's caps, and the sizes VB365 listed for the
 * files it contains (when it listed all of them), so an archive cannot expand beyond
 * what the backup holds.
 */
export function archiveLimits(
	inArchive: ExpectedFile[],
	options: { maxCompressionRatio: number; maxTotalSizeMb: number },
): ZipLimits {
	const limits: ZipLimits = { maxEntries: inArchive.length + 16 };
	if (options.maxCompressionRatio > 0) limits.maxCompressionRatio = options.maxCompressionRatio;
	const caps: number[] = [];
	if (options.maxTotalSizeMb > 0) caps.push(Math.floor(options.maxTotalSizeMb * 1024 * 1024));
	const sizes = inArchive.map((file) => file.sizeBytes);
	if (sizes.every((size): size is number => typeof size === 'number')) {
		const listed = sizes.reduce((sum, size) => sum + size, 0);
		caps.push(listed + Math.ceil(listed / 100) + LISTED_SIZE_SLACK_BYTES);
		limits.maxEntryBytes =
			Math.max(...sizes, 0) + Math.ceil(Math.max(...sizes, 0) / 100) + LISTED_SIZE_SLACK_BYTES;
	}
	if (caps.length > 0) limits.maxTotalBytes = Math.min(...caps);
	return limits;
}

/** Entries a folder or library archive may hold when nothing was listed beforehand. */
export const UNLISTED_ARCHIVE_MAX_ENTRIES = 1_000_000;

/**
 * Limits for an archive whose files are not known beforehand (a folder, a library): only the
 * user's caps, with a ceiling on the number of entries.
 */
export function unlistedArchiveLimits(options: {
	maxCompressionRatio: number;
	maxTotalSizeMb: number;
}): ZipLimits {
	const limits: ZipLimits = { maxEntries: UNLISTED_ARCHIVE_MAX_ENTRIES };
	if (options.maxCompressionRatio > 0) limits.maxCompressionRatio = options.maxCompressionRatio;
	if (options.maxTotalSizeMb > 0) {
		limits.maxTotalBytes = Math.floor(options.maxTotalSizeMb * 1024 * 1024);
	}
	return limits;
}
