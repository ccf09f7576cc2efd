'use strict';
// Child processes the benchmark started (n8n, curl, unzip, the simulator), so an interrupted run
// can end exactly those and no others.

const running = new Set();

/** Registers `child` until it exits; returns it. */
function track(child) {
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

/** SIGKILLs every tracked child still running (n8n waits for its execution on SIGTERM). */
function killAll() {
	for (const child of running) {
		try {
			child.kill('SIGKILL');
		} catch {
			// already gone
		}
	}
	running.clear();
}

module.exports = { track, killAll };
