'use strict';
// Case 3: many input items, each saving one small attachment, through the node in each lane, and
// the same requests from a hand-written keep-alive HTTPS loop (same simulator run). The
// simulator's counters say how many logins and TLS connections each made.

const fs = require('node:fs');
const path = require('node:path');

const { findStoredBinary } = require('../../tools/n8n/binary-store');
const { startSimulatorProcess } = require('./simulator-process');
const { createClient } = require('./raw-client');
const { nodeRun } = require('./n8n-exec');
const { measureNodes, attachmentsPath } = require('./case-large');
const { IDS, NODES } = require('./workflows');

const SMALL_BYTES = 64 * 1024;

/** `count` tickets cycling through every small attachment of the fixture's items in a session. */
function batchTickets(fixture, count) {
	const small = [];
	for (const item of fixture.items) {
		if (!item.restoreSessionId) continue;
		for (const a of item.attachments) {
			if (a.sizeBytes > 0 && a.sizeBytes <= SMALL_BYTES) small.push({ item, attachment: a });
		}
	}
	return Array.from({ length: count }, (_, i) => {
		const { item, attachment } = small[i % small.length];
		return {
			restoreSessionId: item.restoreSessionId,
			siteId: item.siteId,
			itemId: item.id,
			attachmentId: attachment.id,
			sizeBytes: attachment.sizeBytes,
		};
	});
}

/** The node's default "Parallel Items". */
const NODE_PARALLEL_ITEMS = 4;

/**
 * What the node does per ticket: list the item's attachments (one page), save the one picked.
 * `parallel` tickets are worked on at once (1: one after the other).
 */
async function rawLoop(sim, tickets, outDir, clientOptions, parallel = 1) {
	fs.mkdirSync(outDir, { recursive: true });
	const started = Date.now();
	const client = createClient(sim.url, clientOptions);
	try {
		const token = await client.login('v8', sim.credentials);
		let next = 0;
		const worker = async () => {
			for (let i = next++; i < tickets.length; i = next++) {
				const t = tickets[i];
				const base = attachmentsPath({
					restoreSessionId: t.restoreSessionId,
					siteId: t.siteId,
					id: t.itemId,
				});
				const list = await client.request('GET', `${base}?offset=0&limit=1000`, { token });
				if (list.status !== 200) throw new Error(`raw loop: list answered ${list.status}`);
				JSON.parse(list.body.toString('utf8'));
				const save = await client.request('POST', `${base}/save`, {
					token,
					json: { attachments: [{ id: t.attachmentId }] },
				});
				if (save.status !== 200) throw new Error(`raw loop: save answered ${save.status}`);
				fs.writeFileSync(path.join(outDir, `${i}.zip`), save.body);
			}
		};
		await Promise.all(Array.from({ length: parallel }, worker));
	} finally {
		client.close();
	}
	return { ms: Date.now() - started };
}

async function simCounters(sim) {
	const stats = await sim.stats();
	const requests = await sim.requests();
	return {
		tokenRequests: Object.values(stats.tokenRequests).reduce((a, b) => a + b, 0),
		connections: stats.connections,
		requests: stats.requests,
		// Method, path and query of each API call except logins, sorted (clients working on several
		// tickets at once interleave them): to check every client asked the same.
		calls: requests
			.filter((r) => !/\/token$/i.test(r.path) && !r.control)
			.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query ?? {})}`)
			.sort(),
	};
}

async function runBatch({ port, lanes, tickets, workDir, log }) {
	const sim = await startSimulatorProcess({ port, profile: '8.x' });
	const result = { items: tickets.length, node: {} };
	try {
		const raw = async (label, clientOptions, parallel) => {
			await sim.reset();
			const scratch = path.join(workDir, 'raw-loop');
			const run = await rawLoop(sim, tickets, scratch, clientOptions, parallel);
			fs.rmSync(scratch, { recursive: true, force: true });
			const counters = await simCounters(sim);
			log(
				`  ${label}: ${(run.ms / 1000).toFixed(1)} s, ${counters.requests} requests, ${counters.connections} connections`,
			);
			return { ms: run.ms, ...counters };
		};
		const keepAlive = await raw('raw keep-alive HTTPS loop', {}, 1);
		const rawCalls = keepAlive.calls;
		const withoutCalls = ({ calls, ...rest }) => rest;
		result.rawLoop = withoutCalls(keepAlive);
		// The same loop with a new agent per request, as n8n's request helpers work: what the
		// connection handling alone costs, one ticket at a time and as many at once as the node.
		result.rawLoopNewConnections = withoutCalls(
			await raw('raw loop, new TLS connection per request', { agentPerRequest: true }, 1),
		);
		result.rawLoopNewConnectionsParallel = {
			parallel: NODE_PARALLEL_ITEMS,
			...withoutCalls(
				await raw(
					`raw loop, new TLS connection per request, ${NODE_PARALLEL_ITEMS} tickets at once`,
					{ agentPerRequest: true },
					NODE_PARALLEL_ITEMS,
				),
			),
		};

		const measureLane = async (lane, workflowId, what, firstNode, lastNode, checkItems) => {
			await lane.reimportCredential();
			await sim.reset();
			const run = await lane.execute(workflowId, what);
			checkItems(nodeRun(run.run, lastNode).items);
			const counters = await simCounters(sim);
			const measured = measureNodes(run, firstNode, lastNode);
			lane.clearBinaryData();
			log(
				`    ${what}: ${(measured.ms / 1000).toFixed(1)} s, ${counters.requests} requests, ${counters.tokenRequests} token request(s), ${counters.connections} connections`,
			);
			return {
				...measured,
				tokenRequests: counters.tokenRequests,
				connections: counters.connections,
				requests: counters.requests,
				sameRequestsAsRawLoop: JSON.stringify(counters.calls) === JSON.stringify(rawCalls),
			};
		};

		result.nodeOneByOne = {};
		result.httpRequestNodes = {};
		for (const lane of lanes) {
			const checkSaved = (items) => {
				if (items.length !== tickets.length)
					throw new Error(`batch: ${items.length} output items for ${tickets.length} tickets`);
				items.forEach((item, i) => {
					const file = findStoredBinary(lane.userFolder, item.binary?.data?.id);
					if (!file || fs.statSync(file).size !== tickets[i].sizeBytes) {
						throw new Error(`batch item ${i}: stored file missing or of the wrong size`);
					}
				});
			};
			const checkDownloaded = (items) => {
				if (items.length !== tickets.length || items.some((item) => !item.binary?.data))
					throw new Error(`batch with HTTP Request: ${items.length} files for ${tickets.length}`);
			};
			const id = lane.laneDef.id;
			log(`  n8n ${lane.laneDef.n8nVersion}:`);
			result.node[id] = await measureLane(
				lane,
				IDS.batch,
				`node (Parallel Items ${NODE_PARALLEL_ITEMS}, the default)`,
				NODES.batchSave,
				NODES.batchSave,
				checkSaved,
			);
			result.nodeOneByOne[id] = await measureLane(
				lane,
				IDS.batchOneByOne,
				'node (Parallel Items 1)',
				NODES.batchSave,
				NODES.batchSave,
				checkSaved,
			);
			result.httpRequestNodes[id] = await measureLane(
				lane,
				IDS.batchHttp,
				'HTTP Request nodes (list, then save as file)',
				NODES.batchList,
				NODES.batchDownload,
				checkDownloaded,
			);
		}
	} finally {
		await sim.stop();
	}
	return result;
}

module.exports = { batchTickets, runBatch, rawLoop };
