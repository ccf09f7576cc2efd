'use strict';
// The fastify HTTPS app: version gating, fault injection, bearer auth, request log, routes.
const { Readable } = require('node:stream');
const fastify = require('fastify');
const { versionOfPath, MIN_VERSION, MAX_VERSION } = require('./versions');
const { RequestContext, splitUrl } = require('./context');
const { ApiError, errorBody } = require('./errors');
const { bearerOf, cookieValue, ANTIFORGERY_COOKIE } = require('./auth');
const { mergeActions, hasBodyFault, rewriteJson, bodyFaultStream } = require('./faults');
const { redactBody, redactValue, headerSubset, tryParseJson } = require('./redact');

const ROUTES = [
	require('./routes/token'),
	require('./routes/organizations'),
	require('./routes/sessions'),
	require('./routes/sharepoint'),
	require('./routes/attachments'),
	require('./routes/email'),
];

/** The request body as the contract validator takes it: parsed JSON or a form string, secrets redacted. */
function recordedRequestBody(req) {
	const type = String(req.headers['content-type'] || '').toLowerCase();
	if (typeof req.body !== 'string' || req.body === '') return undefined;
	if (type.includes('x-www-form-urlencoded')) {
		return new URLSearchParams(
			redactValue(Object.fromEntries(new URLSearchParams(req.body))),
		).toString();
	}
	if (type.includes('json')) return redactValue(tryParseJson(req.body));
	return undefined;
}

function buildApp(sim, { key, cert }) {
	const app = fastify({
		https: { key, cert },
		logger: false,
		forceCloseConnections: true,
		bodyLimit: 16 * 1024 * 1024,
		routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 2048 },
	});

	// Bodies stay raw strings; each route parses what it expects (form, JSON, nothing).
	app.removeAllContentTypeParsers();
	app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => done(null, body));

	app.addHook('onRequest', async (req, reply) => {
		sim.stats.requests++;
		const [path, qs] = splitUrl(req.url);
		const version = versionOfPath(path);
		const entry = {
			method: req.method,
			path,
			query: qs,
			version,
			status: null,
			headers: headerSubset(req.headers),
			body: undefined,
			at: new Date().toISOString(),
		};
		req.simLog = entry;
		sim.logRequest(entry);
		if (path.toLowerCase().startsWith('/__sim')) {
			entry.control = true;
			return undefined;
		}
		if (version !== null && !sim.profile.served.includes(version)) {
			return reply
				.code(404)
				.send({ message: `API version v${version} is not available on this server.` });
		}

		const rules = sim.faults.take({ method: req.method, path, version });
		if (rules.length) {
			const a = mergeActions(rules);
			req.simFaults = a;
			entry.faults = rules.map((r) => r.id);
			if (a.revokeTokens) sim.tokens.revokeAll();
			if (a.latencyMs) await sim.sleep(a.latencyMs);
			if (a.status) {
				if (a.retryAfter !== undefined) reply.header('retry-after', String(a.retryAfter));
				const msg =
					a.message ||
					(a.status === 503
						? 'The service is temporarily unavailable.'
						: 'An internal error occurred.');
				return reply.code(a.status).send(errorBody(version ?? MAX_VERSION, null, msg, sim.options));
			}
		}

		const cfg = req.routeOptions.config || {};
		if (cfg.version === undefined || cfg.anonymous) return undefined;
		const bearer = bearerOf(req);
		const grant = bearer ? sim.tokens.checkAccess(bearer) : null;
		const cookieMissing =
			grant &&
			sim.options.antiforgeryStrict &&
			version >= 7 &&
			grant.antiforgeryToken &&
			cookieValue(req, ANTIFORGERY_COOKIE) !== grant.antiforgeryToken;
		if (!grant || cookieMissing) {
			return reply.code(401).header('www-authenticate', 'Bearer').send();
		}
		req.simGrant = grant;
		return undefined;
	});

	app.addHook('preHandler', async (req) => {
		req.simLog.body = redactBody(req.headers['content-type'], req.body);
	});

	app.addHook('onSend', async (req, reply, payload) => {
		const a = req.simFaults || {};
		const contentType = String(reply.getHeader('content-type') || '');
		let out = payload;
		const isJson =
			contentType.includes('json') && typeof payload === 'string' && payload.length > 0;
		if (isJson && (a.nullFields || a.setFields)) {
			out = JSON.stringify(rewriteJson(JSON.parse(payload), a.nullFields, a.setFields));
		}
		if (req.simLog) req.simLog.status = reply.statusCode;
		if (sim.options.recordExchanges && req.simLog && !req.simLog.control) {
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
				responseStreamed: Boolean(out && typeof out.pipe === 'function'),
			});
		}
		if (!hasBodyFault(a)) return out;

		const src =
			out && typeof out.pipe === 'function' ? out : Readable.from(out ? [Buffer.from(out)] : []);
		const stopSource = () => {
			src.unpipe(t);
			src.destroy();
		};
		const t = bodyFaultStream(a, {
			onTruncate: stopSource,
			onReset: () => sim.destroyWhenFlushed(reply.raw, t),
		});
		t.on('close', stopSource);
		src.on('error', (err) => t.destroy(err));
		src.pipe(t);
		reply.removeHeader('content-length');
		return t;
	});

	app.addHook('onResponse', async (req, reply) => {
		if (req.simLog) {
			req.simLog.status = reply.statusCode;
			req.simLog.durationMs = Math.round(reply.elapsedTime);
		}
	});

	app.setErrorHandler((err, req, reply) => {
		const version = req.routeOptions?.config?.version ?? versionOfPath(req.url) ?? MAX_VERSION;
		if (err instanceof ApiError)
			return reply.code(err.status).send(errorBody(version, err.code, err.message, sim.options));
		if (err.statusCode && err.statusCode < 500) {
			return reply
				.code(err.statusCode)
				.send(errorBody(version, 'ParameterValidationFailure', err.message, sim.options));
		}
		if (req.simLog) req.simLog.error = err.message;
		return reply
			.code(500)
			.send(errorBody(version, null, 'An internal error occurred.', sim.options));
	});

	app.setNotFoundHandler((req, reply) => {
		const [path] = splitUrl(req.url);
		const version = versionOfPath(path) ?? MAX_VERSION;
		return reply
			.code(404)
			.send(
				errorBody(
					version,
					'ResourceNotFound',
					`No HTTP resource was found that matches the request URI '${path}'.`,
					sim.options,
				),
			);
	});

	/** Registers one API route for every version in [from, to]. */
	const def = (method, path, opts, handler) => {
		const from = Math.max(opts.from || MIN_VERSION, MIN_VERSION);
		const to = Math.min(opts.to || MAX_VERSION, MAX_VERSION);
		for (let v = from; v <= to; v++) {
			app.route({
				method,
				url: `/v${v}${path}`,
				config: { version: v, anonymous: Boolean(opts.anonymous) },
				handler: async (req, reply) => handler(new RequestContext(sim, req), reply),
			});
		}
	};
	for (const register of ROUTES) register(def);
	require('./routes/control')(app, sim);

	app.server.on('secureConnection', () => {
		sim.stats.connections++;
	});
	return app;
}

module.exports = { buildApp };
