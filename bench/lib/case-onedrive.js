'use strict';
// Case 4, OneDrive: one simulator run with the bench OneDrive data; per lane the node saving each
// large document as its raw file (asZip false) against n8n's floor, the HTTP Request node
// downloading the same bytes; and the node saving a folder of many small files as one item per
// file against curl + unzip of the same folder save. Every output is checked and deleted.

const fs = require('node:fs');
const path = require('node:path');

const { findStoredBinary } = require('../../tools/n8n/binary-store');
const { startSimulatorProcess } = require('./simulator-process');
const { createClient } = require('./raw-client');
const { curlThenUnzip } = require('./curl-unzip');
const { nodeRun } = require('./n8n-exec');
const { measureNodes } = require('./case-large');
const { ONEDRIVE_IDS, ONEDRIVE_NODES } = require('./onedrive-workflows');
const { pairedMedians, pairedCell } = require('./report');

const KiB = 1024;

function storedTotal(userFolder, items) {
	let bytes = 0;
	for (const item of items) {
		const binary = item.binary?.data;
		const file = binary && findStoredBinary(userFolder, binary.id);
		if (!file) throw new Error('an output item has no stored binary "data"');
		bytes += fs.statSync(file).size;
	}
	return bytes;
}

function fastest(runs) {
	const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
	return {
		...best,
		growthKiB: Math.max(...runs.map((r) => r.growthKiB)),
		runs: runs.map((r) => ({ ms: r.ms, growthKiB: r.growthKiB, cpuSeconds: r.cpuSeconds })),
	};
}

async function measure(lane, id, nodeName, what, check) {
	const result = await lane.execute(id, what);
	try {
		check(nodeRun(result.run, nodeName).items);
		return measureNodes(result, nodeName);
	} finally {
		lane.clearBinaryData();
	}
}

async function runOneDriveCase({ port, lanes, workDir, target, options, repeat, log }) {
	const sim = await startSimulatorProcess({
		port,
		profile: '8.x',
		oneDriveBench: options,
	});
	const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
	const mib = (kib) => `${Math.round(kib / KiB)} MiB`;
	const result = { raw: [], folder: undefined };
	try {
		for (const [index, doc] of target.large.entries()) {
			const entry = { name: doc.name, sizeBytes: doc.sizeBytes, node: {}, floor: {} };
			for (const lane of lanes) {
				const id = lane.laneDef.id;
				const nodeRuns = [];
				const floorRuns = [];
				for (let r = 0; r < repeat; r++) {
					const exact = (items) => {
						const bytes = storedTotal(lane.userFolder, items);
						if (bytes !== doc.sizeBytes)
							throw new Error(`stored ${bytes} of ${doc.sizeBytes} bytes`);
					};
					nodeRuns.push(
						await measure(
							lane,
							ONEDRIVE_IDS.raw(index),
							ONEDRIVE_NODES.save,
							`raw ${doc.name}`,
							exact,
						),
					);
					floorRuns.push(
						await measure(
							lane,
							ONEDRIVE_IDS.floor(index),
							ONEDRIVE_NODES.download,
							`floor ${doc.name}`,
							exact,
						),
					);
				}
				entry.node[id] = fastest(nodeRuns);
				entry.floor[id] = fastest(floorRuns);
				const n = entry.node[id];
				const f = entry.floor[id];
				log(
					`  ${doc.name} in n8n ${lane.laneDef.n8nVersion}: node ${secs(n.ms)}, RSS +${mib(n.growthKiB)}; HTTP Request ${secs(f.ms)}, RSS +${mib(f.growthKiB)} (time ×${(n.ms / f.ms).toFixed(2)}, memory ${n.growthKiB - f.growthKiB >= 0 ? '+' : ''}${mib(n.growthKiB - f.growthKiB)})`,
				);
			}
			result.raw.push(entry);
		}
		if (target.folderId) {
			const total = target.folderFiles.reduce((sum, f) => sum + f.sizeBytes, 0);
			const count = target.folderFiles.length;
			const folder = { files: count, bytes: total, node: {} };
			const client = createClient(sim.url);
			const token = await client.login('v8', sim.credentials);
			client.close();
			const scratch = path.join(workDir, 'od-curl-unzip');
			const saveUrl = `${sim.url}/v8/RestoreSessions/${target.sessionId}/Organization/OneDrives/${target.oneDriveId}/Folders/${target.folderId}/save`;
			const baselines = [];
			for (let r = 0; r < repeat; r++) {
				try {
					const b = await curlThenUnzip({ saveUrl, token, body: undefined, dir: scratch });
					if (b.unpackedBytes !== total)
						throw new Error(`unzip wrote ${b.unpackedBytes} of ${total} bytes`);
					baselines.push(b);
				} finally {
					fs.rmSync(scratch, { recursive: true, force: true });
				}
			}
			folder.curlUnzip = baselines.reduce((a, b) => (b.ms < a.ms ? b : a));
			log(`  folder of ${count} files: curl + unzip ${secs(folder.curlUnzip.ms)}`);
			for (const lane of lanes) {
				const runs = [];
				for (let r = 0; r < repeat; r++) {
					runs.push(
						await measure(
							lane,
							ONEDRIVE_IDS.folder,
							ONEDRIVE_NODES.save,
							'folder save',
							(items) => {
								if (items.length !== count)
									throw new Error(`${items.length} items, expected ${count}`);
								const bytes = storedTotal(lane.userFolder, items);
								if (bytes !== total) throw new Error(`stored ${bytes} of ${total} bytes`);
								if (!items.every((i) => /^Many\/part \d$/.test(i.json.folderPath)))
									throw new Error('an item lacks its folder path');
							},
						),
					);
				}
				folder.node[lane.laneDef.id] = fastest(runs);
				const n = folder.node[lane.laneDef.id];
				log(
					`  folder of ${count} files in n8n ${lane.laneDef.n8nVersion}: node ${secs(n.ms)} (×${(n.ms / folder.curlUnzip.ms).toFixed(2)} of curl + unzip), RSS +${mib(n.growthKiB)}`,
				);
			}
			result.folder = folder;
		}
	} finally {
		await sim.stop();
	}
	return result;
}

/** The OneDrive tables for latest.md (empty when case 4 did not run). */
function oneDriveMarkdown(results) {
	const od = results.oneDrive;
	if (!od) return '';
	const lanes = Object.entries(results.lanes);
	const secs = (ms) => (ms / 1000).toFixed(1);
	const mib = (kib) => Math.round(kib / KiB);
	const lines = ['', '## Case 4: OneDrive', ''];
	if (od.raw.length > 0) {
		lines.push(
			"Raw-file save (one document, `asZip: false`): the node vs n8n's floor, the HTTP Request node downloading the same bytes (target: time ≤ 1.05×, RSS growth ≤ floor + 16 MiB). Fastest time and largest growth of the runs; the floor runs right after the node in every repeat, and the paired column gives the medians of those pairs (node ÷ floor time, node − floor growth). CPU s: the n8n process's CPU during the node (fastest run).",
			'',
			'| File | n8n | node s | HTTP Request s | time × | node RSS + MiB | floor RSS + MiB | memory Δ MiB | met | paired median: time × / RSS Δ | CPU s node / floor |',
			'|---|---|---|---|---|---|---|---|---|---|---|',
		);
		for (const entry of od.raw) {
			for (const [id, lane] of lanes) {
				const n = entry.node[id];
				const f = entry.floor[id];
				if (!n || !f) continue;
				const ratio = n.ms / f.ms;
				const delta = mib(n.growthKiB - f.growthKiB);
				const met = ratio <= 1.05 && delta <= 16 ? 'yes' : 'no';
				lines.push(
					`| ${entry.name} | ${lane.n8n} | ${secs(n.ms)} | ${secs(f.ms)} | ${ratio.toFixed(2)} | ${mib(n.growthKiB)} | ${mib(f.growthKiB)} | ${delta} | ${met} | ${pairedCell(pairedMedians(n, f))} | ${n.cpuSeconds ?? '–'} / ${f.cpuSeconds ?? '–'} |`,
				);
			}
		}
	}
	if (od.folder) {
		const c = od.folder.curlUnzip;
		lines.push(
			'',
			`Folder save of ${od.folder.files} small files (${(od.folder.bytes / 2 ** 20).toFixed(1)} MiB) as one n8n item per file vs curl + unzip (${secs(c.ms)} s: curl ${secs(c.downloadMs)} s + unzip ${secs(c.unzipMs)} s):`,
			'',
			'| n8n | node s | × curl + unzip | node RSS + MiB |',
			'|---|---|---|---|',
		);
		for (const [id, lane] of lanes) {
			const n = od.folder.node[id];
			if (n)
				lines.push(
					`| ${lane.n8n} | ${secs(n.ms)} | ${(n.ms / c.ms).toFixed(2)} | ${mib(n.growthKiB)} |`,
				);
		}
	}
	return `${lines.join('\n')}\n`;
}

module.exports = { runOneDriveCase, oneDriveMarkdown };
