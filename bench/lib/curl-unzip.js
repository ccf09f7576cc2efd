'use strict';
// Baseline of the large save: what an administrator does by hand — download the save with curl,
// then unpack it with Info-ZIP unzip.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { startRssSampler } = require('./rss-sampler');
const { track } = require('./children');

/** Runs a command, sampling its memory; resolves with { code, ms, stdout, stderr, peakKiB }. */
function runSampled(command, args, options = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options }));
		const sampler = startRssSampler(child.pid);
		const out = [];
		const err = [];
		child.stdout.on('data', (c) => out.push(c));
		child.stderr.on('data', (c) => err.push(c));
		child.on('error', reject);
		child.on('close', async (code) => {
			const ms = Date.now() - started;
			const { samples, hwmKiB } = await sampler.stop();
			const peakKiB = Math.max(hwmKiB ?? 0, ...samples.map((s) => s.rssKiB));
			resolve({
				code,
				ms,
				stdout: Buffer.concat(out).toString(),
				stderr: Buffer.concat(err).toString(),
				peakKiB,
			});
		});
	});
}

/**
 * curl -sk -X POST … /Attachments/save -o <dir>/save.zip, then unzip -o -q save.zip -d <dir>/out.
 * Resolves with { downloadMs, unzipMs, ms, zipBytes, unpackedBytes, curlPeakKiB, unzipPeakKiB }.
 */
async function curlThenUnzip({ saveUrl, token, body, dir }) {
	fs.mkdirSync(dir, { recursive: true });
	const zipFile = path.join(dir, 'save.zip');
	const outDir = path.join(dir, 'out');
	const curl = await runSampled('curl', [
		'-sk',
		'--fail',
		'-X',
		'POST',
		'-H',
		`Authorization: Bearer ${token}`,
		'-H',
		'Content-Type: application/json',
		// A folder save takes no body.
		...(body === undefined ? [] : ['--data', JSON.stringify(body)]),
		'-o',
		zipFile,
		saveUrl,
	]);
	if (curl.code !== 0) throw new Error(`curl exited ${curl.code}: ${curl.stderr.slice(0, 300)}`);
	const unzip = await runSampled('unzip', ['-o', '-q', zipFile, '-d', outDir]);
	if (unzip.code !== 0)
		throw new Error(`unzip exited ${unzip.code}: ${unzip.stderr.slice(0, 300)}`);
	const zipBytes = fs.statSync(zipFile).size;
	let unpackedBytes = 0;
	// Archives of folders hold subfolders: count the files at every level.
	for (const name of fs.readdirSync(outDir, { recursive: true })) {
		const stat = fs.statSync(path.join(outDir, name));
		if (stat.isFile()) unpackedBytes += stat.size;
	}
	return {
		downloadMs: curl.ms,
		unzipMs: unzip.ms,
		ms: curl.ms + unzip.ms,
		zipBytes,
		unpackedBytes,
		curlPeakKiB: curl.peakKiB,
		unzipPeakKiB: unzip.peakKiB,
	};
}

/** curl of the save to /dev/null: how fast the simulator alone can produce this ZIP. */
async function curlToNull({ saveUrl, token, body }) {
	const curl = await runSampled('curl', [
		'-sk',
		'--fail',
		'-X',
		'POST',
		'-H',
		`Authorization: Bearer ${token}`,
		'-H',
		'Content-Type: application/json',
		'--data',
		JSON.stringify(body),
		'-o',
		'/dev/null',
		'-w',
		'%{size_download}',
		saveUrl,
	]);
	if (curl.code !== 0) throw new Error(`curl exited ${curl.code}: ${curl.stderr.slice(0, 300)}`);
	return { ms: curl.ms, zipBytes: Number(curl.stdout) };
}

module.exports = { runSampled, curlThenUnzip, curlToNull };
