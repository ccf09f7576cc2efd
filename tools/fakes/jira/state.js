'use strict';
// What the fake Jira holds: issues (with their attachments and comments), registered webhooks,
// every request it answered, and one-shot faults a test arms ("fail the next upload").

class JiraState {
	constructor({ baseUrl = () => '' } = {}) {
		this.baseUrl = baseUrl;
		this.reset();
	}

	reset() {
		this.issues = new Map();
		this.webhooks = new Map();
		this.requests = [];
		this.faults = [];
		this.deliveries = [];
		this.nextId = { issue: 10000, attachment: 20000, comment: 30000, webhook: 1 };
	}

	nextOf(kind) {
		return String(this.nextId[kind]++);
	}

	/** Creates an issue in project `project` (key PROJECT-n) with a summary and a description. */
	createIssue({ project = 'HD', summary = '', description = '', reporter = 'anna.meier' } = {}) {
		const id = this.nextOf('issue');
		const number = [...this.issues.values()].filter((i) => i.project === project).length + 1;
		const issue = {
			id,
			key: `${project}-${number}`,
			project,
			summary,
			description,
			reporter,
			created: new Date().toISOString(),
			attachments: [],
			comments: [],
		};
		this.issues.set(issue.key, issue);
		return issue;
	}

	issue(keyOrId) {
		return (
			this.issues.get(keyOrId) ?? [...this.issues.values()].find((issue) => issue.id === keyOrId)
		);
	}

	/**
	 * Arms a fault: after letting `after` matching requests through, the next `times` requests
	 * matching method + path regex answer `status`.
	 */
	failNext(
		method,
		pathPattern,
		{ status = 500, times = 1, after = 0, message = 'Simulated Jira failure' } = {},
	) {
		this.faults.push({ method, pathPattern, status, times, after, message });
	}

	takeFault(method, path) {
		const fault = this.faults.find(
			(f) => f.method === method && f.pathPattern.test(path) && f.times > 0,
		);
		if (!fault) return undefined;
		if (fault.after > 0) {
			fault.after--;
			return undefined;
		}
		fault.times--;
		return fault;
	}
}

module.exports = { JiraState };
