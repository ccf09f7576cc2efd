'use strict';
// The fastify HTTPS app: body parsing, hooks (see hooks.js), error mapping, versioned routes.
const fastify = require('fastify');
const hooks = require('./hooks');
const { versionOfPath, MIN_VERSION, MAX_VERSION } = require('./versions');
const { RequestContext, splitUrl } = require('./context');
const { ApiError, errorBody } = require('./errors');

const ROUTES = [
	require('./routes/token'),
	require('./routes/organizations'),
	require('./routes/sessions'),
	require('./routes/sharepoint'),
	require('./routes/attachments'),
	require('./routes/email'),
	require('./routes/exchange'),
	require('./routes/exchange-actions'),
	require('./routes/exchange-pst'),
	require('./routes/onedrive'),
	require('./routes/onedrive-actions'),
	require('./routes/sharepoint-documents'),
	require('./routes/sharepoint-document-search'),
	require('./routes/teams'),
	require('./routes/teams-actions'),
];

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

	app.addHook('onRequest', hooks.onRequest(sim));
	app.addHook('preHandler', hooks.preHandler(sim));
	app.addHook('onSend', hooks.onSend(sim));
	app.addHook('onResponse', hooks.onResponse(sim));

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
