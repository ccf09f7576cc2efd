'use strict';
// The examples as the editor's "Execute workflow" runs them: POST /rest/workflows/:id/run naming
// the trigger to start from, so n8n takes the trigger's pinned data instead of waiting for a
// request; then the execution is polled until it ends.

const assert = require('node:assert/strict');
const { credential } = require('../../tools/workflows');

/** The credential the examples reference, pointing at the simulator. */
function exampleCredential(sim) {
	return credential({
		id: 'vb365Credential1',
		name: 'Veeam Backup for Microsoft 365 account',
		url: sim.url,
		username: sim.credentials.username,
		password: sim.credentials.password,
		ignoreSslIssues: true,
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const unwrap = (res) => res.json?.data ?? res.json;
const RUNNING = ['new', 'running', 'waiting', 'unknown'];

/** Runs `workflow` (imported with this id and pinData) from its pinned trigger; returns the finished execution. */
async function executeFromPinnedTrigger(client, workflow, { timeoutMs = 120000 } = {}) {
	const [trigger] = Object.keys(workflow.pinData ?? {});
	assert.ok(trigger, `${workflow.name}: no pinned trigger`);
	// n8n 1.x reads the workflow from the body, 2.x from its database (and ignores workflowData).
	const started = await client.call('POST', `/workflows/${workflow.id}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: trigger },
	});
	assert.equal(started.status, 200, `run: HTTP ${started.status} ${started.text.slice(0, 500)}`);
	const { executionId, waitingForWebhook } = unwrap(started) ?? {};
	assert.ok(!waitingForWebhook, 'n8n waits for a webhook call: the pinned data was not used');
	assert.ok(executionId, `no execution started: ${started.text.slice(0, 500)}`);
	const until = Date.now() + timeoutMs;
	for (;;) {
		const res = await client.call('GET', `/executions/${executionId}`);
		const execution = unwrap(res);
		if (execution && !RUNNING.includes(execution.status) && execution.stoppedAt) {
			assert.equal(
				execution.status,
				'success',
				`execution ${executionId}: ${res.text.slice(0, 1500)}`,
			);
			return execution;
		}
		assert.ok(
			Date.now() < until,
			`execution ${executionId} still ${execution?.status} after ${timeoutMs} ms`,
		);
		await sleep(500);
	}
}

module.exports = { exampleCredential, executeFromPinnedTrigger };
