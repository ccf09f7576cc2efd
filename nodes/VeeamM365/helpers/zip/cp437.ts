// Code page 437 characters for bytes 0x80–0xFF (the low half is ASCII).
const HIGH_HALF =
	'ÇüéâäàåçêëèïîìÄÅ' +
	'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
	'áíóúñÑªº¿⌐¬½¼¡«»' +
	'░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
	'└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
	'╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
	'αßΓπΣσµτΦΘΩδ∞φε∩' +
	'≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export function decodeCp437(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		text += byte < 0x80 ? String.fromCharCode(byte) : HIGH_HALF[byte - 0x80];
	}
	return text;
}
