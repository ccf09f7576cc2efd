'use strict';
const { buildZip } = require('./zip-builder');
const { yazlZip, streamOf, pythonZip } = require('./zip-sources');

const text = (s, times = 1) => Buffer.from(s.repeat(times));

/** Small archives covering the writers and layouts we support, keyed by a label. */
async function mixedArchives() {
	const yazl = await yazlZip((z) => {
		z.addBuffer(text('known size deflated ', 60), 'a.txt');
		z.addReadStream(streamOf(text('descriptor deflated ', 40)), 'b.txt');
		z.addReadStream(streamOf(text('descriptor stored ', 10)), 'c.txt', { compress: false });
		z.addBuffer(Buffer.alloc(0), 'empty.txt');
		z.addEmptyDirectory('dir');
	});
	const yazl64 = await yazlZip(
		(z) => {
			z.addReadStream(streamOf(text('zip64 ', 50)), 'z.txt', { forceZip64Format: true });
			z.addBuffer(text('s'), 's.txt', { compress: false, forceZip64Format: true });
		},
		{ forceZip64Format: true },
	);
	const unsigned = buildZip(
		[
			{
				name: 'u32.txt',
				data: text('unsigned descriptor ', 20),
				method: 8,
				descriptor: 'unsigned32',
			},
			{ name: 'u64.txt', data: text('unsigned 64 ', 20), method: 0, descriptor: 'unsigned64' },
		],
		{ comment: Buffer.from('comment') },
	).zip;
	const python = pythonZip(`
import io, sys, zipfile
with zipfile.ZipFile(sys.stdout.buffer, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('p.txt', b'python ' * 50)
    with z.open('p64.txt', 'w', force_zip64=True) as f: f.write(b'zip64 local extra')
`);
	return { yazl, yazl64, unsigned, ...(python ? { python } : {}) };
}

module.exports = { mixedArchives };
