'use strict';
// The machine description and the Markdown table of a benchmark result.

const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');

function machineInfo(dir) {
	const cpus = os.cpus();
	let fsType;
	try {
		fsType = execFileSync('df', ['--output=fstype', dir], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.pop();
	} catch {
		fsType = undefined;
	}
	let unzip;
	try {
		unzip = execFileSync('unzip', ['-v'], { encoding: 'utf8' }).split('\n')[0].trim();
	} catch {
		unzip = undefined;
	}
	let curl;
	try {
		curl = execFileSync('curl', ['--version'], { encoding: 'utf8' })
			.split('\n')[0]
			.split(' ')
			.slice(0, 2)
			.join(' ');
	} catch {
		curl = undefined;
	}
	return {
		cpu: cpus[0]?.model,
		cores: cpus.length,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		runnerNode: process.version,
		tempFs: fsType,
		curl,
		unzip,
		virtualized: fs.existsSync('/sys/hypervisor') || /hypervisor/.test(safeRead('/proc/cpuinfo')),
		loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
	};
}

function safeRead(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

const MiB = 1024;

/**
 * Node runs against the floor runs made right after each of them: the median of the per-run time
 * ratios and of the per-run RSS growth differences (KiB). Undefined without paired runs.
 */
function pairedMedians(nodeResult, floorResult) {
	const a = nodeResult?.runs;
	const b = floorResult?.runs;
	if (!a || !b || a.length !== b.length || a.length < 2) return undefined;
	const median = (xs) => {
		const sorted = [...xs].sort((x, y) => x - y);
		const mid = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	};
	return {
		runs: a.length,
		timeRatio: median(a.map((run, i) => run.ms / b[i].ms)),
		growthDeltaKiB: median(a.map((run, i) => run.growthKiB - b[i].growthKiB)),
	};
}
const pairedCell = (p) =>
	p
		? `${p.timeRatio.toFixed(2)}× / ${p.growthDeltaKiB >= 0 ? '+' : ''}${Math.round(p.growthDeltaKiB / MiB)} MiB (${p.runs} pairs)`
		: '–';
const s = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mib = (kib) => (kib === undefined ? '–' : `${Math.round(kib / MiB)} MiB`);
const ratio = (a, b) =>
	a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;
const size = (m) => (m >= 1024 ? `${m / 1024} GiB` : `${m} MiB`);
const mark = (ok) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');

/** The issue's targets, checked against a result: [{ lane, target, value, ok }]. */
function checkTargets(results) {
	const checks = [];
	const lanes = Object.keys(results.lanes);
	for (const id of lanes) {
		const rows = results.large.filter((r) => r.node[id]);
		if (rows.length > 0) {
			const worstRatio = Math.max(...rows.map((r) => r.node[id].ms / r.curlUnzip.ms));
			checks.push({
				lane: id,
				target: 'large save ≤ 1.3× curl + unzip',
				value: `${worstRatio.toFixed(2)}× (worst size)`,
				ok: worstRatio <= 1.3,
			});
			const growths = rows.map((r) => r.node[id].growthKiB / MiB);
			const worst = Math.max(...growths);
			checks.push({
				lane: id,
				target: 'RSS growth ≤ 64 MiB',
				value: `${Math.round(worst)} MiB (worst size)`,
				ok: worst <= 64,
			});
			if (rows.length > 1) {
				const first = growths[0];
				const last = growths[growths.length - 1];
				// "Flat": the largest size needs at most 16 MiB more than the smallest.
				checks.push({
					lane: id,
					target: `RSS flat ${size(rows[0].sizeMiB)} → ${size(rows[rows.length - 1].sizeMiB)}`,
					value: `${Math.round(first)} → ${Math.round(last)} MiB`,
					ok: last - first <= 16,
				});
			}
		}
		for (const r of results.large) {
			const d = r.diy[id];
			const n = r.node[id];
			if (!d || d.error || !n) continue;
			checks.push({
				lane: id,
				target: `${size(r.sizeMiB)}: ≥ 4× less memory than HTTP Request + Compression`,
				value: `${(d.growthKiB / n.growthKiB).toFixed(1)}× less`,
				ok: d.growthKiB >= 4 * n.growthKiB,
			});
			checks.push({
				lane: id,
				target: `${size(r.sizeMiB)}: not slower than HTTP Request + Compression`,
				value: `${ratio(n.ms, d.ms)} its time`,
				ok: n.ms <= d.ms,
			});
		}
		const b = results.batch?.node[id];
		if (b) {
			checks.push({
				lane: id,
				target: 'batch ≤ 1.5× raw keep-alive loop',
				value: ratio(b.ms, results.batch.rawLoop.ms),
				ok: b.ms <= 1.5 * results.batch.rawLoop.ms,
			});
			checks.push({
				lane: id,
				target: 'batch: exactly one token request',
				value: String(b.tokenRequests),
				ok: b.tokenRequests === 1,
			});
			checks.push({
				lane: id,
				target: 'batch: connections reused',
				value: `${b.connections} TLS connections for ${b.requests} requests`,
				ok: b.connections < b.requests / 2,
			});
		}
	}
	return checks;
}

function toMarkdown(results) {
	const lines = [];
	const m = results.machine;
	const lanes = Object.entries(results.lanes);
	const load = (l) => (l ? l.join(' / ') : '?');
	lines.push(
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}${m.virtualized ? ' (virtual machine)' : ''}, temp on ${m.tempFs}; ${m.curl}, ${m.unzip}. Load average (1/5/15 min) at start ${load(m.loadAverageAtStart)}, at end ${load(m.loadAverageAtEnd)}.`,
	);
	lines.push(
		`n8n: ${lanes.map(([id, l]) => `lane ${id} = n8n ${l.n8n} (${l.label.replace(/^n8n \S+ on /, '')})`).join(', ')}. Run: ${results.startedAt}, ${results.totalSeconds} s (\`${results.command}\`).`,
	);
	lines.push('');
	if (results.large.length > 0) {
		const repeat = results.options.repeat;
		lines.push(
			`**1. Large save**: one item, 4 attachments (${results.options.content}: ${results.large[0].contentDescription}). Times: the node's own execution time in n8n vs. curl (download) + unzip, same simulator run${repeat > 1 ? `; fastest of ${repeat} runs up to 1 GiB` : ''}. RSS growth: n8n process peak during the node minus its RSS just before${repeat > 1 ? ' (largest of the runs)' : ''}.`,
		);
		lines.push('');
		lines.push(
			'| Size | ZIP | simulator alone | curl + unzip | ' +
				lanes.map(([id]) => `lane ${id}: node | ratio | RSS growth`).join(' | ') +
				' |',
		);
		lines.push('|---|---|---|---|' + lanes.map(() => '---|---|---').join('|') + '|');
		for (const r of results.large) {
			const cells = [
				size(r.sizeMiB),
				`${Math.round(r.zipBytes / 2 ** 20)} MiB`,
				`${Math.round(r.simulator.mibPerSecond)} MiB/s`,
				`${s(r.curlUnzip.ms)} (${s(r.curlUnzip.downloadMs)} + ${s(r.curlUnzip.unzipMs)})`,
			];
			for (const [id] of lanes) {
				const n = r.node[id];
				cells.push(s(n?.ms), ratio(n?.ms, r.curlUnzip.ms), mib(n?.growthKiB));
			}
			lines.push(`| ${cells.join(' | ')} |`);
		}
		lines.push('');
	}
	const floorRows = results.large.filter((r) => Object.keys(r.download ?? {}).length > 0);
	if (floorRows.length > 0) {
		lines.push(
			"**n8n's own floor**: the HTTP Request node streaming the same ZIP into n8n's binary store (response as file, no unpacking), same simulator run. A node receives its data through the same n8n HTTP stack, so this is the least time and memory growth any node can have there. Without case 2 it runs right after the node in every repeat; the last column gives the medians of those pairs (node ÷ floor time, node − floor RSS growth), which a load change on the shared machine disturbs less than the fastest and largest figures.",
		);
		lines.push('');
		lines.push(
			'| Size | Lane | download alone | vs curl + unzip | its RSS growth | node | node vs download alone | node RSS growth | paired median: time × / RSS Δ |',
		);
		lines.push('|---|---|---|---|---|---|---|---|---|');
		for (const r of floorRows) {
			for (const [id] of lanes) {
				const f = r.download[id];
				const n = r.node[id];
				if (!f) continue;
				if (f.error) {
					lines.push(
						`| ${size(r.sizeMiB)} | ${id} | failed: ${f.error} | | | ${s(n?.ms)} | | ${mib(n?.growthKiB)} | |`,
					);
					continue;
				}
				lines.push(
					`| ${size(r.sizeMiB)} | ${id} | ${s(f.ms)} | ${ratio(f.ms, r.curlUnzip.ms)} | ${mib(f.growthKiB)} | ${s(n?.ms)} | ${ratio(n?.ms, f.ms)} | ${mib(n?.growthKiB)} | ${pairedCell(pairedMedians(n, f))} |`,
				);
			}
		}
		lines.push('');
	}
	const diyRows = results.large.filter((r) => Object.keys(r.diy).length > 0);
	if (diyRows.length > 0) {
		lines.push(
			'**2. What a user builds instead**: HTTP Request (token) → HTTP Request (save, response as file) → Compression (decompress), same simulator run as the node; time and RSS growth from the first HTTP Request to the end of Compression.',
		);
		lines.push('');
		lines.push(
			'| Size | Lane | HTTP + Compression | RSS growth | node | node RSS growth | node uses less memory | node time vs HTTP + Compression |',
		);
		lines.push('|---|---|---|---|---|---|---|---|');
		for (const r of diyRows) {
			for (const [id] of lanes) {
				const d = r.diy[id];
				const n = r.node[id];
				if (!d) continue;
				if (d.error) {
					lines.push(
						`| ${size(r.sizeMiB)} | ${id} | failed: ${d.error} | | ${s(n?.ms)} | ${mib(n?.growthKiB)} | | |`,
					);
					continue;
				}
				lines.push(
					`| ${size(r.sizeMiB)} | ${id} | ${s(d.ms)} | ${mib(d.growthKiB)} | ${s(n?.ms)} | ${mib(n?.growthKiB)} | ${(d.growthKiB / n.growthKiB).toFixed(1)}× | ${ratio(n?.ms, d.ms)} |`,
				);
			}
		}
		lines.push('');
	}
	if (results.batch) {
		const b = results.batch;
		lines.push(
			`**3. Batch**: ${b.items} input items, each saving one small attachment (list + save per item, the same requests for every client).`,
		);
		lines.push('');
		lines.push(
			'| Client | time | vs keep-alive loop | token requests | TLS connections | API requests |',
		);
		lines.push('|---|---|---|---|---|---|');
		lines.push(
			`| raw keep-alive HTTPS loop | ${s(b.rawLoop.ms)} | 1× | ${b.rawLoop.tokenRequests} | ${b.rawLoop.connections} | ${b.rawLoop.requests} |`,
		);
		const row = (label, c) =>
			lines.push(
				`| ${label} | ${s(c.ms)} | ${ratio(c.ms, b.rawLoop.ms)} | ${c.tokenRequests} | ${c.connections} | ${c.requests} |`,
			);
		if (b.rawLoopNewConnections)
			row("raw loop, new agent per request (as n8n's request helpers)", b.rawLoopNewConnections);
		if (b.rawLoopNewConnectionsParallel)
			row(
				`raw loop, new agent per request, ${b.rawLoopNewConnectionsParallel.parallel} tickets at once`,
				b.rawLoopNewConnectionsParallel,
			);
		for (const [id] of lanes) {
			if (b.node[id]) row(`lane ${id}: node, Parallel Items 4 (default)`, b.node[id]);
			if (b.nodeOneByOne?.[id]) row(`lane ${id}: node, Parallel Items 1`, b.nodeOneByOne[id]);
			if (b.httpRequestNodes?.[id])
				row(
					`lane ${id}: HTTP Request nodes (list, save as file; no unpacking)`,
					b.httpRequestNodes[id],
				);
		}
		lines.push('');
		const same = [];
		for (const [id] of lanes) {
			for (const [label, c] of [
				['node', b.node[id]],
				['node one by one', b.nodeOneByOne?.[id]],
				['HTTP Request', b.httpRequestNodes?.[id]],
			]) {
				if (c) same.push(`lane ${id} ${label}: ${c.sameRequestsAsRawLoop ? 'yes' : 'NO'}`);
			}
		}
		if (same.length > 0) {
			lines.push(
				`Same API requests (method, path, query; order aside) as the raw loops: ${same.join(', ')}.`,
			);
			lines.push('');
		}
	}
	const checks = checkTargets(results);
	if (checks.length > 0) {
		lines.push('**Targets** (issue #6)');
		lines.push('');
		lines.push('| Lane | Target | Measured | Met |');
		lines.push('|---|---|---|---|');
		for (const c of checks) lines.push(`| ${c.lane} | ${c.target} | ${c.value} |${mark(c.ok)} |`);
		lines.push('');
	}
	return `${lines.join('\n')}\n`;
}

module.exports = { machineInfo, toMarkdown, checkTargets, pairedMedians, pairedCell };
