'use strict';
// Item attachments: list/get, save (ZIP stream) and send (email), v2-v5 Action and v6+ split style.
const render = require('../render');
const lookup = require('../lookup');
const { prop, hasProp } = require('../context');
const { invalid, notFound, ApiError } = require('../errors');
const { zipStream } = require('../zip');
const { isEmail } = require('../email-address');

const ATT = '/RestoreSessions/:rid/Organization/Sites/:siteId/Items/:itemId/Attachments';

/** Attachments chosen by `[{id}]` (empty or missing = all of the item's attachments). */
function selection(ctx, item, raw) {
	if (raw === undefined || raw === null) return item.attachments;
	if (!Array.isArray(raw)) throw invalid('attachments must be an array of {"id": "..."} objects.');
	if (raw.length === 0) return item.attachments;
	const chosen = [];
	raw.forEach((entry, i) => {
		const id = prop(entry, 'id');
		if (typeof id !== 'string' || id === '') throw invalid(`attachments[${i}].id is required.`);
		const att = ctx.sim.fixture.attachment(id);
		if (!att || att.itemId !== item.id) throw notFound(`Attachment with ID ${id}`);
		if (!chosen.includes(att)) chosen.push(att);
	});
	return chosen;
}

function rfc5987(value) {
	return encodeURIComponent(value).replace(
		/['()*!]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/** Content-Disposition for a download, per the `contentDisposition` option. */
function contentDisposition(mode, fileName) {
	const quoted = (s) => s.replace(/["\\]/g, (c) => `\\${c}`);
	switch (mode) {
		case 'none':
			return null;
		case 'filename':
			// Raw UTF-8 bytes in a quoted string, as many servers send them.
			return `attachment; filename="${quoted(Buffer.from(fileName, 'utf8').toString('latin1'))}"`;
		case 'both':
			return `attachment; filename="${quoted(fileName.replace(/[^\x20-\x7e]/g, '_'))}"; filename*=UTF-8''${rfc5987(fileName)}`;
		default:
			return `attachment; filename*=UTF-8''${rfc5987(fileName)}`;
	}
}

function save(ctx, reply, path, atts, fileName) {
	const { sim } = ctx;
	sim.stats.saves++;
	sim.state.addEvent(path.session, {
		type: 'Save',
		title: 'Save attachments',
		message: `Saved ${atts.length} attachment(s) of item "${path.item.title}".`,
		itemName: atts.length === 1 ? atts[0].name : path.item.title,
		itemType: 'SharePointAttachment',
		itemSizeBytes: atts.reduce((n, a) => n + a.sizeBytes, 0),
		source: path.item.url,
		target: ctx.req.ip,
		siteId: path.site.id,
	});
	const corrupt = ctx.req.simFaults && ctx.req.simFaults.corruptCrc;
	const stream = zipStream(atts, {
		seed: sim.fixture.seed,
		forceZip64: sim.options.forceZip64,
		corruptCrcEntry:
			corrupt === undefined || corrupt === false ? undefined : corrupt === true ? 0 : corrupt,
	});
	const cd = contentDisposition(sim.options.contentDisposition, fileName);
	if (cd) reply.header('content-disposition', cd);
	return reply.code(200).header('content-type', 'application/octet-stream').send(stream);
}

function stringField(opts, name) {
	const v = prop(opts, name);
	if (v !== undefined && v !== null && typeof v !== 'string')
		throw invalid(`${name} must be a string.`);
	return v ?? undefined;
}

function send(ctx, reply, path, atts, opts, okStatus) {
	const { sim } = ctx;
	const to = stringField(opts, 'to');
	if (!to || !to.trim()) throw invalid('The recipient address (to) is required.');
	if (!isEmail(to.trim()))
		throw invalid(`The recipient address (to) '${to}' is not a valid email address.`);
	const from = stringField(opts, 'from');
	if (from !== undefined && from.trim() !== '' && !isEmail(from.trim())) {
		throw invalid(`The sender address (from) '${from}' is not a valid email address.`);
	}
	const subject = stringField(opts, 'subject') ?? '';
	const text = stringField(opts, 'text') ?? '';
	if (!sim.state.emailConfigured()) {
		throw new ApiError(
			400,
			null,
			'Cannot send attachments: email notification settings are not configured for Veeam Explorer for Microsoft SharePoint (VespEmailSettings).',
		);
	}
	const sender = from && from.trim() ? from.trim() : sim.state.email.from;
	sim.stats.sends++;
	sim.outbox.push({
		to: to.trim(),
		from: sender,
		subject,
		text,
		attachments: atts.map((a) => ({ id: a.id, name: a.name, sizeBytes: a.sizeBytes })),
		restoreSessionId: path.session.id,
		siteId: path.site.id,
		itemId: path.item.id,
		apiVersion: ctx.version,
		at: new Date().toISOString(),
	});
	sim.state.addEvent(path.session, {
		type: 'Send',
		title: 'Send attachments',
		message: `Sent ${atts.length} attachment(s) of item "${path.item.title}" to ${to.trim()}.`,
		itemName: atts.length === 1 ? atts[0].name : path.item.title,
		itemType: 'SharePointAttachment',
		itemSizeBytes: atts.reduce((n, a) => n + a.sizeBytes, 0),
		source: path.item.url,
		target: to.trim(),
		siteId: path.site.id,
	});
	return reply.code(okStatus).send();
}

const sendStatus = (ctx) => (ctx.version >= 8 ? 204 : 200);

module.exports = function attachmentRoutes(def) {
	def('GET', ATT, {}, (ctx) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const one = (a) => render.attachment(ctx, path.session, a);
		return ctx.version >= 6 ? ctx.page(path.item.attachments, one) : path.item.attachments.map(one);
	});

	def('GET', `${ATT}/:attachmentId`, {}, (ctx) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		return render.attachment(
			ctx,
			path.session,
			lookup.attachment(ctx, path.item, ctx.req.params.attachmentId),
		);
	});

	def('POST', `${ATT}/save`, { from: 6 }, (ctx, reply) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const body = ctx.objectBody(true, 'options');
		const atts = selection(ctx, path.item, prop(body, 'attachments'));
		return save(ctx, reply, path, atts, `${path.item.title}.zip`);
	});

	def('POST', `${ATT}/:attachmentId/save`, { from: 6 }, (ctx, reply) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const att = lookup.attachment(ctx, path.item, ctx.req.params.attachmentId);
		return save(ctx, reply, path, [att], `${att.name}.zip`);
	});

	def('POST', `${ATT}/send`, { from: 6 }, (ctx, reply) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const body = ctx.objectBody(true, 'sendAsMsgOptions');
		const atts = selection(ctx, path.item, prop(body, 'attachments'));
		return send(ctx, reply, path, atts, body, sendStatus(ctx));
	});

	def('POST', `${ATT}/:attachmentId/send`, { from: 6 }, (ctx, reply) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const att = lookup.attachment(ctx, path.item, ctx.req.params.attachmentId);
		const body = ctx.objectBody(true, 'sendAsMsgOptions');
		return send(ctx, reply, path, [att], body, sendStatus(ctx));
	});

	def('POST', `${ATT}/Action`, { to: 5 }, (ctx, reply) => {
		const path = lookup.itemPath(ctx, ctx.req.params);
		const body = ctx.objectBody(true);
		const keys = Object.keys(body);
		if (keys.length !== 1 || !(hasProp(body, 'save') || hasProp(body, 'sendTo'))) {
			throw invalid('The action is not supported. Use {"save": ...} or {"sendTo": {...}}.');
		}
		const value = body[keys[0]];
		if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
			throw invalid(`${keys[0]} must be an object.`);
		const atts = selection(ctx, path.item, prop(value, 'attachments'));
		if (hasProp(body, 'save')) return save(ctx, reply, path, atts, `${path.item.title}.zip`);
		return send(ctx, reply, path, atts, value || {}, 200);
	});
};

module.exports.contentDisposition = contentDisposition;
