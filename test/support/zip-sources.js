'use strict';
const { Readable } = require('stream');
const { execFileSync } = require('child_process');
const yazl = require('yazl');
const { readZipEntries } = require('../../dist/nodes/VeeamM365/zip');

/** Yields `buffer` in chunks of `size` bytes (copies, like a socket would deliver). */
async function* chunked(buffer, size = 65536) {
	for (let i = 0; i < buffer.length; i += size) yield Buffer.from(buffer.subarray(i, i + size));
}

/** Reads every entry fully; returns [{ name, method, isDirectory, data }]. */
async function readAll(source, limits) {
	const entries = [];
	for await (const entry of readZipEntries(source, limits)) {
		const chunks = [];
		for await (const chunk of entry.data) chunks.push(chunk);
		entries.push({
			name: entry.name,
			method: entry.method,
			isDirectory: entry.isDirectory,
			data: Buffer.concat(chunks),
			compressedSize: entry.compressedSize,
			uncompressedSize: entry.uncompressedSize,
		});
	}
	return entries;
}

/** Builds a ZIP with yazl. add(zipfile) adds the entries. */
function yazlZip(add, endOptions = {}) {
	return new Promise((resolve, reject) => {
		const zipfile = new yazl.ZipFile();
		add(zipfile);
		const parts = [];
		zipfile.outputStream
			.on('data', (b) => parts.push(b))
			.on('end', () => resolve(Buffer.concat(parts)))
			.on('error', reject);
		zipfile.end(endOptions);
	});
}

const streamOf = (...buffers) => Readable.from(buffers);

/** Runs a python3 script that writes a ZIP to stdout; null if python3 is unavailable. */
function pythonZip(script) {
	try {
		return execFileSync('python3', ['-c', script], { maxBuffer: 64 << 20 });
	} catch (error) {
		if (error.code === 'ENOENT') return null;
		throw error;
	}
}

function hasCommand(command) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

module.exports = { chunked, readAll, yazlZip, streamOf, pythonZip, hasCommand };
