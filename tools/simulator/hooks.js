'use strict';
// Request lifecycle hooks: request log, version gating, request-time faults, bearer auth,
// exchange recording and response-body faults.
const { Readable } = require('node:stream');
const { versionOfPath, MAX_VERSION } = require('./versions');
const { splitUrl } = require('./context');
const { errorBody } = require('./errors');
const { bearerOf, cookieValue, ANTIFORGERY_COOKIE } = require('./auth');
const { mergeActions, hasBodyFault, rewriteJson, bodyFaultStream } = require('./faults');
const { redactBody, redactValue, headerSubset, tryParseJson } = require('./redact');

const isStream = (x) => Boolean(x && typeof x.pipe === 'function');

function startLog(sim, req) {
	const [path, qs] = splitUrl(req.url);
	const entry = {
		method: req.method,
		path,
		query: qs,
		version: versionOfPath(path),
		status: null,
		headers: headerSubset(req.headers),
		body: undefined,
		at: new Date().toISOString(),
	};
	if (path.toLowerCase().startsWith('/__sim')) entry.control = true;
	else sim.stats.requests++;
	req.simLog = entry;
	sim.logRequest(entry);
	return entry;
}

/** Keeps stats.maxInFlight: the most API requests the server was answering at one time. */
function countInFlight(sim, response) {
	sim.inFlight = (sim.inFlight ?? 0) + 1;
	sim.stats.maxInFlight = Math.max(sim.stats.maxInFlight, sim.inFlight);
	response.once('close', () => sim.inFlight--);
}

/** Latency, revocation and error-status faults; returns true when the reply was sent. */
async function applyRequestFaults(sim, req, reply, entry) {
	const rules = sim.faults.take({ method: req.method, path: entry.path, version: entry.version });
	if (!rules.length) return false;
	const a = mergeActions(rules);
	req.simFaults = a;
	entry.faults = rules.map((r) => r.id);
	if (a.revokeTokens) sim.tokens.revokeAll();
	if (a.latencyMs) await sim.sleep(a.latencyMs);
	if (a.dropConnection) {
		entry.error = 'connection dropped by a fault rule';
		reply.hijack();
		req.raw.socket.destroy();
		return true;
	}
	if (a.redirect) {
		reply
			.code(a.redirectStatus ?? 307)
			.header('location', a.redirect)
			.send();
		return true;
	}
	if (!a.status) return false;
	if (a.retryAfter !== undefined) reply.header('retry-after', String(a.retryAfter));
	const fallback =
		a.status === 503 ? 'The service is temporarily unavailable.' : 'An internal error occurred.';
	const version = entry.version ?? MAX_VERSION;
	reply.code(a.status).send(errorBody(version, null, a.message || fallback, sim.options));
	return true;
}

/** The caller's grant, or null (-> 401 with an empty body). */
function authenticate(sim, req, version) {
	const bearer = bearerOf(req);
	const grant = bearer ? sim.tokens.checkAccess(bearer) : null;
	if (!grant) return null;
	const needsCookie = sim.options.antiforgeryStrict && version >= 7 && grant.antiforgeryToken;
	if (needsCookie && cookieValue(req, ANTIFORGERY_COOKIE) !== grant.antiforgeryToken) return null;
	return grant;
}

function onRequest(sim) {
	return async (req, reply) => {
		const entry = startLog(sim, req);
		if (entry.control) return undefined;
		countInFlight(sim, reply.raw);
		if (entry.version !== null && !sim.profile.served.includes(entry.version)) {
			const message = `API version v${entry.version} is not available on this server.`;
			return reply.code(404).send({ message });
		}
		if (await applyRequestFaults(sim, req, reply, entry)) return reply;
		const cfg = req.routeOptions.config || {};
		if (cfg.version === undefined || cfg.anonymous) return undefined;
		const grant = authenticate(sim, req, entry.version);
		if (!grant) return reply.code(401).header('www-authenticate', 'Bearer').send();
		req.simGrant = grant;
		return undefined;
	};
}

/** The request body as the contract validator takes it: parsed JSON or a form string, secrets redacted. */
function recordedRequestBody(req) {
	const type = String(req.headers['content-type'] || '').toLowerCase();
	if (typeof req.body !== 'string' || req.body === '') return undefined;
	if (type.includes('x-www-form-urlencoded')) {
		const fields = redactValue(Object.fromEntries(new URLSearchParams(req.body)));
		return new URLSearchParams(fields).toString();
	}
	if (type.includes('json')) return redactValue(tryParseJson(req.body));
	return undefined;
}

function recordExchange(sim, req, reply, contentType, out, isJson) {
	sim.exchanges.push({
		version: req.simLog.version,
		method: req.method,
		path: req.simLog.path,
		url: req.url,
		route: req.routeOptions.url || null,
		requestContentType: req.headers['content-type'] || null,
		requestBody: recordedRequestBody(req),
		status: reply.statusCode,
		responseContentType: contentType || null,
		responseBody: isJson ? redactValue(JSON.parse(out)) : undefined,
		responseStreamed: isStream(out),
	});
}

/** Pipes the payload through the body-fault transform (truncate, reset, corrupt, drip). */
function withBodyFaults(sim, reply, payload, actions) {
	const src = isStream(payload) ? payload : Readable.from(payload ? [Buffer.from(payload)] : []);
	const stopSource = () => {
		src.unpipe(faulty);
		src.destroy();
	};
	const faulty = bodyFaultStream(actions, {
		onTruncate: stopSource,
		onReset: () => sim.destroyWhenFlushed(reply.raw, faulty),
	});
	faulty.on('close', stopSource);
	src.on('error', (err) => faulty.destroy(err));
	src.pipe(faulty);
	reply.removeHeader('content-length');
	return faulty;
}

function onSend(sim) {
	return async (req, reply, payload) => {
		const actions = req.simFaults || {};
		const contentType = String(reply.getHeader('content-type') || '');
		const isJson =
			contentType.includes('json') && typeof payload === 'string' && payload.length > 0;
		let out = payload;
		if (isJson && (actions.nullFields || actions.setFields)) {
			out = JSON.stringify(rewriteJson(JSON.parse(payload), actions.nullFields, actions.setFields));
		}
		req.simLog.status = reply.statusCode;
		if (sim.options.recordExchanges && !req.simLog.control) {
			recordExchange(sim, req, reply, contentType, out, isJson);
		}
		// The error reply fastify attempts when a faulted stream breaks after the headers went out
		// is no body to fault (and no string or stream either).
		const isBody = isStream(out) || typeof out === 'string' || Buffer.isBuffer(out) || out == null;
		if (!hasBodyFault(actions) || !isBody || reply.raw.headersSent) return out;
		return withBodyFaults(sim, reply, out, actions);
	};
}

function preHandler() {
	return async (req) => {
		req.simLog.body = redactBody(req.headers['content-type'], req.body);
	};
}

function onResponse() {
	return async (req, reply) => {
		req.simLog.status = reply.statusCode;
		req.simLog.durationMs = Math.round(reply.elapsedTime);
	};
}

module.exports = { onRequest, preHandler, onSend, onResponse };
