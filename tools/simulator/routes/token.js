'use strict';
// POST /vN/token (password and refresh_token grants) and POST /vN/token/logout (v7+).
const { isTrue, cookieValue, ANTIFORGERY_COOKIE } = require('../auth');
const { sendThrottled } = require('../throttle');

function oauthError(reply, error, description) {
	return reply
		.code(400)
		.header('cache-control', 'no-cache')
		.send({ error, error_description: description });
}

function readForm(ctx) {
	const type = String(ctx.req.headers['content-type'] || '').toLowerCase();
	const raw = ctx.req.body;
	if (typeof raw !== 'string' || raw === '') return {};
	if (type.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	if (type.includes('json') && ctx.version >= 6) {
		const parsed = ctx.json();
		return parsed && typeof parsed === 'object' ? parsed : {};
	}
	return {};
}

function tokenResponse(ctx, reply, grant) {
	if (grant.antiforgeryToken) {
		reply.header(
			'set-cookie',
			`${ANTIFORGERY_COOKIE}=${grant.antiforgeryToken}; Path=/; Secure; HttpOnly; SameSite=Strict`,
		);
	}
	return reply
		.code(200)
		.header('cache-control', 'no-cache')
		.header('pragma', 'no-cache')
		.send({
			access_token: grant.accessToken,
			token_type: 'bearer',
			expires_in: Math.round((grant.expiresAt - grant.issuedAt) / 1000),
			refresh_token: grant.refreshToken,
			userName: grant.userName,
			'.issued': new Date(grant.issuedAt).toISOString(),
			'.expires': new Date(grant.expiresAt).toISOString(),
		});
}

module.exports = function tokenRoutes(def) {
	def('POST', '/token', { anonymous: true }, (ctx, reply) => {
		const { sim } = ctx;
		const form = readForm(ctx);
		const field = (n) => {
			const v = Object.entries(form).find(([k]) => k.toLowerCase() === n)?.[1];
			return v === undefined || v === null ? undefined : String(v);
		};
		const grantType = field('grant_type');
		const counterKey = grantType || '(missing)';
		sim.stats.tokenRequests[counterKey] = (sim.stats.tokenRequests[counterKey] || 0) + 1;
		const refusal = sim.throttle.take();
		if (refusal) {
			sim.stats.tokenThrottled++;
			return sendThrottled(reply, sim.throttle, refusal);
		}
		// v7+: unless the client opts out, the session is bound to an antiforgery cookie.
		const antiforgery = ctx.version >= 7 && !isTrue(field('disable_antiforgery_token'));

		if (grantType === 'password') {
			const { username, password } = sim.credentials;
			const u = field('username');
			if (!u || u.toLowerCase() !== username.toLowerCase() || field('password') !== password) {
				return oauthError(reply, 'invalid_grant', 'The user name or password is incorrect.');
			}
			sim.stats.logins++;
			return tokenResponse(ctx, reply, sim.tokens.issue({ userName: username, antiforgery }));
		}
		if (grantType === 'refresh_token') {
			const grant = sim.tokens.findRefresh(field('refresh_token') || '');
			if (!grant)
				return oauthError(
					reply,
					'invalid_grant',
					'The refresh token is invalid, expired or revoked.',
				);
			if (
				grant.antiforgeryToken &&
				cookieValue(ctx.req, ANTIFORGERY_COOKIE) !== grant.antiforgeryToken
			) {
				return oauthError(
					reply,
					'invalid_grant',
					'The antiforgery cookie issued with this session is missing. Request tokens with disable_antiforgery_token=true to refresh without cookies.',
				);
			}
			sim.tokens.retireRefresh(grant);
			return tokenResponse(ctx, reply, sim.tokens.issue({ userName: grant.userName, antiforgery }));
		}
		return oauthError(
			reply,
			'unsupported_grant_type',
			grantType
				? `The grant type '${grantType}' is not supported by this server.`
				: 'The grant_type parameter is missing.',
		);
	});

	def('POST', '/token/logout', { from: 7 }, (ctx, reply) => {
		ctx.sim.tokens.revoke(ctx.grant);
		return reply.code(ctx.version >= 8 ? 204 : 200).send();
	});
};
