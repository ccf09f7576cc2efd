'use strict';
// OneDrive browsing inside a Veod restore session (v6+): OneDrives, folders, documents, versions,
// search (paged with setId). Query subset: filename (with * wildcards), datemodified (dates as in
// exchange-search.js), a bare word (in the name); anything else is answered 400.
const crypto = require('node:crypto');
const { prop } = require('../context');
const { invalid } = require('../errors');
const { tokenize, dateTest, contains } = require('../exchange-search');
const od = require('../onedrive-lookup');

const ODS = '/RestoreSessions/:rid/Organization/OneDrives';
const OD = `${ODS}/:od`;

/** A predicate over fixture documents for `query` (`modifiedOf` gives an entry's modification time). */
function compileDocumentQuery(query, modifiedOf = (d) => od.latest(d).modified) {
	const tests = [];
	for (const { criteria, value } of tokenize(query || '')) {
		if (criteria === null && value.toUpperCase() === 'AND') continue;
		if (criteria === null && /^(OR|NOT)$/i.test(value))
			throw invalid(`The simulator does not support ${value} in '${query}'.`);
		if (criteria === null || criteria === 'filename') {
			const exact = criteria === 'filename' && !value.includes('*');
			tests.push((d) =>
				exact ? d.name.toLowerCase() === value.toLowerCase() : contains(d.name, value),
			);
		} else if (criteria === 'datemodified') {
			const test = dateTest(value, query);
			tests.push((d) => test(Date.parse(modifiedOf(d))));
		} else {
			throw invalid(`The search query '${query}' uses the unknown criteria '${criteria}'.`);
		}
	}
	return (d) => tests.every((test) => test(d));
}

/** A search page over `candidates`; the result set is kept under its setId for the next pages. */
function searchPage(ctx, candidates, renderOne, modifiedOf) {
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
		found = candidates.filter(compileDocumentQuery(query || '', modifiedOf));
		setId = crypto.randomUUID();
		sets.set(setId, found);
	}
	return ctx.page(found, renderOne, { setId });
}

const search = (ctx, session, candidates) =>
	searchPage(ctx, candidates, (d) => od.renderDocument(ctx, session, d));

function parentFilter(ctx, oneDrive) {
	const parentId = ctx.query('parentId');
	if (!parentId) return null;
	return od.folder(ctx, oneDrive, parentId).id;
}

module.exports = function oneDriveRoutes(def) {
	def('GET', ODS, { from: 6 }, (ctx) => {
		const s = od.oneDriveSession(ctx, ctx.req.params.rid);
		return ctx.page(od.oneDrivesOf(ctx, s), (o) => od.renderOneDrive(ctx, s, o));
	});

	def('GET', OD, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		return od.renderOneDrive(ctx, session, oneDrive);
	});

	def('GET', `${OD}/Folders`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const parent = parentFilter(ctx, oneDrive);
		const folders = od.foldersOf(ctx, oneDrive).filter((f) => f.parentId === parent);
		return ctx.page(folders, (f) => od.renderFolder(ctx, session, f));
	});

	def('GET', `${OD}/Folders/:fid`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		return od.renderFolder(ctx, session, od.folder(ctx, oneDrive, ctx.req.params.fid));
	});

	def('GET', `${OD}/Documents`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const parent = parentFilter(ctx, oneDrive);
		const documents = od.documentsOf(ctx, oneDrive).filter((d) => d.parentId === parent);
		return ctx.page(documents, (d) => od.renderDocument(ctx, session, d));
	});

	def('GET', `${OD}/Documents/:doc`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		return od.renderDocument(ctx, session, od.document(ctx, oneDrive, ctx.req.params.doc));
	});

	def('GET', `${OD}/Documents/:doc/Versions`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const d = od.document(ctx, oneDrive, ctx.req.params.doc);
		return ctx.page(d.versions, (v) => od.renderDocument(ctx, session, d, v));
	});

	def('GET', `${OD}/Documents/:doc/Versions/:ver`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const d = od.document(ctx, oneDrive, ctx.req.params.doc);
		return od.renderDocument(ctx, session, d, od.version(d, ctx.req.params.ver));
	});

	def('POST', `${OD}/search`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		return search(ctx, session, od.documentsOf(ctx, oneDrive));
	});

	def('POST', `${OD}/Folders/:fid/search`, { from: 6 }, (ctx) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const f = od.folder(ctx, oneDrive, ctx.req.params.fid);
		return search(
			ctx,
			session,
			od.folderContents(ctx, oneDrive, f).map((x) => x.document),
		);
	});
};

module.exports.compileDocumentQuery = compileDocumentQuery;
module.exports.searchPage = searchPage;
