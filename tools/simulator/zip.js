'use strict';
// Streams a ZIP of attachments with yazl: entries read lazily from the content generator
// (data descriptors, UTF-8 names), stored for already-compressed types, deflated otherwise.
const zlib = require('node:zlib');
const yazl = require('yazl');
const { contentStream, contentSizeOf, isStored } = require('./content');

// yazl 3.3.1 computes CRC-32 with buffer-crc32's byte loop (~170 MB/s here); node's
// zlib.crc32 gives identical values ~10x faster. Swapped in only after a self-check.
(function useNativeCrc32() {
	if (typeof zlib.crc32 !== 'function') return;
	const lib = require(require.resolve('buffer-crc32', { paths: [require.resolve('yazl')] }));
	const sample = Buffer.from('123456789');
	const native = (buf, previous) => zlib.crc32(buf, previous >>> 0);
	if (
		lib.unsigned(sample) === native(sample) &&
		lib.unsigned(sample, 12345) === native(sample, 12345)
	) {
		lib.unsigned = native;
	}
})();

/** yazl refuses some names; keep the attachment name wherever the format allows it. */
function entryName(name) {
	let n = String(name).replace(/[\\/]/g, '_');
	n = n
		.split('/')
		.map((seg) => (seg === '..' ? '__' : seg))
		.join('/');
	return n.trim() === '' ? 'attachment' : n;
}

/**
 * @param {object[]} attachments fixture attachments
 * @param {object} opts
 * @param {string} opts.seed fixture seed (content generator)
 * @param {boolean} [opts.forceZip64] write ZIP64 records even when not needed
 * @param {number} [opts.corruptCrcEntry] index of an entry whose stored CRC-32 is falsified
 * @returns {import('stream').Readable} the ZIP byte stream
 */
function zipStream(attachments, { seed, forceZip64 = false, corruptCrcEntry }) {
	const zip = new yazl.ZipFile();
	attachments.forEach((att) => {
		const options = {
			mtime: new Date(att.modificationTime),
			mode: 0o100644,
			compress: !isStored(att.kind),
			size: contentSizeOf(att),
			forceZip64Format: forceZip64,
		};
		const open = (cb) => cb(null, contentStream(att, seed));
		if (att.rawZipName) addWithRawName(zip, att.name, options, open);
		else zip.addReadStreamLazy(entryName(att.name), options, open);
	});
	if (corruptCrcEntry !== undefined && zip.entries[corruptCrcEntry])
		falsifyCrc(zip.entries[corruptCrcEntry]);
	zip.end({ forceZip64Format: forceZip64 });
	const out = zip.outputStream;
	zip.on('error', (err) => out.destroy(err));
	return out;
}

// Test-only (hostile fixture): the entry keeps the attachment name byte for byte, `..`, path
// separators and control characters included, which yazl's own checks would refuse. yazl writes
// the local header as soon as the entry is added, so the name is swapped in as the entry is queued.
function addWithRawName(zip, name, options, getStream) {
	zip.entries.push = function pushRenamed(entry) {
		entry.utf8FileName = Buffer.from(name, 'utf8');
		return Array.prototype.push.call(this, entry);
	};
	try {
		zip.addReadStreamLazy('entry', options, getStream);
	} finally {
		delete zip.entries.push;
	}
}

// Test-only: yazl writes an entry's CRC in its data descriptor and central directory record;
// flipping it there (data untouched) makes a checking reader report a CRC mismatch.
function falsifyCrc(entry) {
	for (const method of ['getDataDescriptor', 'getCentralDirectoryRecord']) {
		const original = entry[method];
		entry[method] = function falsified() {
			const real = this.crc32;
			this.crc32 = (real ^ 0x1badf00d) >>> 0;
			try {
				return original.call(this);
			} finally {
				this.crc32 = real;
			}
		};
	}
}

module.exports = { zipStream, entryName };
