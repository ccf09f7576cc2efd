const MAX_NAME_BYTES = 255;
const LAST_RESORT_NAME = 'file';

// Bidirectional marks, embeddings, overrides and isolates (used to disguise extensions).
const BIDI_CHARACTERS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_INVALID = /[<>:"|?*]/g;
const WINDOWS_DEVICE =
	/^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])\s*(\..*)?$/i;

/**
 * Makes `name` (from an HTTP header or a ZIP entry) safe as a file name on any OS: no directory
 * parts, no control or bidi characters, nothing Windows rejects, at most 255 UTF-8 bytes.
 * Falls back to `fallback` (also sanitized) when nothing usable is left.
 */
export function sanitizeFileName(name: string, fallback: string): string {
	return clean(name) ?? clean(fallback) ?? LAST_RESORT_NAME;
}

function clean(name: string): string | undefined {
	if (typeof name !== 'string') return undefined;
	const text = removeControlCharacters(name.normalize('NFC')).replace(BIDI_CHARACTERS, '');
	const segments = text.split(/[\\/]/).filter((segment) => segment.trim() !== '');
	let result = (segments[segments.length - 1] ?? '').replace(WINDOWS_INVALID, '_');
	result = trimName(result);
	if (result === '' || result === '.' || result === '..') return undefined;
	if (WINDOWS_DEVICE.test(result)) result = '_' + result;
	return limitUtf8Length(result, MAX_NAME_BYTES);
}

/** Removes C0 controls, DEL and C1 controls. */
function removeControlCharacters(text: string): string {
	let result = '';
	for (const char of text) {
		const code = char.charCodeAt(0);
		if (code > 0x1f && (code < 0x7f || code > 0x9f)) result += char;
	}
	return result;
}

// Windows drops trailing dots and spaces; leading spaces are easy to overlook.
function trimName(name: string): string {
	return name.replace(/^\s+/, '').replace(/[.\s]+$/, '');
}

/** Splits "name.ext" into ["name", ".ext"]; a leading dot (".profile") is not an extension. */
export function splitExtension(name: string): [string, string] {
	const dot = name.lastIndexOf('.');
	if (dot <= 0) return [name, ''];
	return [name.slice(0, dot), name.slice(dot)];
}

function utf8Length(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** Shortens the part before the extension (by whole characters) until the name fits. */
export function limitUtf8Length(name: string, maxBytes: number): string {
	if (utf8Length(name) <= maxBytes) return name;
	let [base, extension] = splitExtension(name);
	if (utf8Length(extension) > maxBytes / 2) {
		base = name;
		extension = '';
	}
	const kept = truncateUtf8(base, maxBytes - utf8Length(extension)).replace(/[.\s]+$/, '');
	return (kept === '' ? '_' : kept) + extension;
}

function truncateUtf8(text: string, maxBytes: number): string {
	let kept = '';
	let used = 0;
	for (const char of text) {
		used += utf8Length(char);
		if (used > maxBytes) break;
		kept += char;
	}
	return kept;
}

/**
 * Makes names unique, ignoring case (as Windows and macOS file systems do): repeats get
 * " (2)", " (3)", … before the extension. Names that are already unique keep their name, and a
 * generated name never takes a name that appears later in the list.
 */
export function uniqueFileNames(names: string[]): string[] {
	const key = (name: string): string => name.normalize('NFC').toLowerCase();
	const taken = new Set(names.map(key));
	const assigned = new Set<string>();
	return names.map((name) => {
		if (!assigned.has(key(name))) {
			assigned.add(key(name));
			return name;
		}
		const [base, extension] = splitExtension(name);
		for (let counter = 2; ; counter++) {
			const suffix = ` (${counter})${extension}`;
			let candidate = base + suffix;
			if (utf8Length(candidate) > MAX_NAME_BYTES) {
				candidate = truncateUtf8(base, MAX_NAME_BYTES - utf8Length(suffix)) + suffix;
			}
			if (!taken.has(key(candidate)) && !assigned.has(key(candidate))) {
				taken.add(key(candidate));
				assigned.add(key(candidate));
				return candidate;
			}
		}
	});
}
