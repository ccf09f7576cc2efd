import { sanitizeFileName } from './fileName';

/**
 * Splits an archive entry name into its folder path and file name, for outputs that keep where
 * a file was (a saved folder). The path stays relative and harmless: no empty, "." or ".."
 * parts, both slash kinds taken as separators, each part made safe like a file name.
 */
export function splitEntryPath(entryName: string): { folderPath: string; name: string } {
	const parts = String(entryName)
		.split(/[\\/]/)
		.map((part) => part.trim())
		.filter((part) => part !== '' && part !== '.' && part !== '..');
	const last = parts.pop() ?? '';
	const folders = parts.map((part) => sanitizeFileName(part, '_'));
	return { folderPath: folders.join('/'), name: last };
}
