'use strict';
// Resolves OneDrive path IDs inside a working Veod session and renders OneDrives, folders,
// documents and versions (v8 adds oneDriveId to documents and folders).
const { notFound, invalid } = require('./errors');
const lookup = require('./lookup');

function oneDriveSession(ctx, rid) {
	const s = lookup.workingSession(ctx, rid);
	if (s.type !== 'Veod')
		throw invalid(
			`Restore session ${s.id} is of type ${s.type}; OneDrive data requires a Veod session.`,
		);
	return s;
}

const data = (ctx) => ctx.sim.fixture.oneDrive;
const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

function oneDrivesOf(ctx, s) {
	if (s.empty) return [];
	return data(ctx).oneDrives.filter((o) => o.organizationId === s.organizationId);
}

function oneDrivePath(ctx) {
	const session = oneDriveSession(ctx, ctx.req.params.rid);
	const oneDrive = oneDrivesOf(ctx, session).find((o) => same(o.id, ctx.req.params.od));
	if (!oneDrive) throw notFound(`OneDrive with ID ${ctx.req.params.od}`);
	return { session, oneDrive };
}

const foldersOf = (ctx, o) => data(ctx).folders.filter((f) => f.oneDriveId === o.id);
const documentsOf = (ctx, o) => data(ctx).documents.filter((d) => d.oneDriveId === o.id);

function folder(ctx, o, id) {
	const f = foldersOf(ctx, o).find((x) => x.id === id);
	if (!f) throw notFound(`OneDrive folder with ID ${id}`);
	return f;
}

function document(ctx, o, id) {
	const d = documentsOf(ctx, o).find((x) => x.id === id);
	if (!d) throw notFound(`OneDrive document with ID ${id}`);
	return d;
}

const latest = (d) => d.versions[d.versions.length - 1];

function version(d, versionId) {
	const v = d.versions.find((x) => String(x.versionId) === String(versionId));
	if (!v) throw notFound(`Version ${versionId} of document ${d.id}`);
	return v;
}

/** Everything below a folder (its documents and those of its subfolders), with paths from it. */
function folderContents(ctx, o, f) {
	const prefix = `${f.path}/`;
	return documentsOf(ctx, o)
		.filter((d) => d.folderPath === f.path || d.folderPath.startsWith(prefix))
		.map((d) => ({ document: d, relative: d.folderPath.slice(f.path.length + 1) }));
}

/** The documents `[{id}]` of a body, all from OneDrive `o`. */
function documentsFromBody(ctx, o, raw, name = 'documents') {
	if (!Array.isArray(raw) || raw.length === 0)
		throw invalid(`${name} must be a non-empty array of {"id": "..."} objects.`);
	return raw.map((entry, n) => {
		const id = entry && typeof entry === 'object' ? (entry.id ?? entry.Id) : undefined;
		if (typeof id !== 'string' || id === '') throw invalid(`${name}[${n}].id is required.`);
		return document(ctx, o, id);
	});
}

const base = (s, oneDriveId) => `/RestoreSessions/${s.id}/Organization/OneDrives/${oneDriveId}`;

function renderOneDrive(ctx, s, o) {
	return {
		id: o.id,
		name: o.name,
		url: o.url,
		_links: { self: ctx.link(base(s, o.id)) },
	};
}

function renderFolder(ctx, s, f) {
	const out = {};
	if (ctx.version >= 8) out.oneDriveId = f.oneDriveId;
	Object.assign(out, {
		version: '1.0',
		id: f.id,
		versionId: null,
		name: f.name,
		createdBy: f.createdBy,
		creationTime: f.modified,
		modifiedBy: f.createdBy,
		modificationTime: f.modified,
		_links: { self: ctx.link(`${base(s, f.oneDriveId)}/Folders/${f.id}`) },
	});
	return out;
}

function renderDocument(ctx, s, d, v = latest(d)) {
	const out = {};
	if (ctx.version >= 8) out.oneDriveId = d.oneDriveId;
	const self = `${base(s, d.oneDriveId)}/Documents/${d.id}`;
	Object.assign(out, {
		sizeBytes: v.sizeBytes,
		inheritedPermissions: true,
		version: v.version,
		id: d.id,
		versionId: v.versionId,
		name: d.name,
		createdBy: d.createdBy,
		creationTime: d.versions[0].modified,
		modifiedBy: d.createdBy,
		modificationTime: v.modified,
		_links: {
			self: ctx.link(v === latest(d) ? self : `${self}/Versions/${v.versionId}`),
			...(d.parentId ? { parent: ctx.link(`${base(s, d.oneDriveId)}/Folders/${d.parentId}`) } : {}),
		},
	});
	return out;
}

module.exports = {
	oneDriveSession,
	oneDrivesOf,
	oneDrivePath,
	foldersOf,
	documentsOf,
	folder,
	document,
	latest,
	version,
	folderContents,
	documentsFromBody,
	renderOneDrive,
	renderFolder,
	renderDocument,
};
