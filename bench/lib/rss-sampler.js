'use strict';
// Samples the resident memory (VmRSS) of a process and of its descendants every ~50 ms from
// /proc, in a worker thread so a busy main thread does not delay the samples.

const fs = require('node:fs');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

function statusKiB(pid, field) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined; // the process has exited
	}
}

/** User + system CPU seconds used so far by `pid` (its threads included), or undefined. */
function cpuSeconds(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime, in clock ticks (100 per second on Linux).
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

/** Direct and indirect children of `pid` (Linux /proc/<pid>/task/<tid>/children). */
function descendants(pid) {
	const found = [];
	const queue = [pid];
	while (queue.length > 0) {
		const current = queue.shift();
		let tasks = [];
		try {
			tasks = fs.readdirSync(`/proc/${current}/task`);
		} catch {
			continue;
		}
		for (const tid of tasks) {
			let text = '';
			try {
				text = fs.readFileSync(`/proc/${current}/task/${tid}/children`, 'utf8');
			} catch {
				continue;
			}
			for (const child of text.split(/\s+/).filter(Boolean).map(Number)) {
				if (!found.includes(child)) {
					found.push(child);
					queue.push(child);
				}
			}
		}
	}
	return found;
}

/**
 * Starts sampling `pid`. Returns { stop() → Promise<{ samples, hwmKiB }> } where samples are
 * { t (epoch ms), rssKiB (the process), childrenKiB (sum over descendants), cpu (CPU seconds of
 * the process so far) } and hwmKiB is the
 * kernel's own high-water mark (VmHWM) of the process at the last sample.
 */
function startRssSampler(pid, { intervalMs = 50 } = {}) {
	const worker = new Worker(__filename, { workerData: { pid, intervalMs } });
	worker.unref();
	return {
		stop: () =>
			new Promise((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
				worker.postMessage('stop');
			}),
	};
}

function workerMain({ pid, intervalMs }) {
	const samples = [];
	let hwmKiB;
	let children = [];
	let tick = 0;
	const sample = () => {
		const rssKiB = statusKiB(pid, 'VmRSS');
		if (rssKiB === undefined) return;
		hwmKiB = statusKiB(pid, 'VmHWM') ?? hwmKiB;
		// Looking for new children is dearer than reading RSS; do it every 10th sample.
		if (tick++ % 10 === 0) children = descendants(pid);
		let childrenKiB = 0;
		for (const child of children) childrenKiB += statusKiB(child, 'VmRSS') ?? 0;
		samples.push({ t: Date.now(), rssKiB, childrenKiB, cpu: cpuSeconds(pid) });
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	parentPort.on('message', () => {
		clearInterval(timer);
		sample();
		parentPort.postMessage({ samples, hwmKiB });
		parentPort.close();
	});
}

if (!isMainThread && workerData && workerData.pid) workerMain(workerData);

module.exports = { startRssSampler, statusKiB, descendants, cpuSeconds };
