'use strict';
// The storm's view of n8n from outside: posting tickets to the webhook, and reading the
// executions from Postgres (execution_entity).

const assert = require('node:assert/strict');

const TERMINAL = ['success', 'error', 'crashed', 'canceled'];
const HELPDESK_ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function postTickets(url, tickets, parallel = 50) {
	const queue = [...tickets];
	const failures = [];
	const worker = async () => {
		for (let ticket = queue.shift(); ticket; ticket = queue.shift()) {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ticket, itemUrl: HELPDESK_ITEM_URL }),
				signal: AbortSignal.timeout(60000),
			});
			await res.text();
			if (res.status !== 200) failures.push(`${ticket}: HTTP ${res.status}`);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	assert.deepEqual(failures, [], 'every ticket webhook answered 200');
}

/** Executions of the storm (ids above `afterId`), by status. */
async function executionStatus(pg, workflowId, afterId) {
	const rows = await pg.query(
		`select status, count(*) from execution_entity where "workflowId" = '${workflowId}' and id > ${afterId} group by status`,
	);
	return Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
}

/** Waits until `total` executions above `afterId` have ended; returns the status counts. */
async function waitForExecutions({
	pg,
	workflowId,
	afterId,
	total,
	started,
	timeoutMs,
	log,
	onPoll = async () => {},
	pollMs = () => 1000,
}) {
	for (let lastLog = Date.now(); ; ) {
		const status = await executionStatus(pg, workflowId, afterId);
		const finished = TERMINAL.reduce((sum, s) => sum + (status[s] ?? 0), 0);
		await onPoll(finished);
		if (finished >= total) return status;
		if (Date.now() - started > timeoutMs) {
			throw new Error(
				`only ${finished} of ${total} executions ended in ${timeoutMs / 60000} min: ${JSON.stringify(status)}`,
			);
		}
		if (Date.now() - lastLog > 15000) {
			lastLog = Date.now();
			log(
				`  … ${finished}/${total} ended after ${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(status)}`,
			);
		}
		await sleep(pollMs());
	}
}

module.exports = { postTickets, executionStatus, waitForExecutions, HELPDESK_ITEM_URL };
