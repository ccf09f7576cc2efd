'use strict';
// storeFiles with a stand-in for n8n's prepareBinaryData that consumes the stream slowly (as the
// filesystem store does, one fs call after another): small entries are stored while the next ones
// are read, never more than a few at once, in order, and nothing is still being stored when a
// download fails.
const crypto = require('crypto');
const stream = require('stream');
const { storeFiles } = require('../../dist/nodes/VeeamM365/delivery/storeFiles');
const { SMALL_STORES_AT_ONCE } = require('../../dist/nodes/VeeamM365/delivery/storeQueue');
const { buildZip } = require('../support/zip-builder');
const { chunked } = require('../support/zip-sources');

const tick = () => new Promise((resolve) => setImmediate(resolve));

function fakeStore({ failFor } = {}) {
	const state = { running: 0, maxRunning: 0, stored: new Map(), started: 0 };
	const prepareBinaryData = async (readable, fileName) => {
		state.started++;
		state.running++;
		state.maxRunning = Math.max(state.maxRunning, state.running);
		try {
			const parts = [];
			for await (const chunk of readable) {
				parts.push(chunk);
				await tick();
			}
			for (let i = 0; i < 3; i++) await tick(); // directory, stat, rename, metadata …
			if (fileName === failFor) throw new Error(`disk full while storing ${fileName}`);
			const data = Buffer.concat(parts);
			state.stored.set(fileName, data);
			return { fileName, bytes: data.length, data: 'filesystem-v2' };
		} finally {
			state.running--;
		}
	};
	return { state, ctx: { helpers: { prepareBinaryData } } };
}

function download(zip) {
	return { body: stream.Readable.from(chunked(zip, 16384)), headers: {}, statusCode: 200 };
}

function folder(count, { largeAt = -1, corruptAt = -1 } = {}) {
	const entries = Array.from({ length: count }, (_, i) => ({
		name: `Many/part ${i % 3}/file ${i}.txt`,
		data: i === largeAt ? crypto.randomBytes(700 * 1024) : crypto.randomBytes(2000 + i * 10),
		method: i % 2 ? 8 : 0,
	}));
	if (corruptAt >= 0) entries[corruptAt].header = { crc: 12345 };
	const plan = {
		wanted: entries.map((e) => ({ name: e.name.split('/').pop(), sizeBytes: e.data.length })),
		inArchive: [],
		limits: {},
		fallbackName: 'file',
	};
	plan.inArchive = plan.wanted;
	return { entries, zip: buildZip(entries).zip, plan };
}

describe('storeFiles: small entries are stored while the next ones are read', () => {
	test('all files arrive in order, byte for byte, with a few small stores at once (never more than the limit)', async () => {
		const { entries, zip, plan } = folder(40, { largeAt: 17 });
		const { state, ctx } = fakeStore();
		const delivered = await storeFiles(ctx, download(zip), plan);
		expect(delivered.map((d) => d.file)).toEqual(plan.wanted);
		entries.forEach((entry, i) =>
			expect(state.stored.get(plan.wanted[i].name).equals(entry.data)).toBe(true),
		);
		expect(state.maxRunning).toBeGreaterThan(1);
		expect(state.maxRunning).toBeLessThanOrEqual(SMALL_STORES_AT_ONCE + 1);
		expect(state.running).toBe(0);
	});

	test('a corrupt entry fails the download only after every store begun has finished', async () => {
		const { zip, plan } = folder(30, { corruptAt: 20 });
		const { state, ctx } = fakeStore();
		await expect(storeFiles(ctx, download(zip), plan)).rejects.toThrow(/CRC-32/);
		expect(state.running).toBe(0);
		// The corrupt entry was read whole before its store would have started.
		expect(state.started).toBe(20);
	});

	test('a store that fails fails the download, after the others have finished', async () => {
		const { zip, plan } = folder(30);
		const { state, ctx } = fakeStore({ failFor: 'file 4.txt' });
		await expect(storeFiles(ctx, download(zip), plan)).rejects.toThrow(
			'disk full while storing file 4.txt',
		);
		expect(state.running).toBe(0);
		// It is noticed within a few more files, not at the end of the archive.
		expect(state.started).toBeLessThan(30);
	});
});
