'use strict';
// Tiny HTTPS client for simulator tests (trusts the simulator's own certificate).
const https = require('node:https');
const zlib = require('node:zlib');
const yauzl = require('yauzl');

/**
 * @param {object} sim a started simulator (url, certificatePem)
 * @param {string} method
 * @param {string} path e.g. '/v8/Organizations'
 * @param {{token?:string, json?:any, form?:object, body?:string|Buffer, headers?:object, agent?:any, stream?:boolean}} [opts]
 * @returns {Promise<{status:number, headers:object, body:Buffer, text:string, json:any}>}
 *   with `stream: true`, resolves to the raw response (IncomingMessage) instead.
 */
function call(sim, method, path, opts = {}) {
	const url = new URL(path, sim.url);
	const headers = { accept: 'application/json', ...(opts.headers || {}) };
	let payload;
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	if (opts.json !== undefined) {
		payload = Buffer.from(JSON.stringify(opts.json));
		headers['content-type'] = headers['content-type'] || 'application/json';
	} else if (opts.form) {
		payload = Buffer.from(new URLSearchParams(opts.form).toString());
		headers['content-type'] = 'application/x-www-form-urlencoded';
	} else if (opts.body !== undefined) {
		payload = Buffer.from(opts.body);
	}
	if (payload) headers['content-length'] = payload.length;
	return new Promise((resolve, reject) => {
		const req = https.request(
			{
				hostname: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method,
				headers,
				ca: sim.certificatePem,
				agent: opts.agent === undefined ? false : opts.agent,
			},
			(res) => {
				if (opts.stream) return resolve(res);
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					const text = body.toString('utf8');
					let json;
					if (String(res.headers['content-type'] || '').includes('json') && text)
						json = JSON.parse(text);
					resolve({ status: res.statusCode, headers: res.headers, body, text, json });
				});
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** Password grant; returns the parsed token response (throws on failure). */
async function login(sim, version = 8, extra = {}) {
	const form = {
		grant_type: 'password',
		username: sim.credentials.username,
		password: sim.credentials.password,
		...(version >= 7 ? { disable_antiforgery_token: 'true' } : {}),
		...extra,
	};
	const res = await call(sim, 'POST', `/v${version}/token`, { form });
	if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
	return res.json;
}

/** Client bound to one API version and token: c.get(path), c.post(path, json). */
async function client(sim, version = 8) {
	const tokens = await login(sim, version);
	const p = (path) => `/v${version}${path}`;
	return {
		version,
		tokens,
		get: (path, opts = {}) => call(sim, 'GET', p(path), { token: tokens.access_token, ...opts }),
		post: (path, json, opts = {}) =>
			call(sim, 'POST', p(path), { token: tokens.access_token, json, ...opts }),
		put: (path, json, opts = {}) =>
			call(sim, 'PUT', p(path), { token: tokens.access_token, json, ...opts }),
	};
}

/** Path of an item inside its restore session, from a fixture item or attachment. */
function itemPath(att) {
	return `/RestoreSessions/${att.restoreSessionId}/Organization/Sites/${att.siteId}/Items/${att.itemId || att.id}`;
}

/**
 * Reads a ZIP buffer with yauzl: [{name, data, compressionMethod, utf8, crc32, crcOk}].
 * yauzl does not check CRC-32, so crcOk compares the central directory CRC with the data.
 */
function unzip(buffer) {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
			if (err) return reject(err);
			const entries = [];
			zip.on('error', reject);
			zip.on('end', () => resolve(entries));
			zip.on('entry', (entry) => {
				zip.openReadStream(entry, (e, rs) => {
					if (e) return reject(e);
					const chunks = [];
					rs.on('data', (c) => chunks.push(c));
					rs.on('error', reject);
					rs.on('end', () => {
						const data = Buffer.concat(chunks);
						entries.push({
							name: entry.fileName,
							data,
							compressionMethod: entry.compressionMethod,
							utf8: (entry.generalPurposeBitFlag & 0x800) !== 0,
							crc32: entry.crc32,
							crcOk: zlib.crc32(data) === entry.crc32,
						});
						zip.readEntry();
					});
				});
			});
			zip.readEntry();
		});
	});
}

module.exports = { call, login, client, itemPath, unzip };
