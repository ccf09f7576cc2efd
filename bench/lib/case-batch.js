'use strict';
// Case 3: many input items, each saving one small attachment, through the node in each lane, and
// the same requests from a hand-written keep-alive HTTPS loop (same simulator run). The
// simulator's counters say how many logins and TLS connections each made.

const fs = require('node:fs');
const path = require('node:path');

const { findStoredBinary } = require('../../test/e2e/lib/binary-store');
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

/** What the node does per ticket: list the item's attachments (one page), save the one picked. */
async function rawLoop(sim, tickets, outDir, clientOptions) {
	fs.mkdirSync(outDir, { recursive: true });
	const started = Date.now();
	const client = createClient(sim.url, clientOptions);
	try {
		const token = await client.login('v8', sim.credentials);
		for (let i = 0; i < tickets.length; i++) {
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
		// Method, path and query of each API call except logins: to check both clients asked the same.
		calls: requests
			.filter((r) => !/\/token$/i.test(r.path) && !r.control)
			.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query ?? {})}`),
	};
}

async function runBatch({ port, lanes, tickets, workDir, log }) {
	const sim = await startSimulatorProcess({ port, profile: '8.x' });
	const result = { items: tickets.length, node: {} };
	try {
		const raw = async (label, clientOptions) => {
			await sim.reset();
			const scratch = path.join(workDir, 'raw-loop');
			const run = await rawLoop(sim, tickets, scratch, clientOptions);
			fs.rmSync(scratch, { recursive: true, force: true });
			const counters = await simCounters(sim);
			log(
				`  ${label}: ${(run.ms / 1000).toFixed(1)} s, ${counters.requests} requests, ${counters.connections} connections`,
			);
			return {
				ms: run.ms,
				tokenRequests: counters.tokenRequests,
				connections: counters.connections,
				requests: counters.requests,
				calls: counters.calls,
			};
		};
		const keepAlive = await raw('raw keep-alive HTTPS loop', {});
		const rawCalls = keepAlive.calls;
		delete keepAlive.calls;
		result.rawLoop = keepAlive;
		// The same loop with a new agent per request, as n8n's request helpers work: what the
		// connection handling alone costs.
		result.rawLoopNewConnections = await raw('raw loop, new TLS connection per request', {
			agentPerRequest: true,
		});
		delete result.rawLoopNewConnections.calls;

		for (const lane of lanes) {
			log(`  node in n8n ${lane.laneDef.n8nVersion} …`);
			await lane.reimportCredential();
			await sim.reset();
			const run = await lane.execute(IDS.batch, `batch of ${tickets.length}`);
			const items = nodeRun(run.run, NODES.batchSave).items;
			if (items.length !== tickets.length)
				throw new Error(`batch: ${items.length} output items for ${tickets.length} tickets`);
			items.forEach((item, i) => {
				const file = findStoredBinary(lane.userFolder, item.binary?.data?.id);
				if (!file || fs.statSync(file).size !== tickets[i].sizeBytes) {
					throw new Error(`batch item ${i}: stored file missing or of the wrong size`);
				}
			});
			const counters = await simCounters(sim);
			const measured = measureNodes(run, NODES.batchSave);
			lane.clearBinaryData();
			result.node[lane.laneDef.id] = {
				...measured,
				tokenRequests: counters.tokenRequests,
				connections: counters.connections,
				requests: counters.requests,
				sameRequestsAsRawLoop: JSON.stringify(counters.calls) === JSON.stringify(rawCalls),
			};
			log(
				`    ${(measured.ms / 1000).toFixed(1)} s, ${counters.requests} requests, ${counters.tokenRequests} token request(s), ${counters.connections} connections`,
			);
		}
	} finally {
		await sim.stop();
	}
	return result;
}

module.exports = { batchTickets, runBatch, rawLoop };
