import { decodeUtf8Strict } from '../zip';

export interface ContentDisposition {
	/** Lower-cased disposition type, e.g. 'attachment' or 'inline'. */
	type?: string;
	/** The file name as sent (not sanitized). */
	fileName?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a Content-Disposition header (RFC 6266, with RFC 5987/8187 `filename*`). Never throws:
 * whatever cannot be understood is left out of the result.
 */
export function parseContentDisposition(header: string | undefined): ContentDisposition {
	if (typeof header !== 'string') return {};
	const { type, parameters } = splitHeader(header);
	const result: ContentDisposition = {};
	if (type !== undefined) result.type = type;
	const extended = parameters.get('filename*');
	const fileName =
		(extended !== undefined ? decodeExtendedValue(extended) : undefined) ??
		decodePlainValue(parameters.get('filename'));
	if (fileName) result.fileName = fileName;
	return result;
}

function splitHeader(header: string): { type?: string; parameters: Map<string, string> } {
	const parameters = new Map<string, string>();
	let type: string | undefined;
	let i = 0;
	let first = true;
	while (i < header.length) {
		while (i < header.length && (header[i] === ';' || isSpace(header[i]))) i++;
		if (i >= header.length) break;
		const nameStart = i;
		while (i < header.length && header[i] !== '=' && header[i] !== ';') i++;
		const name = header.slice(nameStart, i).trim().toLowerCase();
		if (header[i] !== '=') {
			if (first && TOKEN.test(name)) type = name;
			first = false;
			continue;
		}
		i++; // '='
		while (i < header.length && isSpace(header[i])) i++;
		let value: string;
		if (header[i] === '"') {
			const quoted = readQuotedString(header, i);
			value = quoted.value;
			i = quoted.end;
			while (i < header.length && header[i] !== ';') i++; // ignore junk after the closing quote
		} else {
			const valueStart = i;
			while (i < header.length && header[i] !== ';') i++;
			value = header.slice(valueStart, i).trim();
		}
		if (name && !parameters.has(name)) parameters.set(name, value);
		first = false;
	}
	return { type, parameters };
}

/** Reads a quoted-string starting at the opening quote; an unterminated one runs to the end. */
function readQuotedString(text: string, openingQuote: number): { value: string; end: number } {
	let value = '';
	let i = openingQuote + 1;
	while (i < text.length) {
		const char = text[i];
		if (char === '"') return { value, end: i + 1 };
		if (char === '\\' && i + 1 < text.length) {
			value += text[i + 1];
			i += 2;
			continue;
		}
		value += char;
		i++;
	}
	return { value, end: i };
}

function isSpace(char: string): boolean {
	return char === ' ' || char === '\t';
}

/** `charset'language'percent-encoded` → text; undefined if the value is malformed. */
function decodeExtendedValue(raw: string): string | undefined {
	let value = raw;
	if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
	const match = /^([^']*)'[^']*'(.*)$/s.exec(value);
	if (!match) return undefined;
	const charset = match[1].trim().toLowerCase();
	const utf8 = charset === 'utf-8' || charset === 'utf8';
	const bytes = percentDecode(match[2], utf8);
	if (bytes === undefined) return undefined;
	if (utf8) return decodeUtf8(bytes);
	if (charset === 'iso-8859-1' || charset === 'latin1' || charset === 'us-ascii') {
		return String.fromCharCode(...bytes);
	}
	return undefined;
}

function percentDecode(text: string, utf8: boolean): number[] | undefined {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '%') {
			const hex = text.slice(i + 1, i + 3);
			if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
			bytes.push(parseInt(hex, 16));
			i += 2;
			continue;
		}
		// Raw non-ASCII characters are not allowed here, but are common; take them as they are.
		const code = text.codePointAt(i) as number;
		if (code > 0xffff) i++;
		if (code < 0x80) bytes.push(code);
		else if (utf8) bytes.push(...Buffer.from(String.fromCodePoint(code), 'utf8'));
		else if (code <= 0xff) bytes.push(code);
		else return undefined;
	}
	return bytes;
}

function decodeUtf8(bytes: number[]): string | undefined {
	return decodeUtf8Strict(Uint8Array.from(bytes));
}

// HTTP header values reach us as Latin-1; servers that put raw UTF-8 into `filename` produce
// mojibake like "MÃ¼ller". If the value is valid UTF-8 when taken as bytes, use that.
function decodePlainValue(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const codes = Array.from(value, (char) => char.charCodeAt(0));
	if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return value;
	return decodeUtf8(codes) ?? value;
}
