'use strict';
// Starts the fake Jira Server and gives tests and the demo its controls: create an issue, fire
// its webhook event to the URLs registered for it, read back attachments and comments.

const { buildApp, DEFAULT_LOGIN, WEBHOOK_PATHS, issueEvent, commentText } = require('./server');
const { JiraState } = require('./state');

/**
 * Options: `port` (0 = free), `version` (what /serverInfo reports; '10.x' switches the webhook
 * API the way Jira Server 10 does), `login` ({ username, password } for basic auth).
 */
async function startFakeJira({ port = 0, version = '9.12.0', login = DEFAULT_LOGIN } = {}) {
	let url = '';
	const state = new JiraState({ baseUrl: () => url });
	const app = buildApp(state, { login, version });
	await app.listen({ port, host: '127.0.0.1' });
	url = `http://127.0.0.1:${app.server.address().port}`;

	/** POSTs the event to every webhook registered for it; resolves with each delivery's status. */
	async function fire(issue, webhookEvent) {
		const body = issueEvent(url, issue, webhookEvent);
		const hooks = [...state.webhooks.values()].filter(
			(hook) => hook.events.includes(webhookEvent) || hook.events.includes('*'),
		);
		const deliveries = [];
		for (const hook of hooks) {
			const res = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'user-agent': 'Atlassian HttpClient (fake)',
				},
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(30000),
			});
			const delivery = {
				url: hook.url,
				event: webhookEvent,
				issue: issue.key,
				status: res.status,
				body: await res.text(),
			};
			state.deliveries.push(delivery);
			deliveries.push(delivery);
		}
		return deliveries;
	}

	return {
		url,
		login,
		version,
		state,
		webhookPath: Number.parseInt(version, 10) >= 10 ? WEBHOOK_PATHS.v10 : WEBHOOK_PATHS.classic,
		createIssue: (fields) => state.createIssue(fields),
		issue: (key) => state.issue(key),
		fireIssueCreated: (issue) => fire(issue, 'jira:issue_created'),
		fire,
		failNext: (...args) => state.failNext(...args),
		reset: () => state.reset(),
		stop: () => app.close(),
	};
}

module.exports = { startFakeJira, DEFAULT_LOGIN, WEBHOOK_PATHS, commentText };
