'use strict';
// SharePoint document search (v6+) in a library or a folder and everything below it, with the
// OneDrive query subset (filename with * wildcards, datemodified, a bare word) and `itemType`
// (Items: documents, Folders: folders by name, All: both, folders first); paged with setId.
const crypto = require('node:crypto');
const lookup = require('../lookup');
const { prop } = require('../context');
const { invalid, notFound } = require('../errors');
const { compileDocumentQuery } = require('./onedrive');
const { renderFolder } = require('./sharepoint-documents');

const SITE = '/RestoreSessions/:rid/Organization/Sites/:siteId';
const ITEM_TYPES = ['All', 'Folders', 'Items'];

const data = (ctx) => ctx.sim.fixture.siteDocuments;
const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

function renderFound(ctx, s, d) {
	const v = d.versions[d.versions.length - 1];
	return {
		siteId: d.siteId,
		sizeBytes: v.sizeBytes,
		version: v.version,
		versionId: v.versionId,
		id: d.id,
		name: d.name,
		createdBy: d.createdBy,
		creationTime: d.versions[0].modified,
		modifiedBy: d.createdBy,
		modificationTime: v.modified,
		isFolder: false,
		_links: {
			self: ctx.link(`/RestoreSessions/${s.id}/Organization/Sites/${d.siteId}/Documents/${d.id}`),
		},
	};
}

/** A folder matched like a document: by its name, with its modification time. */
const asSearchable = (f) => ({
	...f,
	folder: true,
	versions: [{ modified: f.modified }],
});

function search(ctx, session, documents, folders) {
	const body = ctx.objectBody(true, 'searchOptions');
	const query = prop(body, 'query');
	if (query !== undefined && query !== null && typeof query !== 'string')
		throw invalid('query must be a string.');
	const rawType = ctx.query('itemType') || 'All';
	const itemType = ITEM_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
	if (!itemType) throw invalid(`The value '${rawType}' is not valid for itemType.`);
	const sets = ctx.sim.state.searchSets;
	const given = ctx.query('setId');
	let found;
	let setId = given;
	if (given && sets.has(given.toLowerCase())) found = sets.get(given.toLowerCase());
	else {
		const matches = compileDocumentQuery(query || '');
		found = [
			...(itemType === 'Items' ? [] : folders.map(asSearchable).filter(matches)),
			...(itemType === 'Folders' ? [] : documents.filter(matches)),
		];
		setId = crypto.randomUUID();
		sets.set(setId, found);
	}
	return ctx.page(
		found,
		(x) => (x.folder ? renderFolder(ctx, session, x) : renderFound(ctx, session, x)),
		{
			setId,
		},
	);
}

module.exports = function sharePointDocumentSearchRoutes(def) {
	def('POST', `${SITE}/Libraries/:lib/search`, { from: 6 }, (ctx) => {
		const session = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, session, ctx.req.params.siteId);
		const l = data(ctx).libraries.find(
			(x) => x.siteId === site.id && same(x.id, ctx.req.params.lib),
		);
		if (!l) throw notFound(`SharePoint library with ID ${ctx.req.params.lib}`);
		return search(
			ctx,
			session,
			data(ctx).documents.filter((d) => d.libraryId === l.id),
			data(ctx).folders.filter((x) => x.libraryId === l.id),
		);
	});
	def('POST', `${SITE}/Folders/:fid/search`, { from: 6 }, (ctx) => {
		const session = lookup.sharePointSession(ctx, ctx.req.params.rid);
		const site = lookup.site(ctx, session, ctx.req.params.siteId);
		const f = data(ctx).folders.find((x) => x.siteId === site.id && same(x.id, ctx.req.params.fid));
		if (!f) throw notFound(`SharePoint folder with ID ${ctx.req.params.fid}`);
		const inside = (p) => p === f.path || p.startsWith(`${f.path}/`);
		return search(
			ctx,
			session,
			data(ctx).documents.filter((d) => d.libraryId === f.libraryId && inside(d.folderPath)),
			data(ctx).folders.filter(
				(x) => x.libraryId === f.libraryId && x.path.startsWith(`${f.path}/`),
			),
		);
	});
};
