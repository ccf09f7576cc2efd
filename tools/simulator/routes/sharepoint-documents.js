'use strict';
// SharePoint documents inside a Vesp restore session (v6+): libraries, folders and documents
// (`parentId`: a folder ID, a library ID for the top of that library, or "root"), versions, and
// saves: one document or version (`{asZip}`: false gives the raw file), a folder or a library
// (a ZIP whose entries keep the tree, the folder's or library's own name first); send the same
// to an address (v8 answers 204) when the Vesp email settings are set.
const lookup = require('../lookup');
const { prop } = require('../context');
const { invalid, notFound } = require('../errors');
const { sendMail } = require('../mail-out');
const { zipOf, bytesOf, reply200 } = require('./onedrive-actions');

const SITE = '/RestoreSessions/:rid/Organization/Sites/:siteId';

const data = (ctx) => ctx.sim.fixture.siteDocuments;
const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
const latest = (d) => d.versions[d.versions.length - 1];

function sitePath(ctx) {
	const session = lookup.sharePointSession(ctx, ctx.req.params.rid);
	const site = lookup.site(ctx, session, ctx.req.params.siteId);
	return { session, site };
}

function find(list, site, id, what) {
	const x = list.find((one) => one.siteId === site.id && same(one.id, id));
	if (!x) throw notFound(`SharePoint ${what} with ID ${id}`);
	return x;
}

function version(d, versionId) {
	const v = d.versions.find((x) => String(x.versionId) === String(versionId));
	if (!v) throw notFound(`Version ${versionId} of document ${d.id}`);
	return v;
}

const base = (s, siteId) => `/RestoreSessions/${s.id}/Organization/Sites/${siteId}`;

function renderLibrary(ctx, s, l) {
	return {
		id: l.id,
		name: l.name,
		url: l.url,
		description: '',
		creationTime: '2023-01-01T00:00:00Z',
		siteId: l.siteId,
		_links: { self: ctx.link(`${base(s, l.siteId)}/Libraries/${l.id}`) },
	};
}

function renderFolder(ctx, s, f) {
	return {
		id: f.id,
		version: '1.0',
		versionId: 512,
		name: f.name,
		createdBy: f.createdBy,
		creationTime: f.modified,
		modifiedBy: f.createdBy,
		modificationTime: f.modified,
		isFolder: true,
		siteId: f.siteId,
		_links: { self: ctx.link(`${base(s, f.siteId)}/Folders/${f.id}`) },
	};
}

function renderDocument(ctx, s, d, v = latest(d)) {
	const self = `${base(s, d.siteId)}/Documents/${d.id}`;
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
		_links: { self: ctx.link(v === latest(d) ? self : `${self}/Versions/${v.versionId}`) },
	};
}

/** `parentId` filter: a folder, a library (its top) or "root" (the top of every library). */
function parentTest(ctx, site) {
	const parentId = ctx.query('parentId');
	if (parentId === undefined || parentId === '') return () => true;
	if (/^root$/i.test(parentId)) {
		const tops = new Set(data(ctx).libraries.map((l) => l.id));
		return (x) => tops.has(x.parentId);
	}
	const known = [...data(ctx).libraries, ...data(ctx).folders].some(
		(x) => x.siteId === site.id && same(x.id, parentId),
	);
	if (!known) throw notFound(`SharePoint folder with ID ${parentId}`);
	return (x) => same(x.parentId, parentId);
}

/** Documents below a folder or library, with entry names from its own name down. */
function treeOf(ctx, root, rootPath, libraryId) {
	const inside = (path) =>
		rootPath === null || path === rootPath || path.startsWith(`${rootPath}/`);
	const rel = (path) => (rootPath === null ? path : path.slice(rootPath.length + 1));
	const files = data(ctx)
		.documents.filter((d) => d.libraryId === libraryId && inside(d.folderPath))
		.map((d) => ({
			name: [root, rel(d.folderPath), d.name].filter(Boolean).join('/'),
			version: latest(d),
		}));
	const directories = data(ctx)
		.folders.filter((f) => f.libraryId === libraryId && inside(f.path))
		.map((f) => [root, rel(f.path)].filter(Boolean).join('/'));
	return { files, directories };
}

function saved(ctx, session, site, what, itemName) {
	ctx.sim.stats.saves++;
	ctx.sim.state.addEvent(session, {
		type: 'Save',
		title: 'Save SharePoint documents',
		message: `Saved ${what} of site ${site.name}.`,
		itemName,
		itemType: 'Document',
		source: site.url,
		target: ctx.req.ip,
	});
}

function saveOne(ctx, reply, versionId) {
	const { session, site } = sitePath(ctx);
	const d = find(data(ctx).documents, site, ctx.req.params.doc, 'document');
	const v = versionId === undefined ? latest(d) : version(d, versionId);
	const body = ctx.objectBody(true, 'saveOptions');
	const asZip = prop(body, 'asZip');
	if (asZip !== undefined && asZip !== null && typeof asZip !== 'boolean')
		throw invalid('asZip must be true or false.');
	saved(ctx, session, site, `document ${d.name} (version ${v.version})`, d.name);
	if (asZip === true)
		return reply200(ctx, reply, zipOf(ctx, [{ name: d.name, version: v }]), `${d.name}.zip`);
	return reply200(ctx, reply, bytesOf(ctx, v), d.name);
}

function send(ctx, reply, session, site, documents, extra) {
	const { sim } = ctx;
	const opts = ctx.objectBody(true, 'sendOptions');
	for (const key of Object.keys(opts || {})) {
		if (!['skipItemChecks', 'from', 'to', 'subject', 'text'].includes(key))
			throw invalid(`${key} is not a parameter of this request.`);
	}
	const sent = sendMail(
		ctx,
		reply,
		opts,
		{
			configured: sim.state.emailConfigured(),
			from: sim.state.email.from,
			refusal:
				'Cannot send documents: email notification settings are not configured for Veeam Explorer for Microsoft SharePoint (VespEmailSettings).',
		},
		{
			kind: 'siteDocumentSend',
			attachments: documents.map((d) => ({ id: d.id, name: d.name })),
			restoreSessionId: session.id,
			siteId: site.id,
			documentIds: documents.map((d) => d.id),
			...extra,
		},
	);
	sim.state.addEvent(session, {
		type: 'Send',
		title: 'Send SharePoint documents',
		message: `Sent ${documents.length} document(s) of site ${site.name} to ${sent.to}.`,
		itemName: documents.length === 1 ? documents[0].name : site.name,
		itemType: 'Document',
		source: site.url,
		target: sent.to,
	});
	return sent.reply();
}

module.exports = function sharePointDocumentRoutes(def) {
	def('GET', `${SITE}/Libraries`, { from: 6 }, (ctx) => {
		const { session, site } = sitePath(ctx);
		const libraries = data(ctx).libraries.filter((l) => l.siteId === site.id);
		return ctx.page(libraries, (l) => renderLibrary(ctx, session, l));
	});
	def('GET', `${SITE}/Folders`, { from: 6 }, (ctx) => {
		const { session, site } = sitePath(ctx);
		const test = parentTest(ctx, site);
		const folders = data(ctx).folders.filter((f) => f.siteId === site.id && test(f));
		return ctx.page(folders, (f) => renderFolder(ctx, session, f));
	});
	def('GET', `${SITE}/Documents`, { from: 6 }, (ctx) => {
		const { session, site } = sitePath(ctx);
		const test = parentTest(ctx, site);
		const documents = data(ctx).documents.filter((d) => d.siteId === site.id && test(d));
		return ctx.page(documents, (d) => renderDocument(ctx, session, d));
	});
	def('GET', `${SITE}/Documents/:doc`, { from: 6 }, (ctx) => {
		const { session, site } = sitePath(ctx);
		return renderDocument(
			ctx,
			session,
			find(data(ctx).documents, site, ctx.req.params.doc, 'document'),
		);
	});
	def('GET', `${SITE}/Documents/:doc/Versions/:ver`, { from: 6 }, (ctx) => {
		const { session, site } = sitePath(ctx);
		const d = find(data(ctx).documents, site, ctx.req.params.doc, 'document');
		return renderDocument(ctx, session, d, version(d, ctx.req.params.ver));
	});
	def('POST', `${SITE}/Documents/:doc/save`, { from: 6 }, (ctx, reply) => saveOne(ctx, reply));
	def('POST', `${SITE}/Documents/:doc/Versions/:ver/save`, { from: 6 }, (ctx, reply) =>
		saveOne(ctx, reply, ctx.req.params.ver),
	);
	def('POST', `${SITE}/Folders/:fid/save`, { from: 6 }, (ctx, reply) => {
		const { session, site } = sitePath(ctx);
		if (ctx.json() !== undefined) throw invalid('This request takes no body.');
		const f = find(data(ctx).folders, site, ctx.req.params.fid, 'folder');
		const { files, directories } = treeOf(ctx, f.name, f.path, f.libraryId);
		saved(ctx, session, site, `folder ${f.path}`, f.name);
		return reply200(ctx, reply, zipOf(ctx, files, directories), `${f.name}.zip`);
	});
	def('POST', `${SITE}/Libraries/:lib/save`, { from: 6 }, (ctx, reply) => {
		const { session, site } = sitePath(ctx);
		if (ctx.json() !== undefined) throw invalid('This request takes no body.');
		const l = find(data(ctx).libraries, site, ctx.req.params.lib, 'library');
		const { files, directories } = treeOf(ctx, l.name, null, l.id);
		saved(ctx, session, site, `library ${l.name}`, l.name);
		return reply200(ctx, reply, zipOf(ctx, files, directories), `${l.name}.zip`);
	});

	const sendOne = (ctx, reply, versionId) => {
		const { session, site } = sitePath(ctx);
		const d = find(data(ctx).documents, site, ctx.req.params.doc, 'document');
		if (versionId !== undefined) version(d, versionId);
		return send(ctx, reply, session, site, [d], versionId ? { versionId } : {});
	};
	def('POST', `${SITE}/Documents/:doc/send`, { from: 6 }, (ctx, reply) => sendOne(ctx, reply));
	def('POST', `${SITE}/Documents/:doc/Versions/:ver/send`, { from: 6 }, (ctx, reply) =>
		sendOne(ctx, reply, ctx.req.params.ver),
	);
	def('POST', `${SITE}/Folders/:fid/send`, { from: 6 }, (ctx, reply) => {
		const { session, site } = sitePath(ctx);
		const f = find(data(ctx).folders, site, ctx.req.params.fid, 'folder');
		const inside = (p) => p === f.path || p.startsWith(`${f.path}/`);
		const documents = data(ctx).documents.filter(
			(d) => d.libraryId === f.libraryId && inside(d.folderPath),
		);
		return send(ctx, reply, session, site, documents, { folderId: f.id });
	});
	def('POST', `${SITE}/Libraries/:lib/send`, { from: 6 }, (ctx, reply) => {
		const { session, site } = sitePath(ctx);
		const l = find(data(ctx).libraries, site, ctx.req.params.lib, 'library');
		const documents = data(ctx).documents.filter((d) => d.libraryId === l.id);
		return send(ctx, reply, session, site, documents, { libraryId: l.id });
	});
};

// Shared with the document search (sharepoint-document-search.js).
module.exports.renderFolder = renderFolder;
