'use strict';
// Resolves Exchange path IDs inside a working Vex session and renders mailboxes, folders and
// items per version (v8 adds mailboxId to folders and items; v2-v5 links are absolute).
const { notFound, invalid } = require('./errors');
const lookup = require('./lookup');

function exchangeSession(ctx, rid) {
	const s = lookup.workingSession(ctx, rid);
	if (s.type !== 'Vex')
		throw invalid(
			`Restore session ${s.id} is of type ${s.type}; Exchange data requires a Vex session.`,
		);
	return s;
}

const data = (ctx) => ctx.sim.fixture.exchange;

function mailboxesOf(ctx, s) {
	if (s.empty) return [];
	return data(ctx).mailboxes.filter((m) => m.organizationId === s.organizationId);
}

function mailbox(ctx, s, id) {
	const m = mailboxesOf(ctx, s).find((x) => x.id.toLowerCase() === String(id).toLowerCase());
	if (!m) throw notFound(`Mailbox with ID ${id}`);
	return m;
}

function mailboxPath(ctx) {
	const session = exchangeSession(ctx, ctx.req.params.rid);
	return { session, mailbox: mailbox(ctx, session, ctx.req.params.mbx) };
}

const foldersOf = (ctx, m) => data(ctx).folders.filter((f) => f.mailboxId === m.id);
const itemsOf = (ctx, m) => data(ctx).items.filter((i) => i.mailboxId === m.id);

function folder(ctx, m, id) {
	const f = foldersOf(ctx, m).find((x) => x.id === id);
	if (!f) throw notFound(`Mailbox folder with ID ${id}`);
	return f;
}

function item(ctx, m, id) {
	const i = itemsOf(ctx, m).find((x) => x.id === id);
	if (!i) throw notFound(`Mailbox item with ID ${id}`);
	return i;
}

/** The items `[{id}]` of a body, all from mailbox `m`. */
function itemsFromBody(ctx, m, raw) {
	if (!Array.isArray(raw) || raw.length === 0)
		throw invalid('items must be a non-empty array of {"id": "..."} objects.');
	return raw.map((entry, n) => {
		const id = entry && typeof entry === 'object' ? (entry.id ?? entry.Id) : undefined;
		if (typeof id !== 'string' || id === '') throw invalid(`items[${n}].id is required.`);
		return item(ctx, m, id);
	});
}

const base = (s) => `/RestoreSessions/${s.id}/Organization/Mailboxes`;

function renderMailbox(ctx, s, m) {
	return {
		id: m.id,
		name: m.name,
		email: m.email,
		isArchive: m.isArchive,
		isPublic: m.isPublic,
		_links: {
			self: ctx.link(`${base(s)}/${m.id}`),
			folders: ctx.link(`${base(s)}/${m.id}/Folders`),
		},
	};
}

function renderFolder(ctx, s, f) {
	const out = { id: f.id, name: f.name, type: f.type, category: f.category, description: '' };
	if (ctx.version >= 8) out.mailboxId = f.mailboxId;
	out._links = { self: ctx.link(`${base(s)}/${f.mailboxId}/Folders/${f.id}`) };
	return out;
}

function renderItem(ctx, s, i) {
	const out = { id: i.id, itemClass: i.itemClass };
	if (ctx.version >= 8) out.mailboxId = i.mailboxId;
	Object.assign(out, {
		subject: i.subject,
		from: `${i.fromName} <${i.from}>`,
		to: i.to,
		cc: i.cc,
		sent: i.sent,
		received: i.received,
		attachments: i.attachments.map((a) => ({ name: a.name, sizeBytes: a.sizeBytes })),
		_links: {
			self: ctx.link(`${base(s)}/${i.mailboxId}/Items/${i.id}`),
			parent: ctx.link(`${base(s)}/${i.mailboxId}/Folders/${i.folderId}`),
		},
	});
	return out;
}

module.exports = {
	exchangeSession,
	mailboxesOf,
	mailbox,
	mailboxPath,
	foldersOf,
	itemsOf,
	folder,
	item,
	itemsFromBody,
	renderMailbox,
	renderFolder,
	renderItem,
};
