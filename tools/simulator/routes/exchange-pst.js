'use strict';
// Export to PST. A real VB365 server writes PST files through 64-bit Outlook; without it the
// export fails. The simulator answers like that (500) unless the option `outlookInstalled` is
// true; then it sends a stand-in file with the PST signature "!BDN" followed by the exported
// mail as JSON (not a real PST). With a size limit it splits the export into one part per folder
// and, for more than one part, sends a ZIP of the parts, as VB365 does when a limit splits a PST.
const { Readable } = require('node:stream');
const yazl = require('yazl');
const { prop, hasProp } = require('../context');
const { invalid, ApiError } = require('../errors');
const ex = require('../exchange-lookup');

const MBX = '/RestoreSessions/:rid/Organization/Mailboxes/:mbx';
const GB = 1024 ** 3;

function limitOf(opts) {
	const enabled = prop(opts, 'enablePstSizeLimit');
	if (enabled !== true && !/^true$/i.test(String(enabled))) return null;
	const bytes = Number(prop(opts, 'pstSizeLimitBytes'));
	if (!Number.isFinite(bytes) || bytes < GB || bytes > 49 * GB)
		throw invalid('pstSizeLimitBytes must be from 1 GB to 49 GB when enablePstSizeLimit is true.');
	return bytes;
}

const pstFile = (mailbox, items) =>
	Buffer.concat([
		Buffer.from('!BDN', 'latin1'),
		Buffer.from(JSON.stringify({ mailbox: mailbox.email, items: items.map((i) => i.subject) })),
	]);

function exportPst(ctx, reply, session, mailbox, items, opts) {
	const { sim } = ctx;
	const limit = limitOf(opts || {});
	if (!sim.options.outlookInstalled) {
		throw new ApiError(
			500,
			null,
			'Failed to export items to PST: Microsoft Outlook 64-bit is not installed on the machine running restore sessions.',
		);
	}
	sim.stats.saves++;
	sim.state.addEvent(session, {
		type: 'Export',
		title: 'Export mailbox items to PST',
		message: `Exported ${items.length} item(s) of mailbox ${mailbox.email} to PST.`,
		itemName: mailbox.name,
		itemType: 'Mail',
		source: mailbox.email,
		target: ctx.req.ip,
	});
	const folders = [...new Set(items.map((i) => i.folderId))];
	if (limit === null || folders.length < 2) {
		reply.header('content-disposition', `attachment; filename="${mailbox.email}.pst"`);
		return reply
			.code(200)
			.header('content-type', 'application/octet-stream')
			.send(Readable.from([pstFile(mailbox, items)]));
	}
	const zip = new yazl.ZipFile();
	folders.forEach((folderId, n) => {
		const part = items.filter((i) => i.folderId === folderId);
		zip.addBuffer(pstFile(mailbox, part), `${mailbox.email} (${n + 1}).pst`);
	});
	zip.end();
	return reply.code(200).header('content-type', 'application/octet-stream').send(zip.outputStream);
}

module.exports = function exchangePstRoutes(def) {
	def('POST', `${MBX}/exportToPst`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const body = ctx.objectBody(true, 'exportOptions');
		return exportPst(ctx, reply, session, mailbox, ex.itemsOf(ctx, mailbox), body);
	});

	def('POST', `${MBX}/Folders/:fid/exportToPst`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const folder = ex.folder(ctx, mailbox, ctx.req.params.fid);
		const items = ex.itemsOf(ctx, mailbox).filter((i) => i.folderId === folder.id);
		return exportPst(ctx, reply, session, mailbox, items, ctx.objectBody(true, 'exportOptions'));
	});

	def('POST', `${MBX}/Items/exportToPst`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const body = ctx.objectBody(true, 'exportOptions');
		const items = ex.itemsFromBody(ctx, mailbox, prop(body, 'items'));
		return exportPst(ctx, reply, session, mailbox, items, body);
	});

	def('POST', `${MBX}/Items/:itemId/exportToPst`, { from: 6 }, (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const item = ex.item(ctx, mailbox, ctx.req.params.itemId);
		return exportPst(ctx, reply, session, mailbox, [item], ctx.objectBody(false, 'exportOptions'));
	});

	// v2-v5: {"exporttoPst": null | {...}} on a mailbox or a folder (items: exchange-actions.js).
	const legacy = (folderLevel) => (ctx, reply) => {
		const { session, mailbox } = ex.mailboxPath(ctx);
		const body = ctx.objectBody(true);
		if (Object.keys(body).length !== 1 || !hasProp(body, 'exporttoPst'))
			throw invalid('The action is not supported by the simulator. Use {"exporttoPst": ...}.');
		let items = ex.itemsOf(ctx, mailbox);
		if (folderLevel) {
			const folder = ex.folder(ctx, mailbox, ctx.req.params.fid);
			items = items.filter((i) => i.folderId === folder.id);
		}
		return exportPst(ctx, reply, session, mailbox, items, prop(body, 'exporttoPst'));
	};
	def('POST', `${MBX}/Action`, { to: 5 }, legacy(false));
	def('POST', `${MBX}/Folders/:fid/Action`, { to: 5 }, legacy(true));
};

module.exports.exportPst = exportPst;
