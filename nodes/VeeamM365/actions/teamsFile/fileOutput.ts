import type { IDataObject } from 'n8n-workflow';

import type { TeamsFileSelection } from '../../api/teams';
import type { TeamsTargetInSession } from '../../restore/teamsTarget';

/** Where the files came from, for the output and for the next node (e.g. Save). */
export function teamsContext(target: TeamsTargetInSession): IDataObject {
	const context: IDataObject = {
		restoreSessionId: target.restoreSessionId,
		teamId: target.teamId,
		channelId: target.channelId,
	};
	if (target.teamName) context.teamName = target.teamName;
	if (target.channelName) context.channelName = target.channelName;
	if (target.pointInTime) context.pointInTime = target.pointInTime;
	return context;
}

/** A file or folder as the API lists it, without its HAL links, plus where it came from. */
export function teamsFileJson(item: IDataObject, target: TeamsTargetInSession): IDataObject {
	const { _links: links, _actions: actions, ...fields } = item;
	void links;
	void actions;
	return { ...fields, isFolder: fields.fileType === 'Folder', ...teamsContext(target) };
}

/** "1 file", "3 files", "a folder", "the files of the channel". */
export function teamsSelectionWords(selection: TeamsFileSelection): string {
	if (selection.kind === 'channel') return 'the files of the channel';
	const folders = (selection.listed ?? []).filter((file) => file.fileType === 'Folder').length;
	const count = selection.fileIds.length;
	if (folders === count) return count === 1 ? 'a folder' : `${count} folders`;
	return `${count} file${count === 1 ? '' : 's'}`;
}

/** One sentence for a ticket comment. */
export function teamsSummary(
	verb: 'Restored' | 'Sent',
	what: string,
	target: TeamsTargetInSession,
	extra: { to?: string; fileNames?: string[] } = {},
): string {
	const team = target.teamName ? `"${target.teamName}"` : target.teamId;
	const channel = target.channelName ? `"${target.channelName}"` : target.channelId;
	const to = extra.to ? ` to ${extra.to}` : '';
	const when =
		target.pointInTime === undefined
			? ''
			: target.pointInTime === 'latest'
				? ' as of the latest backup'
				: ` as of ${target.pointInTime}`;
	const files = extra.fileNames?.length ? `: ${extra.fileNames.join(', ')}` : '';
	return `${verb} ${what} from channel ${channel} of team ${team}${to}${when} (restore session ${target.restoreSessionId})${files}`;
}
