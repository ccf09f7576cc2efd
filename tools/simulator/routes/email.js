'use strict';
// VESP email settings (needed before attachments can be sent) and the test email.
const render = require('../render');
const { prop } = require('../context');
const { invalid, ApiError } = require('../errors');
const { isEmail } = require('../email-address');

const FIELDS = {
	enableNotification: 'boolean',
	server: 'string',
	port: 'port',
	from: 'string',
	useAuthentication: 'boolean',
	useSSL: 'boolean',
	username: 'string',
	userPassword: 'string',
};
const V8_FIELDS = { userId: 'string', mailApiUrl: 'string', requestId: 'string' };

function checkType(name, kind, v) {
	const ok =
		kind === 'boolean'
			? typeof v === 'boolean'
			: kind === 'port'
				? Number.isInteger(v) && v > 0 && v < 65536
				: typeof v === 'string';
	if (!ok) throw invalid(`${name} has an invalid value.`);
}

/** PUT semantics shared by the explorers' settings: only the given properties change. */
function updateSettings(ctx, reply, target) {
	const body = ctx.objectBody(true, 'smtpSettings');
	const fields = ctx.version >= 8 ? { ...FIELDS, ...V8_FIELDS } : FIELDS;
	const changes = {};
	for (const [name, kind] of Object.entries(fields)) {
		const v = prop(body, name);
		if (v === undefined || v === null) continue; // omitted properties stay unchanged
		checkType(name, kind, v);
		changes[name] = v;
	}
	if (changes.from && !isEmail(changes.from))
		throw invalid(`from '${changes.from}' is not a valid email address.`);
	Object.assign(target, changes);
	return reply.code(ctx.version >= 8 ? 204 : 200).send();
}

/** A test message through `settings`, recorded in the outbox with `test: true`. */
function sendTestEmail(ctx, reply, settings) {
	const body = ctx.objectBody(true, 'options');
	const email = prop(body, 'email');
	if (typeof email !== 'string' || !isEmail(email.trim()))
		throw invalid('email must be a valid email address.');
	if (!settings.server || !settings.from) {
		throw new ApiError(
			400,
			null,
			'Cannot send a test message: email notification settings are not configured.',
		);
	}
	ctx.sim.outbox.push({
		to: email.trim(),
		from: settings.from,
		subject: '[TEST] Veeam Backup for Microsoft 365 test message',
		text: 'This is a test message sent to verify the email notification settings.',
		attachments: [],
		test: true,
		restoreSessionId: null,
		siteId: null,
		itemId: null,
		apiVersion: ctx.version,
		at: new Date().toISOString(),
	});
	return reply.code(ctx.version >= 8 ? 204 : 200).send();
}

module.exports = function emailRoutes(def) {
	def('GET', '/VespEmailSettings', {}, (ctx) => render.emailSettings(ctx, ctx.sim.state.email));
	def('PUT', '/VespEmailSettings', {}, (ctx, reply) =>
		updateSettings(ctx, reply, ctx.sim.state.email),
	);
	def('POST', '/VespEmailSettings/SendTestEmail', {}, (ctx, reply) =>
		sendTestEmail(ctx, reply, ctx.sim.state.email),
	);
};

module.exports.updateSettings = updateSettings;
module.exports.sendTestEmail = sendTestEmail;
