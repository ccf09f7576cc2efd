'use strict';
// Real, viewable PNG and PDF attachments of an exact size, so n8n's binary preview shows them:
// a small picture or a one-page PDF naming the file, padded up to the fixture's size with
// deterministic filler that the format ignores (a private PNG chunk, PDF comment lines).
//
// A frame splits the file into head | filler | tail. content.js produces the filler bytes block
// by block and calls `apply` on each block in order, so a file is never held whole in memory;
// the PNG tail holds the filler chunk's CRC, which is known once the filler has gone through.
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

/** CRC-32 as PNG (and ZIP) define it; `previous` continues an earlier value. */
function crc32(buf, previous = 0) {
	if (typeof zlib.crc32 === 'function') return zlib.crc32(buf, previous);
	let c = ~previous >>> 0;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

function u32(value) {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(value >>> 0);
	return b;
}

function pngChunk(type, data) {
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	return Buffer.concat([u32(data.length), typeAndData, u32(crc32(typeAndData))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Ancillary, private, safe-to-copy: decoders skip it.
const PNG_FILLER_TYPE = 'vbPd';
const PNG_WIDTH = 160;
const PNG_HEIGHT = 120;

/** RGB pixels: a light background with a few coloured boxes picked by `key`. */
function pngPixels(key) {
	const rows = [];
	const boxes = [0, 1, 2].map((i) => ({
		x: key[i * 5] % 100,
		y: key[i * 5 + 1] % 70,
		w: 30 + (key[i * 5 + 2] % 40),
		h: 20 + (key[i * 5 + 3] % 30),
		rgb: [key[i * 5 + 4], key[(i * 5 + 7) % 32], key[(i * 5 + 11) % 32]].map((v) => 40 + (v % 160)),
	}));
	for (let y = 0; y < PNG_HEIGHT; y++) {
		const row = Buffer.alloc(1 + PNG_WIDTH * 3, 0xf4); // filter byte 0 set below
		row[0] = 0;
		for (let x = 0; x < PNG_WIDTH; x++) {
			const box = boxes.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
			if (box) row.set(box.rgb, 1 + x * 3);
		}
		rows.push(row);
	}
	return Buffer.concat(rows);
}

function pngFrame(size, key) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(PNG_WIDTH, 0);
	ihdr.writeUInt32BE(PNG_HEIGHT, 4);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method variants, no interlace
	const head = Buffer.concat([
		PNG_SIGNATURE,
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', zlib.deflateSync(pngPixels(key))),
	]);
	const iend = pngChunk('IEND', Buffer.alloc(0));
	const fillerLength = size - head.length - 8 - 4 - iend.length;
	if (fillerLength < 0) return undefined;
	const fillerHead = Buffer.concat([u32(fillerLength), Buffer.from(PNG_FILLER_TYPE, 'latin1')]);
	let crc = crc32(Buffer.from(PNG_FILLER_TYPE, 'latin1'));
	return {
		head: Buffer.concat([head, fillerHead]),
		fillerLength,
		fill(bytes) {
			crc = crc32(bytes, crc);
		},
		tail: () => Buffer.concat([u32(crc), iend]),
	};
}

// WinAnsi codes of the characters outside Latin-1 that file names commonly hold.
const WIN_ANSI = {
	'€': 0x80,
	'‚': 0x82,
	'„': 0x84,
	'…': 0x85,
	'‘': 0x91,
	'’': 0x92,
	'“': 0x93,
	'”': 0x94,
	'–': 0x96,
	'—': 0x97,
};

/** A PDF string in WinAnsi encoding, hex-encoded so no character needs escaping ('?' if it has no code). */
function pdfText(text) {
	const codes = Array.from(String(text), (ch) => {
		const code = ch.codePointAt(0);
		return (
			WIN_ANSI[ch] ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code > 0x9f) ? code : 0x3f)
		);
	});
	return `<${Buffer.from(codes).toString('hex')}>`;
}

const pad10 = (n) => String(n).padStart(10, '0');
const PDF_COMMENT_LINE = 100;

function pdfFrame(size, name) {
	const lines = [
		[18, name],
		[11, 'Restored from a Veeam Backup for Microsoft 365 restore point (VB365 simulator).'],
		[11, `Size of this file: ${size} bytes.`],
	];
	const ops = `BT\n/F1 18 Tf\n72 770 Td\n${lines
		.map(
			([fontSize, text], i) => `${i ? '0 -28 Td\n' : ''}/F1 ${fontSize} Tf\n${pdfText(text)} Tj\n`,
		)
		.join('')}ET\n`;
	const header = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
	const objects = [
		'<</Type/Catalog/Pages 2 0 R>>',
		'<</Type/Pages/Kids[3 0 R]/Count 1>>',
		'<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
	].map((body, i) => `${i + 1} 0 obj\n${body}\nendobj\n`);
	// Fixed-width numbers (leading zeros are valid PDF integers) keep head and tail lengths
	// independent of the filler's length.
	const streamStart = (length) => `4 0 obj\n<</Length ${pad10(length)}>>\nstream\n`;
	const font =
		'5 0 obj\n<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>\nendobj\n';
	const streamEnd = '\nendstream\nendobj\n';
	const beforeStream = header + objects.join('');
	const headLength = Buffer.byteLength(beforeStream + streamStart(0) + ops, 'latin1');
	const tailFor = (fillerLength) => {
		const offsets = [];
		let at = Buffer.byteLength(header, 'latin1');
		for (const object of objects) {
			offsets.push(at);
			at += Buffer.byteLength(object, 'latin1');
		}
		offsets.push(at); // object 4, the content stream
		at = headLength + fillerLength + streamEnd.length;
		offsets.push(at); // object 5, the font
		const xrefAt = at + font.length;
		const xref = `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${pad10(o)} 00000 n \n`).join('')}`;
		return `${streamEnd}${font}${xref}trailer\n<</Size 6/Root 1 0 R>>\nstartxref\n${pad10(xrefAt)}\n%%EOF\n`;
	};
	const fillerLength = size - headLength - tailFor(0).length;
	if (fillerLength < 0) return undefined;
	const head = Buffer.from(beforeStream + streamStart(ops.length + fillerLength) + ops, 'latin1');
	return {
		head,
		fillerLength,
		// Filler as comment lines: '%' … '\n', with no other line breaks inside.
		fill(bytes, fillerOffset) {
			for (let i = 0; i < bytes.length; i++) {
				const p = fillerOffset + i;
				const column = p % PDF_COMMENT_LINE;
				if (column === 0) bytes[i] = 0x25;
				else if (column === PDF_COMMENT_LINE - 1 || p === fillerLength - 1) bytes[i] = 0x0a;
				else if (bytes[i] === 0x0a || bytes[i] === 0x0d) bytes[i] = 0x20;
			}
		},
		tail: () => Buffer.from(tailFor(fillerLength), 'latin1'),
	};
}

/**
 * The frame of a `kind` file of `size` bytes, or undefined when the kind has none or the size is
 * too small for a valid file (the filler-only content is used then).
 */
function documentFrame(kind, size, name, key) {
	const frame =
		kind === 'png' ? pngFrame(size, key) : kind === 'pdf' ? pdfFrame(size, name) : undefined;
	if (!frame) return undefined;
	let tail;
	const tailStart = frame.head.length + frame.fillerLength;
	return {
		/** Turns `block` (file bytes from `offset` on, filler so far) into the file's bytes; blocks in order. */
		apply(block, offset) {
			const end = offset + block.length;
			if (offset < frame.head.length) {
				frame.head.copy(block, 0, offset, Math.min(end, frame.head.length));
			}
			const fillFrom = Math.max(offset, frame.head.length);
			const fillTo = Math.min(end, tailStart);
			if (fillFrom < fillTo) {
				frame.fill(
					block.subarray(fillFrom - offset, fillTo - offset),
					fillFrom - frame.head.length,
				);
			}
			if (end > tailStart) {
				tail = tail || frame.tail();
				const from = Math.max(offset, tailStart);
				tail.copy(block, from - offset, from - tailStart, end - tailStart);
			}
			return block;
		},
	};
}

module.exports = { documentFrame, crc32 };
