'use strict';
// A plain keep-alive HTTPS client for the simulator: what a developer writes by hand with
// node:https. Used for the benchmark's tokens and as the baseline of the batch case.

const https = require('node:https');

/**
 * `agentPerRequest` makes every request use a fresh https.Agent, as n8n's request helpers do:
 * a new TCP connection and a full TLS handshake (no session resumption) per request.
 */
function createClient(baseUrl, { agentPerRequest = false } = {}) {
	const shared = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
	const agentFor = () =>
		agentPerRequest ? new https.Agent({ rejectUnauthorized: false }) : shared;

	/** Resolves with { status, headers, body (Buffer) }; `sink` receives the body instead when given. */
	function request(method, path, { token, json, form, sink } = {}) {
		const headers = { Accept: 'application/json' };
		let payload;
		if (json !== undefined) {
			payload = Buffer.from(JSON.stringify(json));
			headers['Content-Type'] = 'application/json';
		} else if (form !== undefined) {
			payload = Buffer.from(new URLSearchParams(form).toString());
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		if (payload) headers['Content-Length'] = String(payload.length);
		if (token) headers.Authorization = `Bearer ${token}`;
		return new Promise((resolve, reject) => {
			const req = https.request(
				`${baseUrl}${path}`,
				{ method, headers, agent: agentFor() },
				(res) => {
					const chunks = [];
					res.on('data', (chunk) => (sink ? sink(chunk) : chunks.push(chunk)));
					res.on('end', () =>
						resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
					);
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}

	async function login(version, { username, password }) {
		const res = await request('POST', `/${version}/token`, {
			form: { grant_type: 'password', username, password, disable_antiforgery_token: 'true' },
		});
		if (res.status !== 200) throw new Error(`login answered HTTP ${res.status}`);
		return JSON.parse(res.body.toString('utf8')).access_token;
	}

	return { request, login, close: () => shared.destroy() };
}

module.exports = { createClient };
