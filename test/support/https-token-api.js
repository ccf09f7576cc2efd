'use strict';
// Test-only HTTPS API (used by test/harness) with a self-signed certificate: POST /login issues session tokens,
// everything else needs `Authorization: Bearer <issued token>`. Records every request.

const https = require('https');
const selfsigned = require('selfsigned');

const USERNAME = 'harness-user';
const PASSWORD = 'harness-secret-pw-31337';

function patternBytes(size) {
	const buffer = Buffer.alloc(size);
	for (let i = 0; i < size; i++) buffer[i] = (i * 31 + 7) & 0xff;
	return buffer;
}

function sendJson(res, statusCode, body) {
	res.writeHead(statusCode, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function streamPattern(res, size) {
	res.writeHead(200, {
		'content-type': 'application/octet-stream',
		'content-disposition': 'attachment; filename="download.bin"',
	});
	const bytes = patternBytes(size);
	const chunk = 16 * 1024;
	let offset = 0;
	const pump = () => {
		while (offset < bytes.length) {
			const slice = bytes.subarray(offset, offset + chunk);
			offset += slice.length;
			if (!res.write(slice)) return res.once('drain', pump);
		}
		res.end();
	};
	pump();
}

async function startTokenApi() {
	const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
		days: 1,
		keySize: 2048,
		extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
	});
	const requests = [];
	const validTokens = new Set();
	let issued = 0;
	const issueToken = () => {
		const token = `tok-${++issued}`;
		validTokens.add(token);
		return token;
	};

	const route = (req, res, rawBody) => {
		const url = new URL(req.url, 'https://127.0.0.1');
		if (req.method === 'POST' && url.pathname === '/login') {
			const credentials = JSON.parse(rawBody || '{}');
			if (credentials.username !== USERNAME || credentials.password !== PASSWORD) {
				return sendJson(res, 401, { message: 'Invalid user name or password' });
			}
			return sendJson(res, 200, { token: issueToken() });
		}
		if (url.pathname === '/fail-500') {
			return sendJson(res, 500, { message: 'Backend exploded', code: 'E500' });
		}
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		if (!validTokens.has(token) || url.pathname === '/always-401') {
			return sendJson(res, 401, { message: 'Session expired' });
		}
		if (req.method === 'GET' && url.pathname.startsWith('/tickets/')) {
			return sendJson(res, 200, { id: decodeURIComponent(url.pathname.slice('/tickets/'.length)) });
		}
		if (req.method === 'POST' && url.pathname === '/echo') {
			return sendJson(res, 200, { received: JSON.parse(rawBody || 'null') });
		}
		if (req.method === 'GET' && url.pathname === '/file') {
			return streamPattern(res, Number(url.searchParams.get('size')));
		}
		return sendJson(res, 404, { message: 'Not found' });
	};

	const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			requests.push({
				method: req.method,
				path: req.url,
				authorization: req.headers.authorization,
				body: rawBody,
			});
			route(req, res, rawBody);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

	return {
		baseUrl: `https://127.0.0.1:${server.address().port}`,
		requests,
		logins: () => requests.filter((r) => r.path === '/login'),
		requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
		issueToken,
		reset() {
			requests.length = 0;
			validTokens.clear();
			issued = 0;
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startTokenApi, patternBytes, USERNAME, PASSWORD };
