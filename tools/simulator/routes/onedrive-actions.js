'use strict';
// OneDrive actions (v6+): save one document or one version (`{asZip}`: false gives the raw file,
// true a ZIP of it), several documents (a ZIP), a folder or several (a ZIP whose entries keep the
// folder tree, each folder's own name first), the whole OneDrive (paths from its top); send the same to an address (v8 answers 204); the
// Veeam Explorer for OneDrive email settings.
const { Readable } = require('node:stream');
const yazl = require('yazl');
const render = require('../render');
const { prop, hasProp } = require('../context');
const { invalid } = require('../errors');
const { sendMail } = require('../mail-out');
const { contentStream, isStored } = require('../content');
const { contentDisposition } = require('./attachments');
const od = require('../onedrive-lookup');

const OD = '/RestoreSessions/:rid/Organization/OneDrives/:od';

/** The bytes of a document version: deterministic, different per version. */
const bytesOf = (ctx, v) =>
	contentStream(
		{ id: v.contentId, kind: v.kind, name: v.name, sizeBytes: v.sizeBytes },
		ctx.sim.fixture.seed,
	);

function zipOf(ctx, files, directories = []) {
	const zip = new yazl.ZipFile();
	for (const dir of directories) zip.addEmptyDirectory(dir);
	for (const { name, version } of files) {
		zip.addReadStreamLazy(
			name,
			{
				mtime: new Date(version.modified),
				size: version.sizeBytes,
				compress: !isStored(version.kind),
			},
			(cb) => cb(null, bytesOf(ctx, version)),
		);
	}
	zip.end();
	const out = zip.outputStream;
	zip.on('error', (err) => out.destroy(err));
	return out;
}

function reply200(ctx, reply, body, fileName) {
	const cd = contentDisposition(ctx.sim.options.contentDisposition, fileName);
	if (cd) reply.header('content-disposition', cd);
	return reply.code(200).header('content-type', 'application/octet-stream').send(body);
}

function saved(ctx, session, oneDrive, what, itemName) {
	ctx.sim.stats.saves++;
	ctx.sim.state.addEvent(session, {
		type: 'Save',
		title: 'Save OneDrive documents',
		message: `Saved ${what} of OneDrive ${oneDrive.name}.`,
		itemName,
		itemType: 'Document',
		source: oneDrive.url,
		target: ctx.req.ip,
	});
}

function asZipOf(ctx) {
	const body = ctx.objectBody(true, 'saveOptions');
	const asZip = prop(body, 'asZip');
	if (asZip !== undefined && asZip !== null && typeof asZip !== 'boolean')
		throw invalid('asZip must be true or false.');
	return asZip === true;
}

function saveOne(ctx, reply, versionId) {
	const { session, oneDrive } = od.oneDrivePath(ctx);
	const d = od.document(ctx, oneDrive, ctx.req.params.doc);
	const v = versionId === undefined ? od.latest(d) : od.version(d, versionId);
	const asZip = asZipOf(ctx);
	saved(ctx, session, oneDrive, `document ${d.name} (version ${v.version})`, d.name);
	if (asZip)
		return reply200(ctx, reply, zipOf(ctx, [{ name: d.name, version: v }]), `${d.name}.zip`);
	return reply200(ctx, reply, bytesOf(ctx, v), d.name);
}

/** The entries of folder `f`, its own name first (`Projects/Fabrikam/…`), and its directories. */
function folderEntries(ctx, oneDrive, f) {
	const root = f.name;
	const files = od.folderContents(ctx, oneDrive, f).map(({ document, relative }) => ({
		name: [root, relative, document.name].filter(Boolean).join('/'),
		version: od.latest(document),
	}));
	const directories = od
		.foldersOf(ctx, oneDrive)
		.filter((x) => x.path === f.path || x.path.startsWith(`${f.path}/`))
		.map((x) => [root, x.path.slice(f.path.length + 1)].filter(Boolean).join('/'));
	return { files, directories };
}

function saveFolder(ctx, reply) {
	const { session, oneDrive } = od.oneDrivePath(ctx);
	if (ctx.json() !== undefined) throw invalid('This request takes no body.');
	const f = od.folder(ctx, oneDrive, ctx.req.params.fid);
	const { files, directories } = folderEntries(ctx, oneDrive, f);
	saved(ctx, session, oneDrive, `folder ${f.path}`, f.name);
	return reply200(ctx, reply, zipOf(ctx, files, directories), `${f.name}.zip`);
}

/** The folders `[{id}]` of a body (RESTSaveOneDriveFoldersOptions), all from OneDrive `o`. */
function foldersFromBody(ctx, o, raw) {
	if (!Array.isArray(raw) || raw.length === 0)
		throw invalid('folders must be a non-empty array of {"id": "..."} objects.');
	return raw.map((entry, n) => {
		const id = entry && typeof entry === 'object' ? (entry.id ?? entry.Id) : undefined;
		if (typeof id !== 'string' || id === '') throw invalid(`folders[${n}].id is required.`);
		return od.folder(ctx, o, id);
	});
}

/** Several folders in one ZIP: each folder's entries under its own name, as a single save gives them. */
function saveFolders(ctx, reply) {
	const { session, oneDrive } = od.oneDrivePath(ctx);
	const body = ctx.objectBody(true, 'saveOptions');
	const folders = foldersFromBody(ctx, oneDrive, prop(body, 'folders'));
	const entries = folders.map((f) => folderEntries(ctx, oneDrive, f));
	saved(ctx, session, oneDrive, `${folders.length} folders`, oneDrive.name);
	return reply200(
		ctx,
		reply,
		zipOf(
			ctx,
			entries.flatMap((e) => e.files),
			entries.flatMap((e) => e.directories),
		),
		`${oneDrive.name}.zip`,
	);
}

/** The whole OneDrive: paths from its top, no OneDrive-name prefix (the specs are silent). */
function saveOneDrive(ctx, reply) {
	const { session, oneDrive } = od.oneDrivePath(ctx);
	if (ctx.json() !== undefined) throw invalid('This request takes no body.');
	const files = od.documentsOf(ctx, oneDrive).map((d) => ({
		name: [d.folderPath, d.name].filter(Boolean).join('/'),
		version: od.latest(d),
	}));
	const directories = od.foldersOf(ctx, oneDrive).map((f) => f.path);
	saved(ctx, session, oneDrive, 'the whole OneDrive', oneDrive.name);
	return reply200(ctx, reply, zipOf(ctx, files, directories), `${oneDrive.name}.zip`);
}

function send(ctx, reply, session, oneDrive, documents, opts, extra) {
	const { sim } = ctx;
	const sent = sendMail(
		ctx,
		reply,
		opts,
		{
			configured: sim.state.veodEmailConfigured(),
			from: sim.state.veodEmail.from,
			refusal:
				'Cannot send documents: email notification settings are not configured for Veeam Explorer for Microsoft OneDrive for Business (VeodEmailSettings).',
		},
		{
			kind: 'oneDriveSend',
			attachments: documents.map((d) => ({ id: d.id, name: d.name })),
			restoreSessionId: session.id,
			oneDriveId: oneDrive.id,
			documentIds: documents.map((d) => d.id),
			...extra,
		},
	);
	sim.state.addEvent(session, {
		type: 'Send',
		title: 'Send OneDrive documents',
		message: `Sent ${documents.length} document(s) of OneDrive ${oneDrive.name} to ${sent.to}.`,
		itemName: documents.length === 1 ? documents[0].name : oneDrive.name,
		itemType: 'Document',
		source: oneDrive.url,
		target: sent.to,
	});
	return sent.reply();
}

module.exports = function oneDriveActionRoutes(def) {
	def('POST', `${OD}/Documents/:doc/save`, { from: 6 }, (ctx, reply) => saveOne(ctx, reply));
	def('POST', `${OD}/Documents/:doc/Versions/:ver/save`, { from: 6 }, (ctx, reply) =>
		saveOne(ctx, reply, ctx.req.params.ver),
	);

	def('POST', `${OD}/Documents/save`, { from: 6 }, (ctx, reply) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const body = ctx.objectBody(true, 'saveOptions');
		const documents = od.documentsFromBody(ctx, oneDrive, prop(body, 'documents'));
		saved(ctx, session, oneDrive, `${documents.length} documents`, oneDrive.name);
		const files = documents.map((d) => ({ name: d.name, version: od.latest(d) }));
		return reply200(ctx, reply, zipOf(ctx, files), `${oneDrive.name}.zip`);
	});

	def('POST', `${OD}/Folders/:fid/save`, { from: 6 }, (ctx, reply) => saveFolder(ctx, reply));
	def('POST', `${OD}/Folders/save`, { from: 6 }, (ctx, reply) => saveFolders(ctx, reply));
	def('POST', `${OD}/save`, { from: 6 }, (ctx, reply) => saveOneDrive(ctx, reply));

	const sendOne = (ctx, reply, versionId) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const d = od.document(ctx, oneDrive, ctx.req.params.doc);
		if (versionId !== undefined) od.version(d, versionId);
		const opts = ctx.objectBody(true, 'sendOptions');
		return send(ctx, reply, session, oneDrive, [d], opts, versionId ? { versionId } : {});
	};
	def('POST', `${OD}/Documents/:doc/send`, { from: 6 }, (ctx, reply) => sendOne(ctx, reply));
	def('POST', `${OD}/Documents/:doc/Versions/:ver/send`, { from: 6 }, (ctx, reply) =>
		sendOne(ctx, reply, ctx.req.params.ver),
	);
	def('POST', `${OD}/Documents/send`, { from: 6 }, (ctx, reply) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const body = ctx.objectBody(true, 'sendOptions');
		const documents = od.documentsFromBody(ctx, oneDrive, prop(body, 'documents'));
		return send(ctx, reply, session, oneDrive, documents, body, {});
	});
	def('POST', `${OD}/Folders/:fid/send`, { from: 6 }, (ctx, reply) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const f = od.folder(ctx, oneDrive, ctx.req.params.fid);
		const opts = ctx.objectBody(true, 'sendOptions');
		if (hasProp(opts, 'folders')) throw invalid('folders is not a parameter of this request.');
		const documents = od.folderContents(ctx, oneDrive, f).map((x) => x.document);
		return send(ctx, reply, session, oneDrive, documents, opts, { folderId: f.id });
	});
	def('POST', `${OD}/Folders/send`, { from: 6 }, (ctx, reply) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const body = ctx.objectBody(true, 'sendOptions');
		const folders = foldersFromBody(ctx, oneDrive, prop(body, 'folders'));
		const documents = folders.flatMap((f) =>
			od.folderContents(ctx, oneDrive, f).map((x) => x.document),
		);
		return send(ctx, reply, session, oneDrive, documents, body, {
			folderIds: folders.map((f) => f.id),
		});
	});
	def('POST', `${OD}/send`, { from: 6 }, (ctx, reply) => {
		const { session, oneDrive } = od.oneDrivePath(ctx);
		const opts = ctx.objectBody(true, 'sendOptions');
		return send(ctx, reply, session, oneDrive, od.documentsOf(ctx, oneDrive), opts, {
			wholeOneDrive: true,
		});
	});

	def('GET', '/VeodEmailSettings', { from: 6 }, (ctx) => {
		const out = render.emailSettings(ctx, ctx.sim.state.veodEmail);
		out._links = { self: ctx.link('/VeodEmailSettings') };
		return out;
	});
};

// Shared with the SharePoint document routes (sharepoint-documents.js).
module.exports.zipOf = zipOf;
module.exports.bytesOf = bytesOf;
module.exports.reply200 = reply200;
