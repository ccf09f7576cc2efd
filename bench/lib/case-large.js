'use strict';
// Cases 1 and 2 for one archive size: the simulator is started with the "large" item filled to
// `sizeMiB`, then (same simulator run) curl + unzip, our node in each lane, and optionally the
// HTTP Request + Compression workflow. Every contender's output is checked and deleted afterwards.

const fs = require('node:fs');
const path = require('node:path');

const { findStoredBinary } = require('../../tools/n8n/binary-store');
const { startSimulatorProcess } = require('./simulator-process');
const { createClient } = require('./raw-client');
const { curlThenUnzip } = require('./curl-unzip');
const { nodeRun, memoryInWindow } = require('./n8n-exec');
const { IDS, NODES } = require('./workflows');
const { largeLayout } = require('./content');

const KiB = 1024;

function attachmentsPath(item) {
	return `/v8/RestoreSessions/${item.restoreSessionId}/Organization/Sites/${item.siteId}/Items/${item.id}/Attachments`;
}

/** The large item and the attachments a layout picks, from a simulator's fixture. */
function pickedAttachments(fixture, layout) {
	const item = fixture.items.find((i) => i.key === 'large');
	return { item, attachments: layout.picked.map((index) => item.attachments[index]) };
}

/** Sizes of the stored binaries of `items` (binary property `property`), in output order. */
function storedSizes(userFolder, items, property) {
	return items.map((item) => {
		const binary = item.binary?.[property];
		if (!binary) throw new Error(`an output item has no binary "${property}"`);
		const file = findStoredBinary(userFolder, binary.id);
		if (!file) throw new Error(`binary ${binary.id} is not in n8n's binary data folder`);
		return { name: binary.fileName, bytes: fs.statSync(file).size };
	});
}

function expectSizes(found, attachments, what) {
	const want = attachments.map((a) => `${a.name}=${a.sizeBytes}`).sort();
	const got = found.map((f) => `${f.name}=${f.bytes}`).sort();
	if (JSON.stringify(want) !== JSON.stringify(got)) {
		throw new Error(
			`${what}: output files ${got.join(', ')} differ from the attachments ${want.join(', ')}`,
		);
	}
}

/** Time and memory of one node (or a run of consecutive nodes) in an n8n execution. */
function measureNodes(result, firstNode, lastNode = firstNode) {
	const first = nodeRun(result.run, firstNode);
	const last = nodeRun(result.run, lastNode);
	if (!first || !last) throw new Error(`no run data for ${firstNode}…${lastNode}`);
	const from = first.startTime;
	const to = last.startTime + last.executionTime;
	const memory = memoryInWindow(result.samples, from, to);
	const cpuAt = (t) => {
		let value;
		for (const s of result.samples) if (s.t <= t || value === undefined) value = s.cpu;
		return value;
	};
	return {
		ms: to - from,
		processMs: result.ms,
		idleRssKiB: memory.idleKiB,
		peakRssKiB: memory.peakKiB,
		growthKiB: memory.peakKiB - memory.idleKiB,
		processPeakRssKiB: result.hwmKiB,
		childrenPeakRssKiB: memory.peakChildrenKiB,
		cpuSeconds: round2(cpuAt(to) - cpuAt(from)),
		samples: memory.samplesInWindow,
	};
}

function round2(x) {
	return Math.round(x * 100) / 100;
}

/**
 * Of several runs of one contender: the fastest time (the least disturbed run on a shared
 * machine) and the largest memory growth (the conservative figure), with every run kept.
 */
function combineRuns(runs) {
	const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
	return {
		...fastest,
		growthKiB: Math.max(...runs.map((r) => r.growthKiB ?? 0)),
		runs: runs.map((r) => ({ ms: r.ms, growthKiB: r.growthKiB, cpuSeconds: r.cpuSeconds })),
	};
}

async function runNode(lane, sizeMiB, attachments) {
	const run = await lane.execute(IDS.largeSave, `large save ${sizeMiB} MiB`);
	try {
		const items = nodeRun(run.run, NODES.save).items;
		expectSizes(storedSizes(lane.userFolder, items, 'data'), attachments, 'node');
		return { ...measureNodes(run, NODES.save), ...cpuOfRun(run) };
	} finally {
		lane.clearBinaryData();
	}
}

/** n8n's floor: the HTTP Request node streaming the same ZIP into the binary store. */
async function runDownload(lane, zipBytes) {
	const run = await lane.execute(IDS.download, 'HTTP Request download');
	try {
		const [item] = nodeRun(run.run, NODES.download).items;
		const [stored] = storedSizes(lane.userFolder, [item], 'data');
		if (stored.bytes !== zipBytes)
			throw new Error(`HTTP Request stored ${stored.bytes} bytes, the ZIP has ${zipBytes}`);
		return measureNodes(run, NODES.download);
	} finally {
		lane.clearBinaryData();
	}
}

async function runDiy(lane, attachments) {
	const run = await lane.execute(IDS.diy, 'HTTP Request + Compression');
	try {
		const files = nodeRun(run.run, NODES.decompress).items;
		const found = files.flatMap((f) =>
			Object.keys(f.binary ?? {}).map((key) => storedSizes(lane.userFolder, [f], key)[0]),
		);
		expectSizes(found, attachments, 'HTTP Request + Compression');
		return {
			...measureNodes(run, NODES.token, NODES.decompress),
			// n8n's own streamed download of the same ZIP: the floor for time and memory.
			download: measureNodes(run, NODES.download),
			decompress: measureNodes(run, NODES.decompress),
		};
	} finally {
		lane.clearBinaryData();
	}
}

/** CPU seconds of the whole n8n process (startup included), for information. */
function cpuOfRun(run) {
	const last = run.samples[run.samples.length - 1];
	return { processCpuSeconds: last?.cpu };
}

async function curlBaseline(sim, item, attachments, token, workDir) {
	const scratch = path.join(workDir, 'curl-unzip');
	const cpuBefore = sim.cpuSeconds();
	try {
		const baseline = await curlThenUnzip({
			saveUrl: `${sim.url}${attachmentsPath(item)}/save`,
			token,
			body: { attachments: attachments.map((a) => ({ id: a.id })) },
			dir: scratch,
		});
		if (baseline.unpackedBytes !== attachments.reduce((sum, a) => sum + a.sizeBytes, 0)) {
			throw new Error(
				`unzip wrote ${baseline.unpackedBytes} bytes, expected the attachments' total`,
			);
		}
		return { ...baseline, simulatorCpuSeconds: round2(sim.cpuSeconds() - cpuBefore) };
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

/**
 * Runs the contenders for one size, `repeat` times in turn (curl + unzip, then in each lane the
 * node and, without `diy`, the HTTP Request download (`floor`) right after it); then per lane one
 * HTTP Request + Compression run (`diy`), whose download is the floor then. Resolves with { sizeMiB, content, zipBytes, simulator, curlUnzip,
 * node: {laneId: …}, download: {laneId: …}, diy: {laneId: …} }.
 */
async function runLargeSize({
	sizeMiB,
	content,
	port,
	lanes,
	workDir,
	diy,
	floor = true,
	repeat = 1,
	log,
}) {
	const layout = largeLayout(content, sizeMiB);
	const sim = await startSimulatorProcess({
		port,
		profile: '8.x',
		largeAttachmentSizes: layout.largeAttachmentSizes,
	});
	const result = {
		sizeMiB,
		content,
		contentDescription: layout.description,
		node: {},
		download: {},
		diy: {},
	};
	const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
	try {
		const { item, attachments } = pickedAttachments(sim.fixture, layout);
		result.attachments = attachments.map((a) => ({ name: a.name, sizeBytes: a.sizeBytes }));
		const client = createClient(sim.url);
		const token = await client.login('v8', sim.credentials);
		client.close();

		const baselines = [];
		const nodeRuns = Object.fromEntries(lanes.map((lane) => [lane.laneDef.id, []]));
		// Without case 2, n8n's floor runs right after the node in every repeat, so each node run
		// has a floor run next to it (paired ratios, less exposed to the machine's load changes).
		const floorRuns = Object.fromEntries(lanes.map((lane) => [lane.laneDef.id, []]));
		const floorFailed = {};
		for (let r = 1; r <= repeat; r++) {
			const tag = repeat > 1 ? ` (run ${r}/${repeat})` : '';
			const baseline = await curlBaseline(sim, item, attachments, token, workDir);
			baselines.push(baseline);
			log(
				`  ${sizeMiB} MiB${tag}: curl ${secs(baseline.downloadMs)} + unzip ${secs(baseline.unzipMs)}`,
			);
			for (const lane of lanes) {
				const id = lane.laneDef.id;
				const measured = await runNode(lane, sizeMiB, attachments);
				nodeRuns[id].push(measured);
				log(
					`  ${sizeMiB} MiB${tag}: node in n8n ${lane.laneDef.n8nVersion}: ${secs(measured.ms)}, RSS +${Math.round(measured.growthKiB / KiB)} MiB (idle ${Math.round(measured.idleRssKiB / KiB)} MiB)`,
				);
				if (diy || !floor || floorFailed[id]) continue;
				try {
					const f = await runDownload(lane, baseline.zipBytes);
					floorRuns[id].push(f);
					log(
						`  ${sizeMiB} MiB${tag}: HTTP Request download alone in n8n ${lane.laneDef.n8nVersion}: ${secs(f.ms)}, RSS +${Math.round(f.growthKiB / KiB)} MiB`,
					);
				} catch (error) {
					floorFailed[id] = { error: String(error.message).split('\n')[0] };
					log(
						`  ${sizeMiB} MiB: HTTP Request download in n8n ${lane.laneDef.n8nVersion} failed: ${floorFailed[id].error}`,
					);
				}
			}
		}
		const fastestBaseline = baselines.reduce((a, b) => (b.ms < a.ms ? b : a));
		result.curlUnzip = {
			...fastestBaseline,
			runs: baselines.map((b) => ({ ms: b.ms, downloadMs: b.downloadMs, unzipMs: b.unzipMs })),
		};
		result.zipBytes = fastestBaseline.zipBytes;
		result.simulator = {
			// What the simulator alone delivers: the ZIP as curl received it, and the simulator's CPU.
			mibPerSecond: round2(sizeMiB / (Math.min(...baselines.map((b) => b.downloadMs)) / 1000)),
			cpuSeconds: fastestBaseline.simulatorCpuSeconds,
		};
		for (const lane of lanes) {
			const id = lane.laneDef.id;
			result.node[id] = combineRuns(nodeRuns[id]);
			if (floorFailed[id]) result.download[id] = floorFailed[id];
			else if (floorRuns[id].length > 0) result.download[id] = combineRuns(floorRuns[id]);
		}

		if (diy) {
			for (const lane of lanes) {
				const id = lane.laneDef.id;
				const name = `n8n ${lane.laneDef.n8nVersion}`;
				try {
					const d = await runDiy(lane, attachments);
					result.diy[id] = d;
					result.download[id] = d.download;
					log(
						`  ${sizeMiB} MiB: HTTP Request + Compression in ${name}: ${secs(d.ms)}, RSS +${Math.round(d.growthKiB / KiB)} MiB (download alone ${secs(d.download.ms)}, +${Math.round(d.download.growthKiB / KiB)} MiB)`,
					);
				} catch (error) {
					result.diy[id] = { error: String(error.message).split('\n')[0] };
					log(
						`  ${sizeMiB} MiB: HTTP Request + Compression in ${name} failed: ${result.diy[id].error}`,
					);
				}
			}
		}
	} finally {
		await sim.stop();
	}
	return result;
}

module.exports = { runLargeSize, pickedAttachments, attachmentsPath, measureNodes };
