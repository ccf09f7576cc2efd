'use strict';
// Resolves path IDs (case-insensitively) to fixture objects, enforcing containment
// (item in site, site in the session's organization) and session state.
const { notFound, conflict, invalid } = require('./errors');

function session(ctx, rid) {
	const s = ctx.sim.state.session(rid);
	if (!s) throw notFound(`Restore session with ID ${rid}`);
	return s;
}

/** A session that can still be used for browsing and actions. */
function workingSession(ctx, rid) {
	const s = session(ctx, rid);
	if (s.state === 'Stopped') {
		throw conflict(`Restore session ${s.id} is stopped. Start a new restore session to continue.`);
	}
	return s;
}

/** A working VESP session: SharePoint resources exist only in SharePoint restore sessions. */
function sharePointSession(ctx, rid) {
	const s = workingSession(ctx, rid);
	if (s.type !== 'Vesp')
		throw invalid(
			`Restore session ${s.id} is of type ${s.type}; SharePoint data requires a Vesp session.`,
		);
	return s;
}

function sitesOf(ctx, s) {
	if (s.empty) return [];
	return ctx.sim.fixture.sites.filter((x) => x.organizationId === s.organizationId);
}

function site(ctx, s, siteId) {
	const x = ctx.sim.fixture.byId(siteId);
	if (!x || !x.listIds || x.organizationId !== s.organizationId || s.empty)
		throw notFound(`SharePoint site with ID ${siteId}`);
	return x;
}

function list(ctx, siteObj, listId) {
	const x = ctx.sim.fixture.byId(listId);
	if (!x || x.siteId !== siteObj.id || !siteObj.listIds.includes(x.id))
		throw notFound(`SharePoint list with ID ${listId}`);
	return x;
}

function itemsOf(ctx, siteObj) {
	return ctx.sim.fixture.items.filter((i) => i.siteId === siteObj.id);
}

function item(ctx, siteObj, itemId) {
	const x = ctx.sim.fixture.byId(itemId);
	if (!x || x.attachments === undefined || x.siteId !== siteObj.id)
		throw notFound(`SharePoint item with ID ${itemId}`);
	return x;
}

function attachment(ctx, itemObj, attachmentId) {
	const x = ctx.sim.fixture.attachment(attachmentId);
	if (!x || x.itemId !== itemObj.id) throw notFound(`Attachment with ID ${attachmentId}`);
	return x;
}

/** Path down to an item: session, site, item (session must be a working Vesp session). */
function itemPath(ctx, params) {
	const s = sharePointSession(ctx, params.rid);
	const st = site(ctx, s, params.siteId);
	const it = item(ctx, st, params.itemId);
	return { session: s, site: st, item: it };
}

module.exports = {
	session,
	workingSession,
	sharePointSession,
	sitesOf,
	site,
	list,
	itemsOf,
	item,
	attachment,
	itemPath,
};
