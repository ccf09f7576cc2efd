'use strict';
// What every "send as email" restore route does the same way: read to/from/subject/text from
// the body, refuse bad addresses and unconfigured explorer email settings as VB365 does, put the
// message in the outbox, and answer 200 (v6/v7) or 204 (v8).
const { prop } = require('./context');
const { invalid, ApiError } = require('./errors');
const { isEmail } = require('./email-address');

/** An optional string field of a request body. */
function optionalText(opts, name) {
	const v = prop(opts, name);
	if (v !== undefined && v !== null && typeof v !== 'string')
		throw invalid(`${name} must be a string.`);
	return v ?? undefined;
}

/**
 * Sends `entry` (kind, attachments, ids…) from the request body `opts`. `explorer`: whether its
 * email settings are configured, their `from`, and the refusal when they are not.
 */
function sendMail(ctx, reply, opts, explorer, entry) {
	const { sim } = ctx;
	const to = (optionalText(opts, 'to') || '').trim();
	if (!isEmail(to))
		throw invalid(`The recipient address (to) '${to}' is not a valid email address.`);
	const from = (optionalText(opts, 'from') || '').trim();
	if (from && !isEmail(from))
		throw invalid(`The sender address (from) '${from}' is not a valid email address.`);
	if (!explorer.configured) throw new ApiError(400, null, explorer.refusal);
	sim.stats.sends++;
	const message = {
		kind: entry.kind,
		to,
		from: from || explorer.from,
		subject: optionalText(opts, 'subject') ?? '',
		text: optionalText(opts, 'text') ?? '',
		...entry,
		apiVersion: ctx.version,
		at: new Date().toISOString(),
	};
	sim.outbox.push(message);
	return { to, reply: () => reply.code(ctx.version >= 8 ? 204 : 200).send() };
}

module.exports = { optionalText, sendMail };
