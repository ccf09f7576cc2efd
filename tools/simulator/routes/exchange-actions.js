'use strict';
// Exchange item actions: save as MSG (one item: the .msg file; several: a ZIP of them), send to
// the mailbox owner or to an address (v6+; v8 answers 204), the v2-v5 `Items/Action` savetoMsg,
// and the Veeam Explorer for Exchange email settings.
const { Readable } = require('node:stream');
const yazl = require('yazl');
const render = require('../render');
const { prop, hasProp } = require('../context');
const { invalid, ApiError } = require('../errors');
const { isEmail } = require('../email-address');
const { buildMsg } = require('../msg');
const { contentDisposition } = require('./attachments');
const ex = require('../exchange-lookup');
const { exportPst } = require('./exchange-pst');

const ITEMS = '/RestoreSessions/:rid/Organization/Mailboxes/:mbx/Items';

const msgOf = (item) =>
	buildMsg({
		subject: item.subject,
		from: item.from,
		fromName: item.fromName,
		to: item.to,
		body: item.body,
		received: item.received,
		sent: item.sent,
	});

/** The file name VB365-like servers give a saved mail: its subject, made safe, plus ".msg". */
const msgName = (item) => `${item.subject.replace(/[\\/:*?"<>|]/g, '_')}.msg`;

function save(ctx, reply, session, mailbox, items) {
	const { sim } = ctx;
	sim.stats.saves++;
	sim.state.addEvent(session, {
		type: 'Save',
		title: 'Save mailbox items',
		message: `Saved ${items.length} item(s) of mailbox ${mailbox.email} as MSG.`,
		itemName: items.length === 1 ? items[0].subject : mailbox.name,
		itemType: 'Mail',
		source: mailbox.email,
		target: ctx.req.ip,
	});
	let body;
	let fileName;
	if (items.length === 1) {
		body = Readable.from([msgOf(items[0])]);
		fileName = msgName(items[0]);
	} else {
		const zip = new yazl.ZipFile();
		const used = new Set();
		for (const item of items) {
			let name = msgName(item);
			for (let n = 2; used.has(name.toLowerCase()); n++)
				name = msgName(item).replace(/\.msg$/, ` (${n}).msg`);
			used.add(name.toLowerCase());
			zip.addBuffer(msgOf(item), name, { mtime: new Date(item.received) });
		}
		zip.end();
		body = zip.outputStream;
		fileName = `${mailbox.name}.zip`;
	}
	const cd = contentDisposition(sim.options.contentDisposition, fileName);
	if (cd) reply.header('content-disposition', cd);
	return reply.code(200).header('content-type', 'application/octet-stream').send(body);
}

function text(opts, name) {
	const v = prop(opts, name);
	if (v !== undefined && v !== null && typeof v !== 'string')
		throw invalid(`${name} must be a string.`);
	return v ?? undefined;
}

function send(ctx, reply, session, mailbox, items, opts) {
	const { sim } = ctx;
	const toOwner = opts === null;
	const to = toOwner ? mailbox.email : (text(opts, 'to') || '').trim();
	if (!toOwner && !isEmail(to))
		throw invalid(`The recipient address (to) '${to}' is not a valid email address.`);
	const from = toOwner ? '' : (text(opts, 'from') || '').trim();
	if (from && !isEmail(from))
		throw invalid(`The sender address (from) '${from}' is not a valid email address.`);
	if (!sim.state.vexEmailConfigured()) {
		throw new ApiError(
			400,
			null,
			'Cannot send mailbox items: email notification settings are not configured for Veeam Explorer for Microsoft Exchange (VexEmailSettings).',
		);
	}
	sim.stats.sends++;
	sim.outbox.push({
		kind: toOwner ? 'sendToDefaultAddress' : 'sendToDifferentAddress',
		to,
		from: from || sim.state.vexEmail.from,
		subject: toOwner ? items[0].subject : (text(opts, 'subject') ?? ''),
		text: toOwner ? '' : (text(opts, 'text') ?? ''),
		attachments: items.map((i) => ({ id: i.id, name: msgName(i) })),
		restoreSessionId: session.id,
		mailboxId: mailbox.id,
		itemIds: items.map((i) => i.id),
		apiVersion: ctx.version,
		at: new Date().toISOString(),
	});
	sim.state.addEvent(session, {
		type: 'Send',
		title: 'Send mailbox items',
		message: `Sent ${items.length} item(s) of mailbox ${mailbox.email} to ${to}.`,
		itemName: items.length === 1 ? items[0].subject : mailbox.name,
		itemType: 'Mail',
		source: mailbox.email,
		target: to,
	});
	return reply.code(ctx.version >= 8 ? 204 : 200).send();
}

const noBody = (ctx) => {
	if (ctx.json() !== undefined) throw invalid('This request takes no body.');
};

module.exports = function exchangeActionRoutes(def) {
	def('POST', `${ITEMS}/:itemId/save`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		noBody(ctx);
		return save(ctx, reply, session, mailbox, [ex.item(ctx, mailbox, ctx.req.params.itemId)]);
	});

	def('POST', `${ITEMS}/Save`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const body = ctx.objectBody(true, 'saveOptions');
		return save(ctx, reply, session, mailbox, ex.itemsFromBody(ctx, mailbox, prop(body, 'items')));
	});

	for (const [action, toOwner] of [
		['sendToDefaultAddress', true],
		['sendToDifferentAddress', false],
	]) {
		def('POST', `${ITEMS}/:itemId/${action}`, { from: 6 }, (ctx, reply) => {
			const { session, mailbox } = ex.mailboxPath(ctx);
			const item = ex.item(ctx, mailbox, ctx.req.params.itemId);
			if (toOwner) noBody(ctx);
			const opts = toOwner ? null : ctx.objectBody(true, 'sendOptions');
			return send(ctx, reply, session, mailbox, [item], opts);
		});
		def('POST', `${ITEMS}/${action}`, { from: 6 }, (ctx, reply) => {
			const { session, mailbox } = ex.mailboxPath(ctx);
			const body = ctx.objectBody(true, 'sendOptions');
			const items = ex.itemsFromBody(ctx, mailbox, prop(body, 'items'));
			return send(ctx, reply, session, mailbox, items, toOwner ? null : body);
		});
	}

	// v2-v5: {"savetoMsg": null} on one item, {"savetoMsg": {"items": [...]}} on several;
	// {"exporttoPst": ...} likewise.
	const legacyAction = (ctx, reply, items) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const body = ctx.objectBody(true);
		const key = ['savetoMsg', 'exporttoPst'].find((k) => hasProp(body, k));
		if (Object.keys(body).length !== 1 || !key)
			throw invalid(
				'The action is not supported by the simulator. Use {"savetoMsg": ...} or {"exporttoPst": ...}.',
			);
		const value = prop(body, key);
		const chosen = items
			? [ex.item(ctx, mailbox, items)]
			: ex.itemsFromBody(ctx, mailbox, prop(value, 'items'));
		if (key === 'exporttoPst') return exportPst(ctx, reply, session, mailbox, chosen, value);
		return save(ctx, reply, session, mailbox, chosen);
	};
	def('POST', `${ITEMS}/:itemId/Action`, { to: 5 }, (ctx, reply) =>
		legacyAction(ctx, reply, ctx.req.params.itemId),
	);
	def('POST', `${ITEMS}/Action`, { to: 5 }, (ctx, reply) => legacyAction(ctx, reply, null));

	def('GET', '/VexEmailSettings', {}, (ctx) => {
		const out = render.emailSettings(ctx, ctx.sim.state.vexEmail);
		const test =
			ctx.version >= 8 ? '/VexEmailSettings/SendTestEmail' : '/VexEmailSettings/SendTest';
		out._links = { self: ctx.link('/VexEmailSettings') };
		out._actions = { sendTest: { uri: ctx.href(test), method: 'Post' } };
		return out;
	});
};
