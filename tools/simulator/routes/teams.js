'use strict';
// Teams browsing inside a Vet restore session (v6+): teams, channels, channel files and folders,
// file versions (v7+), file search (the OneDrive query subset, paged with setId). One file is
// addressed as `…/files/{f}` in v6/v7 and `…/channels/{c}/files/{f}` in v8.
const { invalid } = require('../errors');
const { searchPage } = require('./onedrive');
const tl = require('../teams-lookup');

const TEAMS = '/RestoreSessions/:rid/organization/teams';
const TEAM = `${TEAMS}/:tid`;

/** The spec's displayName filter: the name contains the value; `*` and `?` are wildcards. */
function nameFilter(value) {
	if (!value) return () => true;
	const source = [...value]
		.map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	const re = new RegExp(source, 'i');
	return (name) => re.test(name);
}

function boolQuery(ctx, name) {
	const raw = ctx.query(name);
	if (raw === undefined || raw === '') return false;
	if (!/^(true|false)$/i.test(raw)) throw invalid(`${name} must be true or false, not '${raw}'.`);
	return raw.toLowerCase() === 'true';
}

/** The channel named by `?channelId=` (undefined when absent: every channel of the team). */
function channelScope(ctx, team) {
	const channelId = ctx.query('channelId');
	if (!channelId) return undefined;
	return tl.channel(ctx, team, channelId).id;
}

/** A folder named by `?parentId=` (not `root`), inside the scope. */
function parentFolder(ctx, team, parentId, channelId) {
	const folder = tl.item(ctx, team, parentId, channelId);
	if (folder.fileType !== 'Folder')
		throw invalid(`parentId ${parentId} is a file, not a folder. Pass a folder ID or 'root'.`);
	return folder;
}

/** GET …/files: no parentId = everything below the scope, `root` = top level, else a folder's children. */
function listItems(ctx, team) {
	const channelId = channelScope(ctx, team);
	const parentId = ctx.query('parentId');
	let items = tl.itemsOf(ctx, team, channelId);
	if (parentId && parentId.toLowerCase() === 'root') items = items.filter((x) => !x.parentId);
	else if (parentId) {
		const folder = parentFolder(ctx, team, parentId, channelId);
		items = items.filter((x) => x.parentId === folder.id);
	}
	if (ctx.version >= 7 && boolQuery(ctx, 'foldersOnly'))
		items = items.filter((x) => x.fileType === 'Folder');
	return items;
}

/** Search candidates: v7+ narrow by channelId and parentId (a folder's whole subtree). */
function searchScope(ctx, team) {
	if (ctx.version < 7) return tl.itemsOf(ctx, team);
	const channelId = channelScope(ctx, team);
	const items = tl.itemsOf(ctx, team, channelId);
	const parentId = ctx.query('parentId');
	if (!parentId || parentId.toLowerCase() === 'root') return items;
	const folder = parentFolder(ctx, team, parentId, channelId);
	const prefix = `${folder.path}/`;
	const pathOf = (x) => (x.fileType === 'Folder' ? x.path : `${x.folderPath}/${x.name}`);
	return items.filter((x) => x.channelId === folder.channelId && pathOf(x).startsWith(prefix));
}

function fileVersions(ctx, session, file) {
	if (file.fileType !== 'File')
		throw invalid(`${file.name} (${file.id}) is a folder; only files have versions.`);
	return ctx.page(file.versions, (v) => tl.renderItem(ctx, session, file, v));
}

module.exports = function teamsRoutes(def) {
	def('GET', TEAMS, { from: 6 }, (ctx) => {
		const s = tl.teamsSession(ctx, ctx.req.params.rid);
		const match = nameFilter(ctx.query('displayName'));
		const teams = tl.teamsOf(ctx, s).filter((t) => match(t.displayName));
		return ctx.page(teams, (t) => tl.renderTeam(ctx, s, t));
	});

	def('GET', TEAM, { from: 6 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		return tl.renderTeam(ctx, session, team);
	});

	def('GET', `${TEAM}/channels`, { from: 6 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		const match = nameFilter(ctx.query('displayName'));
		const channels = tl.channelsOf(ctx, team).filter((c) => match(c.displayName));
		return ctx.page(channels, (c) => tl.renderChannel(ctx, session, c, { preview: true }));
	});

	def('GET', `${TEAM}/channels/:cid`, { from: 6 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		return tl.renderChannel(ctx, session, tl.channel(ctx, team, ctx.req.params.cid));
	});

	def('GET', `${TEAM}/files`, { from: 6 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		return ctx.page(listItems(ctx, team), (x) => tl.renderItem(ctx, session, x));
	});

	// v6/v7: the file by its ID within the team (`channelId` optional, it narrows the lookup).
	def('GET', `${TEAM}/files/:fid`, { from: 6, to: 7 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		const x = tl.item(ctx, team, ctx.req.params.fid, channelScope(ctx, team));
		return tl.renderItem(ctx, session, x);
	});
	def('GET', `${TEAM}/channels/:cid/files/:fid`, { from: 8 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		const c = tl.channel(ctx, team, ctx.req.params.cid);
		return tl.renderItem(ctx, session, tl.item(ctx, team, ctx.req.params.fid, c.id));
	});

	def('GET', `${TEAM}/files/:fid/versions`, { from: 7, to: 7 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		return fileVersions(ctx, session, tl.item(ctx, team, ctx.req.params.fid));
	});
	def('GET', `${TEAM}/channels/:cid/files/:fid/versions`, { from: 8 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		const c = tl.channel(ctx, team, ctx.req.params.cid);
		return fileVersions(ctx, session, tl.item(ctx, team, ctx.req.params.fid, c.id));
	});

	def('POST', `${TEAM}/files/search`, { from: 6 }, (ctx) => {
		const { session, team } = tl.teamPath(ctx);
		const candidates = searchScope(ctx, team);
		return searchPage(ctx, candidates, (x) => tl.renderItem(ctx, session, x), tl.modifiedOf);
	});
};

module.exports.nameFilter = nameFilter;
