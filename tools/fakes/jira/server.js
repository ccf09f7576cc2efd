'use strict';
// A fake Jira Server on loopback (plain HTTP): the REST calls n8n's Jira credential test, Jira
// Trigger (webhook registration for the server version) and Jira node (attachment add/list,
// comment add) make, with basic auth and the XSRF header check Jira applies to uploads.
// It fires webhook events to the URLs n8n registered. See README.md.

const fastify = require('fastify');
const { JiraState } = require('./state');
const { user, attachmentJson, commentJson, issueJson, issueEvent } = require('./render');

const DEFAULT_LOGIN = { username: 'helpdesk-bot', password: 'Jira-Fake-Pass-1' };
// Jira Server < 10 serves the classic webhook API; 10 and later the jira-webhook plugin's.
const WEBHOOK_PATHS = {
	classic: '/rest/webhooks/1.0/webhook',
	v10: '/rest/jira-webhook/1.0/webhooks',
};

const errorBody = (...messages) => ({ errorMessages: messages, errors: {} });

function parseVersion(version) {
	return String(version)
		.split('.')
		.map((part) => Number.parseInt(part, 10) || 0);
}

function checkBasicAuth(header, login) {
	const match = /^Basic (.+)$/i.exec(header ?? '');
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return decoded.slice(0, colon) === login.username && decoded.slice(colon + 1) === login.password;
}

/** Text of a comment body: a string (API v2, wiki markup) or an Atlassian document (API v3). */
function commentText(body) {
	if (typeof body === 'string') return body;
	const texts = [];
	const walk = (node) => {
		if (!node || typeof node !== 'object') return;
		if (typeof node.text === 'string') texts.push(node.text);
		(node.content ?? []).forEach(walk);
	};
	walk(body);
	return texts.join('\n');
}

function buildApp(state, { login, version }) {
	const app = fastify({ logger: false, forceCloseConnections: true, bodyLimit: 64 * 1024 * 1024 });
	const base = () => state.baseUrl();
	const major = parseVersion(version)[0];
	const webhookPath = major >= 10 ? WEBHOOK_PATHS.v10 : WEBHOOK_PATHS.classic;

	app.removeAllContentTypeParsers();
	app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body, done) => done(null, body));

	app.addHook('onRequest', async (req, reply) => {
		const path = req.url.split('?')[0];
		const entry = { method: req.method, path, atlassianToken: req.headers['x-atlassian-token'] };
		state.requests.push(entry);
		req.logEntry = entry;
		if (!checkBasicAuth(req.headers.authorization, login)) {
			entry.status = 401;
			// Answered before the body is read: close the connection so no unread upload is left on it.
			reply
				.header('www-authenticate', 'Basic realm="protected-area"')
				.header('connection', 'close');
			return reply
				.code(401)
				.send(
					errorBody(
						'You are not authenticated. Authentication required to perform this operation.',
					),
				);
		}
	});
	// Faults answer after the body was read, so the client's connection stays usable.
	app.addHook('preHandler', async (req, reply) => {
		const fault = state.takeFault(req.method, req.logEntry.path);
		if (fault) {
			req.logEntry.status = fault.status;
			return reply.code(fault.status).send(errorBody(fault.message));
		}
	});

	const json = (req) => (req.body?.length ? JSON.parse(req.body.toString('utf8')) : {});
	const issueOr404 = (req, reply) => {
		const issue = state.issue(req.params.key);
		if (!issue) reply.code(404).send(errorBody('Issue Does Not Exist'));
		return issue;
	};

	app.get('/rest/api/2/myself', async () => user(login.username));
	app.get('/rest/api/2/serverInfo', async () => ({
		baseUrl: base(),
		version,
		versionNumbers: parseVersion(version),
		deploymentType: 'Server',
		buildNumber: 912000,
		serverTitle: 'Contoso Service Desk (fake)',
	}));

	const webhookJson = (hook) => ({
		id: Number(hook.id),
		self: `${base()}${webhookPath}/${hook.id}`,
		name: hook.name,
		url: hook.url,
		events: hook.events,
		filters: hook.filters,
		excludeBody: hook.excludeBody,
		enabled: true,
	});
	app.get(webhookPath, async () => [...state.webhooks.values()].map(webhookJson));
	app.post(webhookPath, async (req, reply) => {
		const body = json(req);
		if (typeof body.url !== 'string' || !Array.isArray(body.events) || body.events.length === 0) {
			return reply.code(400).send(errorBody('A webhook needs a url and at least one event'));
		}
		const hook = {
			id: state.nextOf('webhook'),
			name: body.name,
			url: body.url,
			events: body.events,
			filters: body.filters ?? {},
			excludeBody: Boolean(body.excludeBody),
		};
		state.webhooks.set(hook.id, hook);
		return reply.code(201).send(webhookJson(hook));
	});
	app.delete(`${webhookPath}/:id`, async (req, reply) => {
		if (!state.webhooks.delete(req.params.id))
			return reply.code(404).send(errorBody('No webhook with this id'));
		return reply.code(204).send();
	});

	app.get('/rest/api/:v/issue/:key', async (req, reply) => {
		const issue = issueOr404(req, reply);
		return issue && issueJson(base(), issue);
	});

	app.post('/rest/api/:v/issue/:key/attachments', async (req, reply) => {
		const token = String(req.headers['x-atlassian-token'] ?? '').toLowerCase();
		if (token !== 'no-check' && token !== 'nocheck') {
			return reply.code(403).send('XSRF check failed');
		}
		const issue = issueOr404(req, reply);
		if (!issue) return undefined;
		const contentType = req.headers['content-type'] ?? '';
		if (!contentType.startsWith('multipart/form-data')) {
			return reply
				.code(415)
				.send(errorBody(`Expected multipart/form-data, got ${contentType || 'no content type'}`));
		}
		const form = await new Response(req.body, {
			headers: { 'content-type': contentType },
		}).formData();
		const files = form.getAll('file').filter((part) => typeof part === 'object');
		if (files.length === 0) return reply.code(400).send(errorBody('No multipart field "file"'));
		const added = [];
		for (const file of files) {
			const attachment = {
				id: state.nextOf('attachment'),
				filename: file.name,
				mimeType: file.type || 'application/octet-stream',
				content: Buffer.from(await file.arrayBuffer()),
				author: login.username,
				created: new Date().toISOString(),
			};
			issue.attachments.push(attachment);
			added.push(attachmentJson(base(), attachment));
		}
		return added;
	});

	const findAttachment = (id) => {
		for (const issue of state.issues.values()) {
			const found = issue.attachments.find((a) => a.id === id);
			if (found) return found;
		}
		return undefined;
	};
	app.get('/rest/api/:v/attachment/:id', async (req, reply) => {
		const attachment = findAttachment(req.params.id);
		return attachment
			? attachmentJson(base(), attachment)
			: reply.code(404).send(errorBody('Attachment not found'));
	});
	app.get('/secure/attachment/:id/*', async (req, reply) => {
		const attachment = findAttachment(req.params.id);
		if (!attachment) return reply.code(404).send(errorBody('Attachment not found'));
		return reply.type(attachment.mimeType).send(attachment.content);
	});

	app.post('/rest/api/:v/issue/:key/comment', async (req, reply) => {
		const issue = issueOr404(req, reply);
		if (!issue) return undefined;
		const body = json(req);
		const text = commentText(body.body);
		if (!text.trim())
			return reply
				.code(400)
				.send({ errorMessages: [], errors: { comment: 'Comment body can not be empty!' } });
		const comment = {
			id: state.nextOf('comment'),
			body: text,
			author: login.username,
			created: new Date().toISOString(),
		};
		issue.comments.push(comment);
		return reply.code(201).send(commentJson(base(), issue, comment));
	});

	app.setNotFoundHandler((req, reply) =>
		reply.code(404).send(errorBody(`No route ${req.method} ${req.url.split('?')[0]}`)),
	);
	return app;
}

module.exports = { buildApp, WEBHOOK_PATHS, DEFAULT_LOGIN, commentText, issueEvent };
