'use strict';
// Runs `n8n execute --id=<id> --rawOutput` for one imported workflow while sampling the n8n
// process's memory, and returns the parsed run together with the samples.

const fs = require('node:fs');
const { spawn } = require('node:child_process');

const { parseRunOutput } = require('../../tools/n8n/n8n');
const { startRssSampler } = require('./rss-sampler');
const { track } = require('./children');

const TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Resolves with { code, signal, run, stdout, stderr, ms, samples, hwmKiB, pid }. Never rejects on
 * a failed execution: callers check `run` (see assertRunSucceeded). `nodeArgs` go to Node itself
 * (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
 */
function executeSampled(
	laneDef,
	env,
	workflowId,
	{ logFile, timeoutMs = TIMEOUT_MS, nodeArgs = [] } = {},
) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = track(
			spawn(
				laneDef.nodeBin,
				[...nodeArgs, laneDef.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
				{
					cwd: env.N8N_USER_FOLDER,
					env,
					stdio: ['ignore', 'pipe', 'pipe'],
				},
			),
		);
		const sampler = startRssSampler(child.pid);
		const out = [];
		const err = [];
		child.stdout.on('data', (c) => out.push(c));
		child.stderr.on('data', (c) => err.push(c));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			sampler.stop().finally(() => reject(error));
		});
		child.on('close', async (code, signal) => {
			clearTimeout(timer);
			const { samples, hwmKiB } = await sampler.stop();
			const stdout = Buffer.concat(out).toString('utf8');
			const stderr = Buffer.concat(err).toString('utf8');
			if (logFile)
				fs.appendFileSync(logFile, `\n$ n8n execute --id=${workflowId}\n${stdout}${stderr}`);
			resolve({
				code,
				signal,
				run: parseRunOutput(stdout),
				stdout,
				stderr,
				ms: Date.now() - started,
				samples,
				hwmKiB,
				pid: child.pid,
			});
		});
	});
}

/** The first run of `nodeName`: { startTime (epoch ms), executionTime (ms), items, error }. */
function nodeRun(run, nodeName) {
	const first = run?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!first) return undefined;
	return {
		startTime: first.startTime,
		executionTime: first.executionTime,
		items: first.data?.main?.[0] ?? [],
		error: first.error,
	};
}

/** Throws with the tail of the output unless the execution exited 0 with a run and no error. */
function assertRunSucceeded(result, what) {
	const error = result.run?.data?.resultData?.error;
	if (result.code === 0 && result.run && !error) return result.run;
	const reason = error ? error.message : `exit ${result.code ?? result.signal}`;
	throw new Error(`${what} failed: ${reason}\n${(result.stdout + result.stderr).slice(-2500)}`);
}

/**
 * Memory of an execution from the samples: `idleKiB` is the process RSS at the last sample
 * before `from` (the node starts), `peakKiB` the highest sample from `from` to `to` (the node's
 * window, extended by one sampling period at both ends). Children are reported separately.
 */
function memoryInWindow(samples, from, to, slackMs = 60) {
	let idle;
	let peak = 0;
	let peakChildren = 0;
	for (const sample of samples) {
		if (sample.t < from) idle = sample.rssKiB;
		if (sample.t >= from - slackMs && sample.t <= to + slackMs) {
			peak = Math.max(peak, sample.rssKiB);
			peakChildren = Math.max(peakChildren, sample.childrenKiB);
		}
	}
	const inWindow = samples.filter((s) => s.t >= from && s.t <= to).length;
	return {
		idleKiB: idle ?? samples[0]?.rssKiB ?? 0,
		peakKiB: peak,
		peakChildrenKiB: peakChildren,
		samplesInWindow: inWindow,
	};
}

module.exports = { executeSampled, nodeRun, assertRunSucceeded, memoryInWindow };
