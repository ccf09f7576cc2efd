'use strict';
// Activating a workflow in a running n8n, and waiting for its executions, through the editor's
// REST API (a logged-in `restClient`). Both lines take POST /rest/workflows/:id/activate with the
// version to activate; 1.x registers the trigger's webhooks before answering, 2.x "publishes"
// through an outbox and registers them a moment later, so callers wait for the side effect.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const unwrap = (res) => res.json?.data ?? res.json;
const RUNNING = ['new', 'running', 'waiting', 'unknown'];

async function activateWorkflow(client, workflowId) {
	const stored = await client.call('GET', `/workflows/${workflowId}`);
	const versionId = unwrap(stored)?.versionId;
	if (stored.status !== 200 || !versionId) {
		throw new Error(
			`workflow ${workflowId} not found: ${stored.status} ${stored.text.slice(0, 300)}`,
		);
	}
	const res = await client.call('POST', `/workflows/${workflowId}/activate`, { versionId });
	if (res.status !== 200)
		throw new Error(`activating ${workflowId}: ${res.status} ${res.text.slice(0, 800)}`);
	return unwrap(res);
}

/** Polls `check()` until it returns a truthy value; throws `what` after `timeoutMs`. */
async function waitUntil(check, what, { timeoutMs = 30000, everyMs = 250 } = {}) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > until)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(everyMs);
	}
}

async function listExecutions(client, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await client.call('GET', `/executions?filter=${filter}&limit=100`);
	if (res.status !== 200)
		throw new Error(`GET /executions: ${res.status} ${res.text.slice(0, 300)}`);
	const body = unwrap(res);
	return body.results ?? body;
}

const finished = (execution) => !RUNNING.includes(execution.status) && Boolean(execution.stoppedAt);

/** Waits until the workflow has at least `count` executions, all finished; newest first. */
async function waitForExecutions(client, workflowId, count, { timeoutMs = 120000 } = {}) {
	let last = [];
	try {
		return await waitUntil(
			async () => {
				last = await listExecutions(client, workflowId);
				return last.length >= count && last.every(finished) ? last : undefined;
			},
			`${count} finished executions of ${workflowId}`,
			{ timeoutMs, everyMs: 500 },
		);
	} catch (error) {
		throw new Error(
			`${error.message}; have ${last.length}: ${last.map((e) => e.status).join(', ')}`,
		);
	}
}

module.exports = { activateWorkflow, waitUntil, listExecutions, waitForExecutions };
