import type { IDataObject } from 'n8n-workflow';

import type { DocumentSelection } from '../../api/oneDrive';
import type { OneDriveTargetInSession } from '../../restore/oneDriveTarget';

/** Where the documents came from, for the output and for the next node (e.g. Save). */
export function oneDriveContext(target: OneDriveTargetInSession): IDataObject {
	const context: IDataObject = {
		restoreSessionId: target.restoreSessionId,
		oneDriveId: target.oneDriveId,
	};
	if (target.ownerEmail) context.ownerEmail = target.ownerEmail;
	if (target.pointInTime) context.pointInTime = target.pointInTime;
	return context;
}

/** A document or folder as the API lists it, without its HAL links, plus where it came from. */
export function documentJson(item: IDataObject, target: OneDriveTargetInSession): IDataObject {
	const { _links: links, _actions: actions, ...fields } = item;
	void links;
	void actions;
	return { ...fields, ...oneDriveContext(target) };
}

/** One sentence for a ticket comment. */
export function documentSummary(
	verb: 'Restored' | 'Sent',
	what: string,
	target: OneDriveTargetInSession,
	extra: { to?: string; fileNames?: string[] } = {},
): string {
	const owner = target.ownerEmail ? ` from the OneDrive of ${target.ownerEmail}` : '';
	const to = extra.to ? ` to ${extra.to}` : '';
	const when =
		target.pointInTime === undefined
			? ''
			: target.pointInTime === 'latest'
				? ' as of the latest backup'
				: ` as of ${target.pointInTime}`;
	const files = extra.fileNames?.length ? `: ${extra.fileNames.join(', ')}` : '';
	return `${verb} ${what}${owner}${to}${when} (restore session ${target.restoreSessionId})${files}`;
}

/** "1 document", "3 documents", "a version of 1 document", "a folder", "2 folders", "the whole OneDrive". */
export function selectionWords(selection: DocumentSelection): string {
	if (selection.kind === 'folder') return 'a folder';
	if (selection.kind === 'oneDrive') return 'the whole OneDrive';
	if (selection.kind === 'folders') {
		const count = selection.folderIds.length;
		return `${count} folder${count === 1 ? '' : 's'}`;
	}
	const count = selection.documentIds.length;
	const documents = `${count} document${count === 1 ? '' : 's'}`;
	return selection.versionId === undefined
		? documents
		: `version ${selection.versionId} of ${documents}`;
}
