import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Context, StreamedResponse } from '../../transport';
import {
	veeamApiDownload,
	veeamApiRequest,
	veeamApiRequestAllItems,
	veeamApiSearchAll,
} from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import { EMAIL_SETTINGS_HINTS } from '../emailSettings';
import type { MailMessage } from '../exchange/mailboxRequests';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import type { ChannelTarget, TeamsFileSelection } from './teamsRequests';
import {
	buildBrowseRequest,
	buildFileRequest,
	buildSaveRequest,
	buildSearchRequest,
	buildSendRequest,
} from './teamsRequests';

const CHANNEL_HINTS = {
	400: 'Check the Running Session: it must be a running Teams (Vet) restore session. Choose one, or let the node start and stop its own.',
	404: 'Check the Team and Channel: the channel must belong to the team in this restore session.',
};

const SELECTION_HINT =
	'Check the File IDs: each must be a file or folder of the chosen channel in this restore session. IDs found in another channel, or in a session at another point in time, do not work here.';

/** Files and folders directly in a folder of the channel (or at its top); folders only if asked. */
export async function listChannelFiles(
	this: Context,
	target: ChannelTarget,
	parentId: string | undefined,
	settings: LookupSettings = {},
	{ limit, foldersOnly = false }: { limit?: number; foldersOnly?: boolean } = {},
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildBrowseRequest(version, target, parentId, foldersOnly),
	);
	const listed = await veeamApiRequestAllItems.call(
		this,
		{ ...settings, ...request, action: 'list the channel files', hints: CHANNEL_HINTS },
		foldersOnly ? undefined : limit,
	);
	if (!foldersOnly) return listed;
	const folders = listed.filter((file) => file.fileType === 'Folder');
	return limit === undefined ? folders : folders.slice(0, limit);
}

/** One file or folder as the API lists it: name, sizeBytes, fileType, modified. */
export async function getTeamsFile(
	this: Context,
	target: ChannelTarget,
	fileId: string,
	settings: LookupSettings = {},
): Promise<IDataObject> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildFileRequest(version, target, fileId),
	);
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		...settings,
		...request,
		action: 'read the Teams file',
		hints: { 404: SELECTION_HINT },
	})) as IDataObject;
}

export async function searchTeamsFiles(
	this: Context,
	target: ChannelTarget,
	query: string,
	parentId: string | undefined,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSearchRequest(version, target, query, parentId),
	);
	return await veeamApiSearchAll.call(
		this,
		{
			...settings,
			...request,
			action: 'search the channel files',
			hints: {
				...CHANNEL_HINTS,
				400: 'Check the search: VB365 takes criteria:value terms such as filename:"Budget*.xlsx" (see "Raw Query").',
			},
		},
		limit,
		// The specs give Teams file search no setId parameter: pages by offset only.
		{ reuseSet: false },
	);
}

export async function saveTeamsFiles(
	this: IExecuteFunctions,
	target: ChannelTarget,
	selection: TeamsFileSelection,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<{ response: StreamedResponse; inArchive: boolean; apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSaveRequest(apiVersion, target, selection),
	);
	const { inArchive, ...shape } = request;
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...shape,
		...settings,
		action: selection.kind === 'channel' ? 'save the channel files' : 'save the Teams files',
		hints: { 404: SELECTION_HINT },
	});
	return { response, inArchive, apiVersion: version };
}

/** Has VB365 email the files (or the channel's) to `message.to`. Never retried. */
export async function sendTeamsFiles(
	this: IExecuteFunctions,
	target: ChannelTarget,
	selection: TeamsFileSelection,
	message: MailMessage,
	settings: { itemIndex: number; timeoutMs?: number },
): Promise<{ apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSendRequest(apiVersion, target, selection, message),
	);
	await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: selection.kind === 'channel' ? 'send the channel files' : 'send the Teams files',
		itemIndex: settings.itemIndex,
		timeoutMs: settings.timeoutMs,
		retries: 0,
		hints: { ...EMAIL_SETTINGS_HINTS.Vet, 404: SELECTION_HINT },
	});
	return { apiVersion: version };
}
