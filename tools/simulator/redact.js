'use strict';
// Request-log helpers: secrets never reach sim.requests.
const SECRET_KEYS = new Set([
	'password',
	'userpassword',
	'refresh_token',
	'access_token',
	'assertion',
	'client_secret',
	'clientsecret',
	'integration_token',
	'applicationsecret',
	'applicationcertificatepassword',
]);
const REDACTED = '[REDACTED]';

function tryParseJson(raw) {
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

function redactValue(v) {
	if (Array.isArray(v)) return v.map(redactValue);
	if (!v || typeof v !== 'object') return v;
	const out = {};
	for (const [k, x] of Object.entries(v))
		out[k] = SECRET_KEYS.has(k.toLowerCase()) ? REDACTED : redactValue(x);
	return out;
}

/** Parsed form fields or JSON with secret values replaced; a marker for anything else. */
function redactBody(contentType, raw) {
	if (typeof raw !== 'string' || raw === '') return undefined;
	const type = String(contentType || '').toLowerCase();
	if (type.includes('x-www-form-urlencoded'))
		return redactValue(Object.fromEntries(new URLSearchParams(raw)));
	const parsed = tryParseJson(raw);
	if (parsed !== undefined) return redactValue(parsed);
	return `[unparsed body, ${Buffer.byteLength(raw)} bytes]`;
}

function headerSubset(h) {
	const out = {};
	for (const k of ['content-type', 'content-length', 'accept', 'user-agent'])
		if (h[k] !== undefined) out[k] = h[k];
	if (h.authorization !== undefined)
		out.authorization = `${String(h.authorization).split(/\s+/)[0]} ${REDACTED}`;
	if (h.cookie !== undefined) out.cookie = REDACTED;
	return out;
}

module.exports = { redactBody, redactValue, headerSubset, tryParseJson, REDACTED };
