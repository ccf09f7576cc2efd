'use strict';
// Runs the VB365 simulator (tools/simulator) in its own Node process, so its CPU time and memory
// are neither counted in nor competing with the benchmark runner's event loop. The parent talks to
// it over IPC only.

const path = require('node:path');
const { fork } = require('node:child_process');

const { cpuSeconds } = require('./rss-sampler');
const { track } = require('./children');

const SIMULATOR = path.resolve(__dirname, '..', '..', 'tools', 'simulator');

/**
 * Starts a simulator child with `options` (as for startSimulator; byte sizes only, no functions).
 * Resolves with { url, pid, credentials, fixture, stats(), reset(), cpuSeconds(), stop() }.
 */
async function startSimulatorProcess(options) {
	const child = track(
		fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
	);
	const ready = await new Promise((resolve, reject) => {
		child.once('message', (message) =>
			message.error
				? reject(new Error(`simulator failed to start: ${message.error}`))
				: resolve(message),
		);
		child.once('exit', (code) => reject(new Error(`simulator process exited early (${code})`)));
		child.send({ start: options });
	});
	const { url, credentials } = ready;
	// Counters, the request log and reset() go over IPC, not HTTPS: a control request would open
	// a TLS connection of its own and show up in the connection count being measured.
	let nextId = 0;
	const pending = new Map();
	child.on('message', (message) => {
		const waiting = pending.get(message.id);
		if (!waiting) return;
		pending.delete(message.id);
		if (message.error) waiting.reject(new Error(message.error));
		else waiting.resolve(message.value);
	});
	const call = (name) =>
		new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject });
			child.send({ call: name, id });
		});
	const fixture = await call('fixture');
	return {
		url,
		pid: child.pid,
		credentials,
		fixture,
		stats: () => call('stats'),
		requests: () => call('requests'),
		reset: () => call('reset'),
		cpuSeconds: () => cpuSeconds(child.pid),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.send({ stop: true });
			}),
	};
}

async function childMain() {
	const { startSimulator } = require(SIMULATOR);
	let sim;
	process.on('message', async (message) => {
		if (message.start) {
			try {
				sim = await startSimulator(message.start);
				process.send({ url: sim.url, credentials: sim.credentials });
			} catch (error) {
				process.send({ error: String(error?.stack || error) });
			}
		} else if (message.stop) {
			if (sim) await sim.stop();
			process.exit(0);
		} else if (message.call) {
			const calls = {
				fixture: () => JSON.parse(JSON.stringify(sim.fixture)),
				stats: () => JSON.parse(JSON.stringify(sim.stats)),
				requests: () =>
					sim.requests.map(({ method, path, query, status, control }) => ({
						method,
						path,
						query,
						status,
						control,
					})),
				reset: () => {
					sim.reset();
					return null;
				},
			};
			try {
				process.send({ id: message.id, value: calls[message.call]() });
			} catch (error) {
				process.send({ id: message.id, error: String(error?.message || error) });
			}
		}
	});
	process.on('disconnect', async () => {
		if (sim) await sim.stop();
		process.exit(0);
	});
}

if (require.main === module && process.argv[2] === '--child') childMain();

module.exports = { startSimulatorProcess };
