'use strict';
// The fake Jira Server speaks what n8n's Jira nodes send: basic auth, the XSRF header on
// uploads, multipart attachments stored byte for byte, comments in API v2 and v3 form, and the
// webhook API of the server version it reports.
const http = require('node:http');
const { startFakeJira, DEFAULT_LOGIN, WEBHOOK_PATHS } = require('../../tools/fakes/jira');

const basic = (login = DEFAULT_LOGIN) =>
	`Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;

function client(jira, login) {
	return async (method, path, { json, body, headers = {} } = {}) => {
		const res = await fetch(`${jira.url}${path}`, {
			method,
			headers: {
				authorization: basic(login),
				...(json ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: json ? JSON.stringify(json) : body,
		});
		const text = await res.text();
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined;
		}
		return { status: res.status, json: parsed, text };
	};
}

function upload(call, key, files, headers = { 'x-atlassian-token': 'no-check' }) {
	const form = new FormData();
	for (const [name, bytes] of files) form.append('file', new Blob([bytes]), name);
	return call('POST', `/rest/api/2/issue/${key}/attachments`, { body: form, headers });
}

describe('fake Jira Server 9.x', () => {
	let jira;
	let call;
	beforeAll(async () => {
		jira = await startFakeJira({ version: '9.12.0' });
		call = client(jira);
	});
	afterAll(() => jira.stop());
	beforeEach(() => jira.reset());

	test('credential test route answers the logged-in user; a wrong password gets 401', async () => {
		expect((await call('GET', '/rest/api/2/myself')).json.name).toBe(DEFAULT_LOGIN.username);
		const wrong = await client(jira, { ...DEFAULT_LOGIN, password: 'nope' })(
			'GET',
			'/rest/api/2/myself',
		);
		expect(wrong.status).toBe(401);
		expect((await fetch(`${jira.url}/rest/api/2/myself`)).status).toBe(401);
	});

	test('serverInfo reports a Server deployment and the classic webhook API is served', async () => {
		const info = (await call('GET', '/rest/api/2/serverInfo')).json;
		expect(info).toMatchObject({ deploymentType: 'Server', versionNumbers: [9, 12, 0] });
		expect((await call('GET', WEBHOOK_PATHS.classic)).json).toEqual([]);
		expect((await call('GET', WEBHOOK_PATHS.v10)).status).toBe(404);
	});

	test('uploads need X-Atlassian-Token: no-check and keep the bytes and names', async () => {
		const issue = jira.createIssue({ summary: 'Restore please' });
		const bytes = Buffer.from([0, 1, 2, 255, 254, 13, 10, 45, 45]);
		const refused = await upload(call, issue.key, [['a.bin', bytes]], {});
		expect(refused.status).toBe(403);
		expect(issue.attachments).toEqual([]);

		const res = await upload(call, issue.key, [
			['Signed contract (v2).pdf', bytes],
			['notes.txt', 'hi'],
		]);
		expect(res.status).toBe(200);
		expect(res.json.map((a) => [a.filename, a.size])).toEqual([
			['Signed contract (v2).pdf', bytes.length],
			['notes.txt', 2],
		]);
		expect(issue.attachments[0].content.equals(bytes)).toBe(true);
		const listed = (await call('GET', `/rest/api/2/issue/${issue.key}`)).json.fields.attachment;
		expect(listed.map((a) => a.filename)).toEqual(['Signed contract (v2).pdf', 'notes.txt']);
		const download = await fetch(listed[0].content, { headers: { authorization: basic() } });
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
	});

	test('an upload without a "file" part or to an unknown issue is refused', async () => {
		jira.createIssue();
		const form = new FormData();
		form.append('other', 'x');
		const noFile = await call('POST', '/rest/api/2/issue/HD-1/attachments', {
			body: form,
			headers: { 'x-atlassian-token': 'no-check' },
		});
		expect(noFile.status).toBe(400);
		expect((await upload(call, 'HD-99', [['a.txt', 'a']])).status).toBe(404);
	});

	test('comments in wiki markup (v2) and as a document (v3) are stored as text; empty ones refused', async () => {
		const issue = jira.createIssue();
		expect(
			(
				await call('POST', `/rest/api/2/issue/${issue.key}/comment`, {
					json: { body: 'Restored 2 files' },
				})
			).status,
		).toBe(201);
		const doc = {
			type: 'doc',
			version: 1,
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'From v3' }] }],
		};
		expect(
			(await call('POST', `/rest/api/3/issue/${issue.key}/comment`, { json: { body: doc } }))
				.status,
		).toBe(201);
		expect(
			(await call('POST', `/rest/api/2/issue/${issue.key}/comment`, { json: { body: ' ' } }))
				.status,
		).toBe(400);
		expect(issue.comments.map((c) => c.body)).toEqual(['Restored 2 files', 'From v3']);
	});

	test('an armed fault fails exactly the next matching request', async () => {
		const issue = jira.createIssue();
		jira.failNext('POST', /\/attachments$/, { status: 500 });
		expect((await upload(call, issue.key, [['a.txt', 'a']])).status).toBe(500);
		expect((await upload(call, issue.key, [['a.txt', 'a']])).status).toBe(200);
		expect(issue.attachments).toHaveLength(1);
	});

	test('registered webhooks get the issue_created event with the issue; deleted ones none', async () => {
		const received = [];
		const receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				received.push({ path: req.url, body: JSON.parse(body) });
				res.end('{}');
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const hookUrl = `http://127.0.0.1:${receiver.address().port}/webhook/abc/webhook`;
		try {
			const created = await call('POST', WEBHOOK_PATHS.classic, {
				json: {
					name: 'n8n',
					url: hookUrl,
					events: ['jira:issue_created'],
					filters: {},
					excludeBody: false,
				},
			});
			expect(created.status).toBe(201);
			expect(created.json.self).toMatch(/\/rest\/webhooks\/1\.0\/webhook\/1$/);
			const issue = jira.createIssue({
				summary: 'Lost file',
				description: 'https://contoso.sharepoint.com/x',
			});
			const [delivery] = await jira.fireIssueCreated(issue);
			expect(delivery.status).toBe(200);
			expect(received).toHaveLength(1);
			expect(received[0].path).toBe('/webhook/abc/webhook');
			expect(received[0].body).toMatchObject({
				webhookEvent: 'jira:issue_created',
				issue: {
					key: issue.key,
					fields: { summary: 'Lost file', description: 'https://contoso.sharepoint.com/x' },
				},
			});
			expect((await call('DELETE', `${WEBHOOK_PATHS.classic}/1`)).status).toBe(204);
			expect(await jira.fireIssueCreated(issue)).toEqual([]);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});

test('fake Jira Server 10.x serves only the jira-webhook API and reports ids', async () => {
	const jira = await startFakeJira({ version: '10.3.1' });
	const call = client(jira);
	try {
		expect((await call('GET', '/rest/api/2/serverInfo')).json.versionNumbers).toEqual([10, 3, 1]);
		expect((await call('GET', WEBHOOK_PATHS.classic)).status).toBe(404);
		const created = await call('POST', WEBHOOK_PATHS.v10, {
			json: {
				name: 'n8n',
				url: 'http://127.0.0.1:1/webhook/x/webhook',
				events: ['jira:issue_created'],
			},
		});
		expect(created.json.id).toBe(1);
		expect((await call('GET', WEBHOOK_PATHS.v10)).json.map((h) => h.url)).toEqual([
			'http://127.0.0.1:1/webhook/x/webhook',
		]);
	} finally {
		await jira.stop();
	}
});
