'use strict';
// Resolves Teams path IDs inside a working Vet session and renders teams, channels and channel
// files/folders (v7 adds uiVersion and channelId to files, v8 teamId; v8 channels carry teamId).
const { notFound, invalid } = require('./errors');
const lookup = require('./lookup');

function teamsSession(ctx, rid) {
	const s = lookup.workingSession(ctx, rid);
	if (s.type !== 'Vet')
		throw invalid(
			`Restore session ${s.id} is of type ${s.type}; Teams data requires a Vet session.`,
		);
	return s;
}

const data = (ctx) => ctx.sim.fixture.teams;
const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

function teamsOf(ctx, s) {
	if (s.empty) return [];
	return data(ctx).teams.filter((t) => t.organizationId === s.organizationId);
}

function teamPath(ctx) {
	const session = teamsSession(ctx, ctx.req.params.rid);
	const team = teamsOf(ctx, session).find((t) => same(t.id, ctx.req.params.tid));
	if (!team) throw notFound(`Team with ID ${ctx.req.params.tid}`);
	return { session, team };
}

const channelsOf = (ctx, team) => data(ctx).channels.filter((c) => c.teamId === team.id);

function channel(ctx, team, id) {
	const c = channelsOf(ctx, team).find((x) => same(x.id, id));
	if (!c) throw notFound(`Channel with ID ${id} in team ${team.displayName}`);
	return c;
}

/** Folders then files of a team, of one channel when `channelId` is given. */
function itemsOf(ctx, team, channelId) {
	const inScope = (x) => x.teamId === team.id && (!channelId || x.channelId === channelId);
	return [...data(ctx).folders.filter(inScope), ...data(ctx).files.filter(inScope)];
}

/** A file or folder of the team (of one channel when `channelId` is given) by ID. */
function item(ctx, team, id, channelId) {
	const x = itemsOf(ctx, team, channelId).find((i) => same(i.id, id));
	if (!x) throw notFound(`File with ID ${id}`);
	return x;
}

const latest = (f) => f.versions[f.versions.length - 1];
const modifiedOf = (x) => (x.versions ? latest(x).modified : x.modified);

/** Everything below a folder, each with its path below the folder's parent (the folder's name first). */
function folderContents(ctx, team, folder) {
	const prefix = `${folder.path}/`;
	const below = (p) => p === folder.path || p.startsWith(prefix);
	const relative = (p) => [folder.name, p.slice(folder.path.length + 1)].filter(Boolean).join('/');
	const scope = itemsOf(ctx, team, folder.channelId);
	return {
		files: scope
			.filter((x) => x.fileType === 'File' && below(x.folderPath))
			.map((f) => ({ file: f, path: [relative(f.folderPath), f.name].join('/') })),
		directories: scope
			.filter((x) => x.fileType === 'Folder' && below(x.path))
			.map((d) => relative(d.path)),
	};
}

/** The whole channel, with paths from the channel's top level. */
function channelContents(ctx, team, channelId) {
	const scope = itemsOf(ctx, team, channelId);
	return {
		files: scope
			.filter((x) => x.fileType === 'File')
			.map((f) => ({ file: f, path: [f.folderPath, f.name].filter(Boolean).join('/') })),
		directories: scope.filter((x) => x.fileType === 'Folder').map((d) => d.path),
	};
}

const base = (s, teamId) => `/RestoreSessions/${s.id}/organization/teams/${teamId}`;

function renderTeam(ctx, s, t) {
	return {
		id: t.id,
		displayName: t.displayName,
		groupEmail: t.groupEmail,
		alias: t.alias,
		privacy: t.privacy,
		isArchived: t.isArchived,
		_links: {
			self: ctx.link(base(s, t.id)),
			channels: ctx.link(`${base(s, t.id)}/channels`),
			files: ctx.link(`${base(s, t.id)}/files`),
		},
	};
}

function renderChannel(ctx, s, c, { preview = false } = {}) {
	const out = { id: c.id, displayName: c.displayName };
	if (ctx.version >= 8) out.teamId = c.teamId;
	if (ctx.version >= 8 && preview) out.type = 'Standard';
	const self = `${base(s, c.teamId)}/channels/${encodeURIComponent(c.id)}`;
	out._links = { self: ctx.link(self) };
	return out;
}

/** The path of a file below its team: v8 puts the channel in it, v6/v7 use `?channelId=`. */
function filePath(ctx, s, x) {
	if (ctx.version >= 8)
		return `${base(s, x.teamId)}/channels/${encodeURIComponent(x.channelId)}/files/${x.id}`;
	return `${base(s, x.teamId)}/files/${x.id}?channelId=${encodeURIComponent(x.channelId)}`;
}

/** A file (latest or version `v`) or a folder as RESTTeamsFile. */
function renderItem(ctx, s, x, v = x.versions ? latest(x) : null) {
	const out = {
		id: x.id,
		name: x.name,
		sizeBytes: v ? v.sizeBytes : 0,
		version: v ? v.version : 512,
	};
	if (ctx.version >= 7) out.uiVersion = v ? v.uiVersion : '1.0';
	out.modified = v ? v.modified : x.modified;
	out.modifiedBy = x.modifiedBy;
	if (ctx.version >= 7) out.channelId = x.channelId;
	if (ctx.version >= 8) out.teamId = x.teamId;
	out.fileType = x.fileType;
	out._links = { self: ctx.link(filePath(ctx, s, x)) };
	if (x.parentId) out._links.parent = ctx.link(filePath(ctx, s, { ...x, id: x.parentId }));
	return out;
}

module.exports = {
	teamsSession,
	teamsOf,
	teamPath,
	channelsOf,
	channel,
	itemsOf,
	item,
	latest,
	modifiedOf,
	folderContents,
	channelContents,
	renderTeam,
	renderChannel,
	renderItem,
};
