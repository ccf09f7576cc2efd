'use strict';
// Teams file actions (v6+): save one file (`{asZip}`: false gives the raw file, true a ZIP of it),
// several files or folders or a whole channel (a ZIP keeping the folder tree); send the same to an
// address (v8 answers 204); the Veeam Explorer for Microsoft Teams email settings. One file is
// `…/files/{f}/save|send` in v6/v7 and `…/channels/{c}/files/{f}/save|send` in v8.
const render = require('../render');
const { prop } = require('../context');
const { invalid } = require('../errors');
const { optionalText, sendMail } = require('../mail-out');
const { zipOf, bytesOf, reply200 } = require('./onedrive-actions');
const { updateSettings, sendTestEmail } = require('./email');
const tl = require('../teams-lookup');

const TEAM = '/RestoreSessions/:rid/organization/teams/:tid';

/** The file of a one-file path: v8 names its channel, v6/v7 find it by ID within the team. */
function oneFile(ctx, team) {
	const channelId = ctx.req.params.cid ? tl.channel(ctx, team, ctx.req.params.cid).id : undefined;
	const x = tl.item(ctx, team, ctx.req.params.fid, channelId);
	if (x.fileType !== 'File')
		throw invalid(
			`${x.name} (${x.id}) is a folder. Save or send folders with POST …/files/save or …/files/send and {"files": [{"id": "${x.id}"}]}.`,
		);
	return x;
}

function asZipOf(ctx) {
	const body = ctx.objectBody(true, 'saveOptions');
	const asZip = prop(body, 'asZip');
	if (asZip !== undefined && asZip !== null && typeof asZip !== 'boolean')
		throw invalid('asZip must be true or false.');
	return asZip === true;
}

/**
 * The selection of a several-files body `{channelId, files}`: the listed files and folders (a
 * folder brings its whole content), or the whole channel when only channelId is given.
 * v8 requires id and channelId on every entry (RESTTeamsFile), v6/v7 only id.
 */
function selection(ctx, team, body) {
	const channelId = optionalText(body, 'channelId') || undefined;
	const bodyChannel = channelId ? tl.channel(ctx, team, channelId) : undefined;
	const raw = prop(body, 'files');
	if (raw !== undefined && raw !== null && !Array.isArray(raw))
		throw invalid('files must be an array of {"id": "...", "channelId": "..."} objects.');
	if (!raw || raw.length === 0) {
		if (!bodyChannel)
			throw invalid(
				'Nothing to restore: give files (an array of {"id", "channelId"}) or channelId (the whole channel).',
			);
		return {
			...tl.channelContents(ctx, team, bodyChannel.id),
			channel: bodyChannel,
			ids: [],
			zipName: bodyChannel.displayName,
		};
	}
	const files = [];
	const directories = [];
	const seen = new Set();
	const ids = [];
	raw.forEach((entry, n) => {
		const id = entry && typeof entry === 'object' ? prop(entry, 'id') : undefined;
		if (typeof id !== 'string' || id === '') throw invalid(`files[${n}].id is required.`);
		const entryChannel = entry && typeof entry === 'object' ? prop(entry, 'channelId') : undefined;
		if (ctx.version >= 8 && (typeof entryChannel !== 'string' || entryChannel === ''))
			throw invalid(`files[${n}].channelId is required (the channel the file belongs to).`);
		if (entryChannel !== undefined && entryChannel !== null && typeof entryChannel !== 'string')
			throw invalid(`files[${n}].channelId must be a string.`);
		const scope = entryChannel ? tl.channel(ctx, team, entryChannel).id : bodyChannel?.id;
		if (bodyChannel && scope !== bodyChannel.id)
			throw invalid(`files[${n}].channelId differs from channelId ${bodyChannel.id}.`);
		const x = tl.item(ctx, team, id, scope);
		if (seen.has(x.id)) return;
		seen.add(x.id);
		ids.push(x.id);
		if (x.fileType === 'File') files.push({ file: x, path: x.name });
		else {
			const inside = tl.folderContents(ctx, team, x);
			files.push(...inside.files);
			directories.push(...inside.directories);
		}
	});
	const channels = new Set(files.map((f) => f.file.channelId));
	return { files, directories, channel: bodyChannel, channels, ids, zipName: team.displayName };
}

function recordEvent(ctx, session, team, type, message, itemName, target) {
	ctx.sim.state.addEvent(session, {
		type,
		title: `${type} Microsoft Teams files`,
		message,
		itemName,
		itemType: 'File',
		source: team.groupEmail,
		target,
	});
}

function saveOne(ctx, reply) {
	const { session, team } = tl.teamPath(ctx);
	const x = oneFile(ctx, team);
	const asZip = asZipOf(ctx);
	const v = tl.latest(x);
	ctx.sim.stats.saves++;
	recordEvent(
		ctx,
		session,
		team,
		'Save',
		`Saved file ${x.name} of team ${team.displayName}.`,
		x.name,
		ctx.req.ip,
	);
	if (asZip)
		return reply200(ctx, reply, zipOf(ctx, [{ name: x.name, version: v }]), `${x.name}.zip`);
	return reply200(ctx, reply, bytesOf(ctx, v), x.name);
}

function saveSeveral(ctx, reply) {
	const { session, team } = tl.teamPath(ctx);
	const chosen = selection(ctx, team, ctx.objectBody(true, 'saveOptions'));
	const files = chosen.files.map(({ file, path }) => ({ name: path, version: tl.latest(file) }));
	ctx.sim.stats.saves++;
	recordEvent(
		ctx,
		session,
		team,
		'Save',
		`Saved ${files.length} file(s) of team ${team.displayName}.`,
		chosen.zipName,
		ctx.req.ip,
	);
	return reply200(ctx, reply, zipOf(ctx, files, chosen.directories), `${chosen.zipName}.zip`);
}

function send(ctx, reply, session, team, files, opts, channelId, ids) {
	const { sim } = ctx;
	const sent = sendMail(
		ctx,
		reply,
		opts,
		{
			configured: sim.state.vetEmailConfigured(),
			from: sim.state.vetEmail.from,
			refusal:
				'Cannot send files: email notification settings are not configured for Veeam Explorer for Microsoft Teams (VetEmailSettings).',
		},
		{
			kind: 'teamsSend',
			attachments: files.map((f) => ({
				id: f.id,
				name: f.name,
				sizeBytes: tl.latest(f).sizeBytes,
			})),
			restoreSessionId: session.id,
			teamId: team.id,
			channelId,
			fileIds: ids,
		},
	);
	const what = files.length === 1 ? files[0].name : team.displayName;
	recordEvent(
		ctx,
		session,
		team,
		'Send',
		`Sent ${files.length} file(s) of team ${team.displayName} to ${sent.to}.`,
		what,
		sent.to,
	);
	return sent.reply();
}

function sendOne(ctx, reply) {
	const { session, team } = tl.teamPath(ctx);
	const x = oneFile(ctx, team);
	const opts = ctx.objectBody(true, 'sendOptions');
	return send(ctx, reply, session, team, [x], opts, x.channelId, [x.id]);
}

function sendSeveral(ctx, reply) {
	const { session, team } = tl.teamPath(ctx);
	const body = ctx.objectBody(true, 'sendOptions');
	const chosen = selection(ctx, team, body);
	const channelId =
		chosen.channel?.id ?? (chosen.channels.size === 1 ? [...chosen.channels][0] : null);
	const files = chosen.files.map((f) => f.file);
	return send(ctx, reply, session, team, files, body, channelId, chosen.ids);
}

function vetSettings(ctx) {
	const out = render.emailSettings(ctx, ctx.sim.state.vetEmail);
	const test = ctx.version >= 8 ? '/VetEmailSettings/SendTestEmail' : '/VetEmailSettings/sendTest';
	out._links = { self: ctx.link('/VetEmailSettings') };
	out._actions = { sendTestEmail: { uri: ctx.href(test), method: 'Post' } };
	return out;
}

module.exports = function teamsActionRoutes(def) {
	def('POST', `${TEAM}/files/:fid/save`, { from: 6, to: 7 }, saveOne);
	def('POST', `${TEAM}/channels/:cid/files/:fid/save`, { from: 8 }, saveOne);
	def('POST', `${TEAM}/files/save`, { from: 6 }, saveSeveral);

	def('POST', `${TEAM}/files/:fid/send`, { from: 6, to: 7 }, sendOne);
	def('POST', `${TEAM}/channels/:cid/files/:fid/send`, { from: 8 }, sendOne);
	def('POST', `${TEAM}/files/send`, { from: 6 }, sendSeveral);

	def('GET', '/VetEmailSettings', { from: 6 }, vetSettings);
	def('PUT', '/VetEmailSettings', { from: 6 }, (ctx, reply) =>
		updateSettings(ctx, reply, ctx.sim.state.vetEmail),
	);
	const sendTest = (ctx, reply) => sendTestEmail(ctx, reply, ctx.sim.state.vetEmail);
	def('POST', '/VetEmailSettings/sendTest', { from: 6, to: 7 }, sendTest);
	def('POST', '/VetEmailSettings/SendTestEmail', { from: 8 }, sendTest);
};
