'use strict';
const { runInParallel } = require('../../dist/nodes/VeeamM365/helpers/parallel');

/** A task runner that records what runs when; task i finishes after `delays[i]` ticks. */
function recorder(delays, failing = new Set()) {
	const log = { started: [], running: 0, maxRunning: 0, runningAtStart: [] };
	const task = async (index) => {
		log.started.push(index);
		log.runningAtStart.push(log.running);
		log.running++;
		log.maxRunning = Math.max(log.maxRunning, log.running);
		for (let i = 0; i < (delays[index] ?? 0); i++) await new Promise((r) => setImmediate(r));
		log.running--;
		if (failing.has(index)) throw new Error(`task ${index} failed`);
		return `result ${index}`;
	};
	return { log, task };
}

describe('runInParallel', () => {
	test('results come in index order whatever order the tasks finish in', async () => {
		const { log, task } = recorder([3, 9, 1, 7, 2, 8, 1, 5]);
		const results = await runInParallel(8, 3, task);
		expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `result ${i}`));
		expect(log.maxRunning).toBe(3);
	});

	test('the first task runs alone, the rest up to the limit', async () => {
		const { log, task } = recorder([2, 2, 2, 2, 2, 2]);
		await runInParallel(6, 4, task);
		expect(log.started[0]).toBe(0);
		expect(log.runningAtStart[1]).toBe(0);
		expect(log.maxRunning).toBe(4);
	});

	test('a limit of 1 runs the tasks one after the other', async () => {
		const { log, task } = recorder([3, 1, 2, 1]);
		await runInParallel(4, 1, task);
		expect(log.started).toEqual([0, 1, 2, 3]);
		expect(log.maxRunning).toBe(1);
	});

	test('no tasks: an empty result and nothing started', async () => {
		const { log, task } = recorder([]);
		await expect(runInParallel(0, 4, task)).resolves.toEqual([]);
		expect(log.started).toEqual([]);
	});

	test('after a failure no new task starts, running ones finish, the lowest failed index is thrown', async () => {
		// Task 4 fails first, task 3 (still running then) fails later: 3 is reported, as when
		// working one by one, and nothing after the tasks running at the first failure starts.
		const { log, task } = recorder([1, 1, 1, 30, 1, 10, 10, 1, 1, 1], new Set([3, 4]));
		await expect(runInParallel(10, 4, task)).rejects.toThrow('task 3 failed');
		expect(log.running).toBe(0);
		expect(Math.max(...log.started)).toBeLessThanOrEqual(6);
	});

	test('a failing first task stops everything', async () => {
		const { log, task } = recorder([1, 1, 1], new Set([0]));
		await expect(runInParallel(3, 2, task)).rejects.toThrow('task 0 failed');
		expect(log.started).toEqual([0]);
	});
});
