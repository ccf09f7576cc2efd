'use strict';
// SharePoint browsing inside a restore session: sites, lists, items, per-list search.
const crypto = require('node:crypto');
const render = require('../render');
const lookup = require('../lookup');
const { prop } = require('../context');
const { invalid } = require('../errors');

const SP = '/RestoreSessions/:rid/Organization/Sites';
const SEARCH_TYPES = ['All', 'Folders', 'Items'];

function boolQuery(ctx, name) {
	const v = ctx.query(name);
	if (v === undefined || v === '') return false;
	if (!/^(true|false)$/i.test(v)) throw invalid(`The value '${v}' is not valid for ${name}.`);
	return v.toLowerCase() === 'true';
}

/** Case-insensitive substring match of the query on item title and name (folders included). */
function search(ctx, session, candidates) {
	const body = ctx.objectBody(true, 'searchOptions');
	const query = prop(body, 'query');
	if (query !== undefined && query !== null && typeof query !== 'string')
		throw invalid('query must be a string.');
	const rawType = ctx.query('itemType') || 'All';
	const itemType = SEARCH_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
	if (!itemType) throw invalid(`The value '${rawType}' is not valid for itemType.`);
	const needle = (query || '').trim().toLowerCase();
	const found = candidates
		.filter((i) => (itemType === 'All' ? true : itemType === 'Folders' ? i.isFolder : !i.isFolder))
		.filter((i) => !needle || `${i.title}\n${i.name}`.toLowerCase().includes(needle));
	const setId = ctx.query('setId') || crypto.randomUUID();
	return ctx.page(found, (x) => render.item(ctx, session, x), { setId });
}

module.exports = function sharePointRoutes(def) {
	def('GET', SP, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const parentId = ctx.query('parentId');
		let sites = lookup.sitesOf(ctx, s);
		if (parentId !== undefined && parentId !== '') {
			if (/^(root|null)$/i.test(parentId)) sites = sites.filter((x) => x.parentId === null);
			else {
				const parent = lookup.site(ctx, s, parentId);
				sites = sites.filter((x) => x.parentId === parent.id);
			}
		}
		return ctx.page(sites, (x) => render.site(ctx, s, x));
	});

	def('GET', `${SP}/:siteId`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		return render.site(ctx, s, lookup.site(ctx, s, ctx.req.params.siteId));
	});

	def('GET', `${SP}/:siteId/Lists`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, s, ctx.req.params.siteId);
		const lists = site.listIds.map((id) => ctx.sim.fixture.byId(id));
		return ctx.page(lists, (x) => render.list(ctx, s, x));
	});

	def('GET', `${SP}/:siteId/Lists/:listId`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, s, ctx.req.params.siteId);
		return render.list(ctx, s, lookup.list(ctx, site, ctx.req.params.listId));
	});

	def('GET', `${SP}/:siteId/Items`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, s, ctx.req.params.siteId);
		const includeFolders = ctx.version >= 7 && boolQuery(ctx, 'includeFolders');
		const parentId = ctx.query('parentId');
		let items = lookup.itemsOf(ctx, site);
		if (parentId !== undefined && parentId !== '') {
			// Only "root" and folder IDs are documented parents; anything else (a list ID too) matches nothing.
			const parent = /^root$/i.test(parentId) ? null : parentId.toLowerCase();
			items = items.filter((i) => (i.parentId ? i.parentId.toLowerCase() : null) === parent);
		}
		if (!includeFolders) items = items.filter((i) => !i.isFolder);
		return ctx.page(items, (x) => render.item(ctx, s, x));
	});

	def('GET', `${SP}/:siteId/Items/:itemId`, {}, (ctx) => {
		const { session, item } = lookup.itemPath(ctx, ctx.req.params);
		return render.item(ctx, session, item);
	});

	def('POST', `${SP}/:siteId/search`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, s, ctx.req.params.siteId);
		return search(ctx, s, lookup.itemsOf(ctx, site));
	});

	def('POST', `${SP}/:siteId/Lists/:listId/search`, {}, (ctx) => {
		const s = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, s, ctx.req.params.siteId);
		const list = lookup.list(ctx, site, ctx.req.params.listId);
		return search(
			ctx,
			s,
			lookup.itemsOf(ctx, site).filter((i) => i.listId === list.id),
		);
	});
};
