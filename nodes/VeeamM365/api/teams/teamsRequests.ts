import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints, versionNumber } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';
import type { MailMessage } from '../exchange/mailboxRequests';
import { NeedsNewerApiError } from '../exchange/mailboxRequests';

/** A channel of a team in a running Teams (Vet) restore session. */
export interface ChannelTarget {
	restoreSessionId: string;
	teamId: string;
	channelId: string;
}

/**
 * What a save or send works on: files or folders by ID (as the channel lists them, for requests
 * on several), or the whole channel.
 */
export type TeamsFileSelection =
	| { kind: 'files'; fileIds: string[]; listed?: IDataObject[] }
	| { kind: 'channel' };

const teamsPath = (restoreSessionId: string) =>
	`/RestoreSessions/${restoreSessionId}/organization/teams`;
const teamPath = (target: { restoreSessionId: string; teamId: string }) =>
	`${teamsPath(target.restoreSessionId)}/${target.teamId}`;
const filesPath = (target: ChannelTarget) => `${teamPath(target)}/files`;

/**
 * v8 moved the one-file paths under the channel (`…/channels/{c}/files/{f}`); v6 and v7 address
 * a file by the team alone (reading one takes `channelId` as a query parameter).
 */
function oneFilePath(version: ApiVersion, target: ChannelTarget, fileId: string): ApiPath {
	if (versionNumber(version) >= 8) {
		return { path: `${teamPath(target)}/channels/${target.channelId}/files/${fileId}` };
	}
	return { path: `${filesPath(target)}/${fileId}` };
}

/**
 * Veeam documents Teams restores over REST from v6 on; the v5 `…/Action` keys are only known from
 * third-party code, so v2–v5 are refused rather than guessed.
 */
function needsV6(version: ApiVersion, what: string): void {
	if (usesActionEndpoints(version)) {
		throw new NeedsNewerApiError(`${what} needs VB365 REST API v6 or later`);
	}
}

/** Teams of the session; `displayName` is filtered by the server. */
export function buildTeamsRequest(
	version: ApiVersion,
	restoreSessionId: string,
	displayName?: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Listing teams');
	return { path: teamsPath(restoreSessionId), qs: displayName ? { displayName } : {} };
}

export function buildChannelsRequest(
	version: ApiVersion,
	target: { restoreSessionId: string; teamId: string },
	displayName?: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Listing channels');
	return { path: `${teamPath(target)}/channels`, qs: displayName ? { displayName } : {} };
}

/** Files and folders directly in a folder of the channel, or at its top. */
export function buildBrowseRequest(
	version: ApiVersion,
	target: ChannelTarget,
	parentId?: string,
	foldersOnly = false,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Browsing Teams files');
	// Without parentId the server lists every file at every depth; "root" is the channel's top.
	// [inference] the specs call "root" the channels' root folders: a real server may answer the
	// channel's own folder there, which the Folder path then starts with.
	const qs: IDataObject = { channelId: target.channelId, parentId: parentId ?? 'root' };
	// v6 has no foldersOnly; the caller keeps the folders itself.
	if (foldersOnly && versionNumber(version) >= 7) qs.foldersOnly = true;
	return { path: filesPath(target), qs };
}

export function buildFileRequest(
	version: ApiVersion,
	target: ChannelTarget,
	fileId: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Reading a Teams file');
	const { path } = oneFilePath(version, target, fileId);
	return { path, qs: versionNumber(version) >= 8 ? {} : { channelId: target.channelId } };
}

/**
 * `files/search` in the channel (or one folder of it). v6 cannot restrict a search to a channel,
 * so its results could come from any channel of the team: refused.
 */
export function buildSearchRequest(
	version: ApiVersion,
	target: ChannelTarget,
	query: string,
	parentId?: string,
): ApiPath & { qs: IDataObject } {
	if (versionNumber(version) < 7) {
		throw new NeedsNewerApiError(
			'Searching the files of one Teams channel needs VB365 REST API v7 or later (v6 searches the whole team); on v6 use Get Many to list the channel',
		);
	}
	const qs: IDataObject = { channelId: target.channelId };
	if (parentId !== undefined) qs.parentId = parentId;
	return { path: `${filesPath(target)}/search`, qs, body: { query } };
}

/**
 * The `files` of a request on several: RESTTeamsFile objects, sent back as the server listed
 * them without their links; `{id}` where no listing is at hand. v7 added `channelId` to the
 * object and v8 requires it, so from v7 on each file carries the channel.
 */
function fileRefs(
	version: ApiVersion,
	target: ChannelTarget,
	ids: string[],
	listed?: IDataObject[],
): IDataObject[] {
	const withChannel = versionNumber(version) >= 7;
	return ids.map((id) => {
		const found = listed?.find((file) => String(file.id) === id);
		const { _links: links, _actions: actions, ...fields } = found ?? { id };
		void links;
		void actions;
		if (withChannel) return { ...fields, channelId: fields.channelId ?? target.channelId };
		delete fields.channelId;
		return fields;
	});
}

/** One file (not a folder) goes to its own `…/save` or `…/send`; anything else to `files/…`. */
function singleFileId(selection: {
	fileIds: string[];
	listed?: IDataObject[];
}): string | undefined {
	if (selection.fileIds.length !== 1) return undefined;
	const [id] = selection.fileIds;
	const listed = selection.listed?.find((file) => String(file.id) === id);
	return listed?.fileType === 'Folder' ? undefined : id;
}

function messageFields(message: MailMessage): IDataObject {
	const fields: IDataObject = {};
	for (const key of ['from', 'to', 'subject', 'text'] as const) {
		const value = message[key];
		if (value !== undefined && value !== '') fields[key] = value;
	}
	return fields;
}

/**
 * Save. One file: `…/save {asZip: false}`, answered with the raw file. Several files, or
 * folders: `files/save {files}`; the whole channel:
 * `files/save {channelId}`; both answered with a ZIP.
 */
export function buildSaveRequest(
	version: ApiVersion,
	target: ChannelTarget,
	selection: TeamsFileSelection,
): ApiPath & { inArchive: boolean } {
	needsV6(version, 'Saving Teams files');
	if (selection.kind === 'channel') {
		return {
			path: `${filesPath(target)}/save`,
			body: { channelId: target.channelId },
			inArchive: true,
		};
	}
	const { fileIds, listed } = selection;
	const single = singleFileId(selection);
	if (single !== undefined) {
		const { path } = oneFilePath(version, target, single);
		return { path: `${path}/save`, body: { asZip: false }, inArchive: false };
	}
	return {
		path: `${filesPath(target)}/save`,
		body: { files: fileRefs(version, target, fileIds, listed) },
		inArchive: true,
	};
}

/** Send: the same targets as Save, with `{from,to,subject,text}`. */
export function buildSendRequest(
	version: ApiVersion,
	target: ChannelTarget,
	selection: TeamsFileSelection,
	message: MailMessage,
): ApiPath {
	needsV6(version, 'Sending Teams files');
	const fields = messageFields(message);
	if (selection.kind === 'channel') {
		return { path: `${filesPath(target)}/send`, body: { channelId: target.channelId, ...fields } };
	}
	const { fileIds, listed } = selection;
	const single = singleFileId(selection);
	if (single !== undefined) {
		const { path } = oneFilePath(version, target, single);
		return { path: `${path}/send`, body: fields };
	}
	return {
		path: `${filesPath(target)}/send`,
		body: { files: fileRefs(version, target, fileIds, listed), ...fields },
	};
}
