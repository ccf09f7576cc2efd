import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { ChannelTarget, TeamsFileSelection } from '../api/teams';
import { findChannelByName, findTeamByName, getTeamsFile, listChannelFiles } from '../api/teams';
import { parseList } from '../helpers/attachmentSelection';
import { runInParallel } from '../helpers/parallel';
import type { Context } from '../transport';
import { parameterError, readLocator, readParameter } from './locators';
import { pointInTimeProblem } from './pointInTime';
import type { RestoreSessionScope, SessionInUse } from './sessionScope';

/** File and folder IDs are GUIDs in Veeam's specs (format uuid). */
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Team IDs have no format in the specs (Microsoft's are GUIDs) and channel IDs are Microsoft's
 * ("19:…@thread.tacv2"); this keeps path characters and typos out of URLs.
 */
const TEAMS_ID = /^[A-Za-z0-9._~:@-]{1,256}$/;

export type TeamsTargetInSession = ChannelTarget & {
	pointInTime?: string;
	teamName?: string;
	channelName?: string;
};

type SessionTeam = { restoreSessionId: string; teamId: string };

function listedName(found: IDataObject): string | undefined {
	return typeof found.displayName === 'string' ? found.displayName : undefined;
}

/** The name the editor showed for a pick-list choice. */
function cachedName(locator: INodeParameterResourceLocator): string | undefined {
	const name = locator.mode === 'list' ? locator.cachedResultName : undefined;
	return typeof name === 'string' && name !== '' ? name : undefined;
}

/** A locator in ID or list mode: the ID as given, checked. */
function idFromLocator(ctx: Context, name: string, what: string, fix: string, itemIndex?: number) {
	const id = String(readLocator.call(ctx, name, itemIndex).value ?? '').trim();
	if (!TEAMS_ID.test(id)) {
		throw parameterError(
			ctx,
			name,
			id === '' ? `No ${what} given` : `"${id.slice(0, 60)}" is not a VB365 ${what} ID`,
			fix,
			itemIndex,
		);
	}
	return id;
}

/** The Team parameter: from the list, by its name, or by ID. */
export async function resolveTeam(
	this: Context,
	session: SessionInUse,
	itemIndex?: number,
): Promise<SessionTeam & { teamName?: string }> {
	const locator = readLocator.call(this, 'teamId', itemIndex);
	const fix =
		'Pick the team from the list, type its name (By Name), or use the "teamId" a Get Many returned.';
	if (locator.mode !== 'name') {
		return {
			restoreSessionId: session.id,
			teamId: idFromLocator(this, 'teamId', 'team', fix, itemIndex),
			teamName: cachedName(locator),
		};
	}
	const name = String(locator.value ?? '').trim();
	if (name === '') throw parameterError(this, 'teamId', 'No team given', fix, itemIndex);
	const { found, similar } = await findTeamByName.call(this, session.id, name, { itemIndex });
	if (!found) {
		throw (
			(await pointInTimeProblem(this, session, itemIndex)) ??
			parameterError(
				this,
				'teamId',
				`No team named "${name}" is in the backup`,
				similar.length > 0
					? `Teams whose names contain it: ${similar.slice(0, 10).join(', ')}. Give the whole name, or pick the team from the list.`
					: 'Check the name as Teams shows it, or pick the team from the list. A team created after the restore point is not in it.',
				itemIndex,
			)
		);
	}
	return { restoreSessionId: session.id, teamId: String(found.id), teamName: listedName(found) };
}

/** The Channel parameter of a team: from the list, by its name, or by ID. */
export async function resolveChannel(
	this: Context,
	team: SessionTeam,
	itemIndex?: number,
): Promise<{ channelId: string; channelName?: string }> {
	const locator = readLocator.call(this, 'channelId', itemIndex);
	const fix =
		'Pick the channel from the list, type its name (By Name, e.g. General), or use the "channelId" a Get Many returned.';
	if (locator.mode !== 'name') {
		return {
			channelId: idFromLocator(this, 'channelId', 'channel', fix, itemIndex),
			channelName: cachedName(locator),
		};
	}
	const name = String(locator.value ?? '').trim();
	if (name === '') throw parameterError(this, 'channelId', 'No channel given', fix, itemIndex);
	const { found, similar } = await findChannelByName.call(this, team, name, { itemIndex });
	if (!found) {
		throw parameterError(
			this,
			'channelId',
			`The team has no channel named "${name}" in the backup`,
			similar.length > 0
				? `Channels whose names contain it: ${similar.slice(0, 10).join(', ')}. Give the whole name, or pick the channel from the list.`
				: 'Check the name as Teams shows it, or pick the channel from the list.',
			itemIndex,
		);
	}
	return { channelId: String(found.id), channelName: listedName(found) };
}

/** The Teams session, team and channel an operation works in, from the node's parameters. */
export async function getTeamsChannelTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<TeamsTargetInSession> {
	const session = await scope.sessionFor(itemIndex, 'Vet');
	const team = await resolveTeam.call(this, session, itemIndex);
	const channel = await resolveChannel.call(this, team, itemIndex);
	return { ...team, ...channel, pointInTime: session.pointInTime };
}

function fileId(ctx: Context, name: string, value: string, itemIndex?: number): string {
	if (!FILE_ID.test(value)) {
		const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
		throw parameterError(
			ctx,
			name,
			`"${shown}" is not a VB365 Teams ${name === 'teamsFolderId' ? 'folder' : 'file'} ID`,
			name === 'teamsFolderId'
				? 'Give the folder by its path in the channel, e.g. Specs/Drafts, or use the "id" of a folder that Get Many lists.'
				: 'Use the "id" of a file as Search or Get Many return it, e.g. {{ $json.id }}.',
			itemIndex,
		);
	}
	return value;
}

/** The Folder parameter: a path from the top of the channel's files, or a folder ID. */
export async function resolveTeamsFolder(
	this: Context,
	target: ChannelTarget,
	itemIndex: number | undefined,
	optional: boolean,
): Promise<string | undefined> {
	const locator = readLocator.call(this, 'teamsFolderId', itemIndex);
	const value = String(locator.value ?? '').trim();
	if (value === '' || (locator.mode === 'path' && value.replace(/\//g, '').trim() === '')) {
		if (optional) return undefined;
		throw parameterError(
			this,
			'teamsFolderId',
			'No folder given',
			'Give the folder by its path in the channel, e.g. Specs/Drafts, or by its ID.',
			itemIndex,
		);
	}
	if (locator.mode !== 'path') return fileId(this, 'teamsFolderId', value, itemIndex);
	let parentId: string | undefined;
	let walked = '';
	for (const name of value.split('/').map((part) => part.trim())) {
		if (name === '') continue;
		const folders = await listChannelFiles.call(
			this,
			target,
			parentId,
			{ itemIndex },
			{
				foldersOnly: true,
			},
		);
		const folder = folders.find(
			(candidate) => String(candidate.name ?? '').toLowerCase() === name.toLowerCase(),
		);
		if (!folder) {
			const where = walked === '' ? 'the top of the channel files' : `"${walked}"`;
			const there = folders.map((candidate) => String(candidate.name)).join(', ') || 'none';
			throw parameterError(
				this,
				'teamsFolderId',
				`There is no folder "${name}" in ${where}`,
				`The folders there are: ${there}. Folder paths start at the top of the channel's files, e.g. Specs/Drafts.`,
				itemIndex,
			);
		}
		parentId = String(folder.id);
		walked = walked === '' ? String(folder.name) : `${walked}/${String(folder.name)}`;
	}
	return parentId;
}

/** What Save and Send work on: files (or folders) by ID, one folder by path, or the channel. */
export async function readTeamsFileSelection(
	this: IExecuteFunctions,
	target: ChannelTarget,
	itemIndex: number,
): Promise<TeamsFileSelection> {
	const what = readParameter(this, 'saveWhat', itemIndex, 'files');
	if (what === 'channel') return { kind: 'channel' };
	if (what === 'folder') {
		const folderId = await resolveTeamsFolder.call(this, target, itemIndex, false);
		return { kind: 'files', fileIds: [folderId as string] };
	}
	const ids = [...new Set(parseList(this.getNodeParameter('teamsFileIds', itemIndex, '')))];
	if (ids.length === 0) {
		throw parameterError(
			this,
			'teamsFileIds',
			'No file given',
			'Map the "id" of the files a Search or Get Many returned, e.g. {{ $json.id }}, or paste IDs separated by commas.',
			itemIndex,
		);
	}
	return { kind: 'files', fileIds: ids.map((id) => fileId(this, 'teamsFileIds', id, itemIndex)) };
}

/** Files whose details are read at the same time. */
const LISTING_PARALLEL = 4;

/** Reads each chosen file as VB365 lists it: name, size and whether it is a folder. */
export async function withListedFiles(
	this: IExecuteFunctions,
	target: ChannelTarget,
	selection: TeamsFileSelection,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<TeamsFileSelection> {
	if (selection.kind === 'channel') return selection;
	const ids = selection.fileIds;
	const listed = await runInParallel(ids.length, LISTING_PARALLEL, async (index) => ({
		...(await getTeamsFile.call(this, target, ids[index], settings)),
		id: ids[index],
	}));
	return { ...selection, listed };
}

/** Whether the selection holds a folder (or the channel): its archive lists files not listed. */
export function holdsFolders(selection: TeamsFileSelection): boolean {
	return (
		selection.kind === 'channel' ||
		(selection.listed ?? []).some((file) => file.fileType === 'Folder')
	);
}
