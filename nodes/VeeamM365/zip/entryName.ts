import { FLAG } from './constants';
import { crc32 } from './crc32';
import { u32 } from './binary';
import { decodeUtf8Strict } from './utf8';

// Code page 437 characters for bytes 0x80–0xFF (the low half is ASCII).
const CP437_HIGH_HALF =
	'ÇüéâäàåçêëèïîìÄÅ' +
	'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
	'áíóúñÑªº¿⌐¬½¼¡«»' +
	'░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
	'└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
	'╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
	'αßΓπΣσµτΦΘΩδ∞φε∩' +
	'≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Entry names are UTF-8 if flagged (bit 11) or given in an Info-ZIP Unicode Path field. Otherwise
 * the ZIP spec says CP437, but Unix and macOS tools often write unflagged UTF-8: a name that is
 * valid UTF-8 and not plain ASCII is taken as UTF-8 (CP437 text almost never is), else CP437.
 */
export function decodeName(rawName: Uint8Array, flags: number, unicodePath?: Uint8Array): string {
	if (flags & FLAG.utf8) return lenientUtf8.decode(rawName);
	if (
		unicodePath &&
		unicodePath.length >= 5 &&
		unicodePath[0] === 1 &&
		u32(unicodePath, 1) === crc32(rawName)
	) {
		return lenientUtf8.decode(unicodePath.subarray(5));
	}
	if (rawName.some((byte) => byte >= 0x80)) {
		const utf8 = decodeUtf8Strict(rawName);
		if (utf8 !== undefined) return utf8;
	}
	return decodeCp437(rawName);
}

export function decodeCp437(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH_HALF[byte - 0x80];
	}
	return text;
}
