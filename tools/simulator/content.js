'use strict';
// Deterministic attachment contents, generated block by block (never whole in memory).
// Each 64 KiB block is a mix of text copied from a shared corpus (compressible) and an
// AES-CTR keystream (incompressible), in a ratio that depends on the file type, so
// archives compress roughly like real documents. PNG and PDF files are real, viewable files
// of the same size with that mix as their padding (documents.js).
const crypto = require('node:crypto');
const { Readable } = require('node:stream');
const { documentFrame } = require('./documents');

const BLOCK = 64 * 1024;
const MAX_IN_MEMORY = 256 * 1024 * 1024;

const KINDS = {
	pdf: { text: 0.3, stored: false, magic: '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n' },
	docx: { text: 0.05, stored: true, magic: 'PK\x03\x04\x14\x00\x06\x00' },
	xlsx: { text: 0.05, stored: true, magic: 'PK\x03\x04\x14\x00\x06\x00' },
	pptx: { text: 0.05, stored: true, magic: 'PK\x03\x04\x14\x00\x06\x00' },
	png: { text: 0.0, stored: true, magic: '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' },
	mp4: { text: 0.0, stored: true, magic: '\x00\x00\x00\x20ftypisom\x00\x00\x02\x00' },
	zip: { text: 0.05, stored: true, magic: 'PK\x03\x04\x14\x00\x08\x00' },
	txt: { text: 0.7, stored: false, magic: '', printable: true },
	csv: { text: 0.7, stored: false, magic: 'id;customer;amount\n', printable: true },
	bak: { text: 0.4, stored: false, magic: 'TAPE\x00\x00\x00\x00' },
	bin: { text: 0.3, stored: false, magic: '' },
};

function kindOf(name) {
	const ext = String(name).toLowerCase().split('.').pop().trim();
	return KINDS[ext] ? ext : 'bin';
}

/** Whether a ZIP should store (not deflate) this file, as archivers do for compressed formats. */
function isStored(kind) {
	return (KINDS[kind] || KINDS.bin).stored;
}

const PHRASES = [
	'The contractor shall deliver the goods to the site named in the order.',
	'Payment is due within thirty days of the invoice date.',
	'Both parties agree to keep the terms of this agreement confidential.',
	'Der Auftragnehmer verpflichtet sich, die Leistungen fristgerecht zu erbringen.',
	'Bitte senden Sie die unterschriebene Fassung bis Ende des Monats zurück.',
	'Ticket escalated to second-level support; customer asked for the signed copy.',
	'Meeting notes: scope confirmed, budget approved, next review in two weeks.',
	'見積書の有効期限は発行日から30日間です。',
	'Delivery address: Contoso Ltd., 1 Microsoft Way, Redmond, WA 98052.',
	'Any amendment to this contract must be made in writing and signed by both parties.',
	'Line 10 | Item 4711 | Quantity 12 | Unit price 19.99 EUR | Total 239.88 EUR',
	'This document was restored from a Veeam Backup for Microsoft 365 restore point.',
];
const CORPUS = (() => {
	const parts = [];
	let i = 0;
	let len = 0;
	while (len < 16 * 1024) {
		const p = PHRASES[(i * 7 + (i >> 2)) % PHRASES.length] + (i % 5 === 4 ? '\n' : ' ');
		parts.push(p);
		len += Buffer.byteLength(p);
		i++;
	}
	return Buffer.from(parts.join(''), 'utf8');
})();

function keyFor(seed, attachmentId) {
	return crypto
		.createHash('sha256')
		.update(`content|${seed}|${String(attachmentId).toLowerCase()}`)
		.digest();
}

const ZEROS = Buffer.alloc(BLOCK);
// Maps random bytes to lowercase letters, spaces and newlines, for text files.
const PRINTABLE = Buffer.from(
	Array.from({ length: 256 }, (_, i) => (i < 208 ? 97 + (i % 26) : i < 250 ? 32 : 10)),
);

function keystream(key, blockIndex, length) {
	const iv = Buffer.alloc(16);
	iv.writeUInt32BE(blockIndex >>> 0, 8);
	return crypto.createCipheriv('aes-256-ctr', key, iv).update(ZEROS.subarray(0, length));
}

/** Builds block `index` (BLOCK bytes, or fewer for the last one) of a file, in place over its keystream. */
function makeBlock(key, kind, index, length) {
	const spec = KINDS[kind] || KINDS.bin;
	const out = keystream(key, index, length);
	let pos = 0;
	while (pos < length) {
		// Decision bytes come from the not-yet-overwritten keystream at the current position.
		const a = out[pos];
		const b = out[Math.min(pos + 1, length - 1)];
		const textual = a / 256 < spec.text;
		const seg = Math.min(length - pos, textual ? 300 + b * 8 : 128 + b * 4);
		if (textual) {
			const from = ((a << 8) | b) % (CORPUS.length - seg);
			CORPUS.copy(out, pos, from, from + seg);
		} else if (spec.printable) {
			for (let i = pos; i < pos + seg; i++) out[i] = PRINTABLE[out[i]];
		}
		pos += seg;
	}
	if (index === 0 && spec.magic) out.write(spec.magic.slice(0, length), 0, 'latin1');
	return out;
}

/** The file's blocks in order; each call starts again from the first byte. */
function* contentBlocks(att, seed) {
	const total = contentSizeOf(att);
	if (att.content === 'zeros') {
		for (let start = 0; start < total; start += BLOCK)
			yield Buffer.alloc(Math.min(BLOCK, total - start));
		return;
	}
	const key = keyFor(seed, att.id);
	const frame = documentFrame(att.kind, total, att.name, key);
	for (let index = 0; index * BLOCK < total; index++) {
		const block = makeBlock(key, att.kind, index, Math.min(BLOCK, total - index * BLOCK));
		yield frame ? frame.apply(block, index * BLOCK) : block;
	}
}

/**
 * A Readable producing the file's bytes on demand (backpressure-friendly).
 * @param {{seed:string,id:string,kind:string,sizeBytes:number}} att
 */
function contentStream(att, seed) {
	const blocks = contentBlocks(att, seed);
	return new Readable({
		highWaterMark: BLOCK,
		read() {
			const next = blocks.next();
			this.push(next.done ? null : next.value);
		},
	});
}

function contentBuffer(att, seed) {
	const size = contentSizeOf(att);
	if (size > MAX_IN_MEMORY) {
		throw new Error(
			`attachment is ${size} bytes; use attachmentStream() for files above ${MAX_IN_MEMORY}`,
		);
	}
	return Buffer.concat([...contentBlocks(att, seed)], size);
}

/** Bytes the attachment really has; differs from the listed `sizeBytes` only for `contentSize` fixtures. */
function contentSizeOf(att) {
	return att.contentSize ?? att.sizeBytes;
}

module.exports = { kindOf, isStored, contentStream, contentBuffer, contentSizeOf, BLOCK };
