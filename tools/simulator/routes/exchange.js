'use strict';
// Exchange browsing inside a Vex restore session: mailboxes, folders, items, search (v6+ paged
// with setId; v2-v5 answer mailboxes and folders as bare arrays, as their docs show).
const crypto = require('node:crypto');
const { prop } = require('../context');
const { invalid } = require('../errors');
const { compileQuery } = require('../exchange-search');
const ex = require('../exchange-lookup');

const MBX = '/RestoreSessions/:rid/Organization/Mailboxes';

function listOrPage(ctx, all, one) {
	return ctx.version >= 6 ? ctx.page(all, one) : all.map(one);
}

/** Search results stay cached per setId, as VB365 keeps them for the next pages. */
function search(ctx, session, candidates) {
	const body = ctx.objectBody(true, 'searchOptions');
	const query = prop(body, 'query');
	if (query !== undefined && query !== null && typeof query !== 'string')
		throw invalid('query must be a string.');
	const sets = ctx.sim.state.searchSets;
	const given = ctx.query('setId');
	let found;
	let setId = given;
	if (given && sets.has(given.toLowerCase())) found = sets.get(given.toLowerCase());
	else {
		const matches = compileQuery(query || '');
		found = candidates.filter(matches);
		setId = crypto.randomUUID();
		sets.set(setId, found);
	}
	return ctx.page(found, (x) => ex.renderItem(ctx, session, x), { setId });
}

module.exports = function exchangeRoutes(def) {
	def('GET', MBX, {}, (ctx) => {
		const s = ex.exchangeSession(ctx, ctx.req.params.rid);
		return listOrPage(ctx, ex.mailboxesOf(ctx, s), (m) => ex.renderMailbox(ctx, s, m));
	});

	def('GET', `${MBX}/:mbx`, {}, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		return ex.renderMailbox(ctx, session, mailbox);
	});

	def('GET', `${MBX}/:mbx/Folders`, {}, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const name = ctx.query('name');
		const parentId = ctx.query('parentId');
		let folders = ex.foldersOf(ctx, mailbox);
		// The fixture's folders all sit at the top of the mailbox.
		if (parentId) folders = [];
		if (name) folders = folders.filter((f) => f.name.toLowerCase() === name.toLowerCase());
		return listOrPage(ctx, folders, (f) => ex.renderFolder(ctx, session, f));
	});

	def('GET', `${MBX}/:mbx/Folders/:fid`, {}, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		return ex.renderFolder(ctx, session, ex.folder(ctx, mailbox, ctx.req.params.fid));
	});

	def('GET', `${MBX}/:mbx/Items`, { from: 6 }, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		// v6 names the folder filter folderId, v7+ parentId; the other name is not a parameter.
		const folderId = ctx.query(ctx.version === 6 ? 'folderId' : 'parentId');
		let items = ex.itemsOf(ctx, mailbox);
		if (folderId) {
			const folder = ex.folder(ctx, mailbox, folderId);
			items = items.filter((i) => i.folderId === folder.id);
		}
		return ctx.page(items, (i) => ex.renderItem(ctx, session, i));
	});

	def('GET', `${MBX}/:mbx/Items/:itemId`, { from: 6 }, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		return ex.renderItem(ctx, session, ex.item(ctx, mailbox, ctx.req.params.itemId));
	});

	def('POST', `${MBX}/:mbx/search`, { from: 6 }, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		return search(ctx, session, ex.itemsOf(ctx, mailbox));
	});

	def('POST', `${MBX}/:mbx/Folders/:fid/search`, { from: 6 }, (ctx) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const folder = ex.folder(ctx, mailbox, ctx.req.params.fid);
		return search(
			ctx,
			session,
			ex.itemsOf(ctx, mailbox).filter((i) => i.folderId === folder.id),
		);
	});
};
