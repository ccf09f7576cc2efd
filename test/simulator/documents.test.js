'use strict';
// The simulator's PNG and PDF attachments are real files (so n8n's preview shows them): every
// PNG chunk has a correct CRC and the image data inflates to the declared size; every PDF has a
// header, an xref table whose offsets point at the objects, a stream whose Length matches, and
// a trailer. Checked here with parsers written for the test, independently of the generator.
const zlib = require('node:zlib');
const { startSimulator } = require('../../tools/simulator');
const { contentBuffer, contentStream, BLOCK } = require('../../tools/simulator/content');
const { call, login, itemPath, unzip } = require('../../tools/simulator/client');

function parsePng(buf) {
	expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	const chunks = [];
	let at = 8;
	while (at < buf.length) {
		const length = buf.readUInt32BE(at);
		const type = buf.toString('latin1', at + 4, at + 8);
		const typeAndData = buf.subarray(at + 4, at + 8 + length);
		expect(typeAndData.length).toBe(4 + length);
		const crc = buf.readUInt32BE(at + 8 + length);
		expect({ type, crc }).toEqual({ type, crc: zlib.crc32(typeAndData) });
		chunks.push({ type, data: buf.subarray(at + 8, at + 8 + length) });
		at += 12 + length;
	}
	expect(at).toBe(buf.length);
	const types = chunks.map((c) => c.type);
	expect(types[0]).toBe('IHDR');
	expect(types[types.length - 1]).toBe('IEND');
	const ihdr = chunks[0].data;
	const width = ihdr.readUInt32BE(0);
	const height = ihdr.readUInt32BE(4);
	expect([ihdr[8], ihdr[9]]).toEqual([8, 2]); // 8-bit RGB
	const pixels = zlib.inflateSync(
		Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)),
	);
	expect(pixels.length).toBe(height * (1 + width * 3));
	return { width, height, types };
}

function parsePdf(buf) {
	const text = buf.toString('latin1');
	expect(text.startsWith('%PDF-1.')).toBe(true);
	expect(text.endsWith('%%EOF\n')).toBe(true);
	const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
	expect(text.slice(startxref, startxref + 4)).toBe('xref');
	const [, first, count] = /^xref\s+(\d+) (\d+)\s+/.exec(text.slice(startxref));
	const entriesAt = text.indexOf('\n', text.indexOf('\n', startxref) + 1) + 1;
	const offsets = {};
	for (let i = 0; i < Number(count); i++) {
		const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
		expect(entry).toMatch(/^\d{10} \d{5} [nf] ?\r?\n$/);
		if (entry[17] === 'n') offsets[Number(first) + i] = Number(entry.slice(0, 10));
	}
	for (const [number, offset] of Object.entries(offsets)) {
		expect(text.slice(offset, offset + `${number} 0 obj`.length)).toBe(`${number} 0 obj`);
	}
	const trailer = /trailer\s*<<(.*?)>>/s.exec(text.slice(startxref))[1];
	expect(Number(/\/Size (\d+)/.exec(trailer)[1])).toBe(Number(first) + Number(count));
	const root = Number(/\/Root (\d+) 0 R/.exec(trailer)[1]);
	expect(text.slice(offsets[root])).toMatch(/^\d+ 0 obj\s*<<\/Type\/Catalog/);
	// Every stream's Length ends it exactly at "endstream".
	const streams = [...text.matchAll(/\/Length (\d+)>>\s*stream\r?\n/g)];
	expect(streams.length).toBeGreaterThan(0);
	for (const match of streams) {
		const dataStart = match.index + match[0].length;
		const after = text.slice(dataStart + Number(match[1]), dataStart + Number(match[1]) + 11);
		expect(after).toMatch(/^\r?\nendstream/);
	}
	return { objects: Object.keys(offsets).length, pages: Number(/\/Count (\d+)/.exec(text)[1]) };
}

const readAll = async (stream) => {
	const chunks = [];
	for await (const chunk of stream) chunks.push(chunk);
	return Buffer.concat(chunks);
};

describe('fixture attachments', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, profile: '8.x' });
	});
	afterAll(() => sim.stop());

	test('every PNG and PDF of the fixture is a valid file of its listed size', () => {
		const files = sim.fixture.items
			.flatMap((item) => item.attachments || [])
			.filter(
				(a) => /\.(png|pdf)$/i.test(a.name) && a.content !== 'zeros' && a.contentSize === undefined,
			);
		expect(files.length).toBeGreaterThan(10);
		for (const attachment of files) {
			const bytes = sim.attachmentContent(attachment.id);
			expect(bytes.length).toBe(attachment.sizeBytes);
			if (/\.png$/i.test(attachment.name)) expect(parsePng(bytes).types).toContain('IDAT');
			else expect(parsePdf(bytes)).toEqual({ objects: 5, pages: 1 });
		}
	});

	test('the helpdesk item downloads (in the ZIP) as a valid PNG and PDF', async () => {
		const item = sim.fixture.items.find((candidate) => candidate.key === 'helpdesk');
		const { access_token: token } = await login(sim, 8);
		const res = await call(sim, 'POST', `/v8${itemPath(item)}/Attachments/save`, {
			token,
			json: {},
		});
		expect(res.status).toBe(200);
		const entries = await unzip(res.body);
		const png = entries.find((e) => e.name === 'Whiteboard photo.png');
		const pdf = entries.find((e) => e.name === 'ACME-42 Signed Contract.pdf');
		expect(parsePng(png.data)).toMatchObject({ width: 160, height: 120 });
		expect(parsePdf(pdf.data).pages).toBe(1);
		expect(pdf.data.toString('latin1')).toContain(
			Buffer.from('ACME-42 Signed Contract.pdf').toString('hex'),
		);
	});
});

describe('sizes around block boundaries', () => {
	const sizes = [1200, BLOCK - 17, BLOCK, BLOCK + 9, 2 * BLOCK + 3];
	test.each(sizes)('%i bytes: PNG and PDF are valid, streamed and buffered alike', async (size) => {
		for (const [kind, name] of [
			['png', 'scan.png'],
			['pdf', 'Angebot Müller – 2024.pdf'],
		]) {
			const attachment = { id: `doc-${kind}-${size}`, kind, name, sizeBytes: size };
			const buffered = contentBuffer(attachment, 'seed');
			expect(buffered.length).toBe(size);
			expect((await readAll(contentStream(attachment, 'seed'))).equals(buffered)).toBe(true);
			if (kind === 'png') parsePng(buffered);
			else parsePdf(buffered);
		}
	});

	test('too small for a valid file: the listed size still holds', () => {
		for (const kind of ['png', 'pdf']) {
			expect(
				contentBuffer({ id: 'tiny', kind, name: `t.${kind}`, sizeBytes: 40 }, 'seed').length,
			).toBe(40);
		}
	});
});
