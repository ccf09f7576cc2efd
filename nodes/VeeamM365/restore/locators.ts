import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertVeeamId, ID_GUIDS, InvalidIdError } from '../helpers/ids';
import type { Context } from '../transport';

/** The label each locator parameter has in the editor, for errors. */
const LABELS: Record<string, string> = {
	restoreSessionId: 'Running Session',
	organizationId: 'Organization',
	siteId: 'Site',
	listId: 'List',
	itemId: 'Item',
	pointInTime: 'Point in Time',
	mailboxId: 'Mailbox',
	folderId: 'Folder',
	mailItemIds: 'Item IDs',
	subject: 'Subject Contains',
	oneDriveId: 'OneDrive',
	documentFolderId: 'Folder',
	documentIds: 'Document IDs',
	folderIds: 'Folder IDs',
	versionId: 'Version',
	fileName: 'File Name',
	sharePointDocument: 'Document',
	sharePointFolder: 'Folder',
	sharePointLibrary: 'Library',
	teamId: 'Team',
	channelId: 'Channel',
	teamsFolderId: 'Folder',
	teamsFileIds: 'File IDs',
};

/** Locators that also take a SharePoint address. */
const URL_MODES = new Set(['siteId', 'listId', 'itemId']);

const GUIDS: Record<string, number> = {
	restoreSessionId: ID_GUIDS.restoreSession,
	organizationId: 1,
	siteId: ID_GUIDS.site,
	listId: 1,
	itemId: ID_GUIDS.item,
	mailboxId: 1,
};

export function parameterError(
	ctx: Context,
	name: string,
	message: string,
	description: string,
	itemIndex?: number,
) {
	return new NodeOperationError(ctx.getNode(), `${message} [parameter "${LABELS[name] ?? name}"]`, {
		itemIndex,
		description,
	});
}

/** Reads a node parameter in an execution (with an item) or in a pick-list (without). */
export function readParameter(
	ctx: Context,
	name: string,
	itemIndex: number | undefined,
	fallback?: unknown,
): unknown {
	return itemIndex === undefined
		? (ctx as ILoadOptionsFunctions).getNodeParameter(name, fallback)
		: (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
}

export function readLocator(
	this: Context,
	name: string,
	itemIndex?: number,
): INodeParameterResourceLocator {
	const raw =
		itemIndex === undefined
			? (this as ILoadOptionsFunctions).getNodeParameter(name, undefined, { extractValue: false })
			: (this as IExecuteFunctions).getNodeParameter(name, itemIndex, undefined, {
					extractValue: false,
				});
	if (typeof raw === 'object' && raw !== null && 'mode' in raw)
		return raw as INodeParameterResourceLocator;
	return { __rl: true, mode: 'id', value: raw as string };
}

/** The ID in an ID or list-mode locator; URL modes are resolved by the callers that allow them. */
export function locatorId(
	this: Context,
	name: string,
	itemIndex?: number,
	locator: INodeParameterResourceLocator = readLocator.call(this, name, itemIndex),
): string {
	const { value } = locator;
	try {
		return assertVeeamId(value, GUIDS[name], `${LABELS[name]} ID`);
	} catch (error) {
		if (URL_MODES.has(name) && /^\s*https?:\/\//i.test(String(value ?? ''))) {
			throw parameterError(
				this,
				name,
				`"${String(value).trim()}" is an address, not a VB365 ID`,
				`Switch ${LABELS[name]} to "By URL" (next to the field) to use a SharePoint address, or pick it from the list.`,
				itemIndex,
			);
		}
		const reason = error instanceof InvalidIdError ? error.message : String(error);
		throw parameterError(
			this,
			name,
			reason,
			`Pick the ${LABELS[name].toLowerCase()} from the list, or give the ID VB365 returns for it.`,
			itemIndex,
		);
	}
}
