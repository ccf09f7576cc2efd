'use strict';
// Small child-process helpers: run to completion with captured output, and a progress ticker.

const { spawn } = require('node:child_process');
const fs = require('node:fs');

/**
 * Runs a command and resolves with { code, signal, stdout, stderr, ms }; never rejects on a
 * non-zero exit (callers decide). `logFile` additionally receives both streams.
 */
function run(command, args, { cwd, env, logFile, timeoutMs, input } = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
		if (log) log.write(`\n$ ${command} ${args.join(' ')}\n`);
		child.stdout.on('data', (chunk) => {
			out.push(chunk);
			if (log) log.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			err.push(chunk);
			if (log) log.write(chunk);
		});
		let timer;
		if (timeoutMs) {
			timer = setTimeout(() => {
				child.kill('SIGKILL');
			}, timeoutMs);
		}
		child.on('error', (error) => {
			clearTimeout(timer);
			if (log) log.end();
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (log) log.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms: Date.now() - started,
			});
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

/** Prints "<label> … 45 s<detail()>" every `everyMs` until stopped; returns stop(). */
function ticker(label, detail = () => '', everyMs = 15000) {
	const started = Date.now();
	const timer = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		process.stdout.write(`  … ${label}: ${seconds} s${detail()}\n`);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function tail(text, lines = 30) {
	return String(text).trimEnd().split('\n').slice(-lines).join('\n');
}

module.exports = { run, ticker, seconds, tail };
