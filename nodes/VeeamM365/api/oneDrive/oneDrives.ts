import type { IDataObject } from 'n8n-workflow';

import type { Context, Page } from '../../transport';
import {
	veeamApiRequest,
	veeamApiRequestAllItems,
	veeamApiRequestPage,
	veeamApiSearchAll,
} from '../../transport';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import type { OneDriveTarget } from './oneDriveRequests';
import {
	buildBrowseRequest,
	buildDocumentRequest,
	buildFolderRequest,
	buildOneDrivesRequest,
	buildSearchRequest,
} from './oneDriveRequests';

/** Page size when walking OneDrives; the API allows up to 10,000. */
const PAGE_SIZE = 1000;

const SESSION_HINTS = {
	400: 'Check the Running Session: it must be a running OneDrive (Veod) restore session. Choose one, or let the node start and stop its own.',
	404: 'Check the Running Session and OneDrive: the session may have been stopped, or the OneDrive is not in this backup.',
};

export async function listOneDrivesPage(
	this: Context,
	restoreSessionId: string,
	offset: number,
	limit: number,
	settings: LookupSettings = {},
): Promise<Page> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildOneDrivesRequest(version, restoreSessionId),
	);
	return await veeamApiRequestPage.call(
		this,
		{
			...settings,
			path: request.path,
			action: 'list the OneDrives',
			hints: SESSION_HINTS,
		},
		offset,
		limit,
	);
}

/**
 * The personal-site segment SharePoint makes from a sign-in address: every character other than
 * a letter or digit becomes "_" (anna.meier@contoso.com → anna_meier_contoso_com).
 */
export function personalSiteSegment(email: string): string {
	return email
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '_');
}

/** Whether a listed OneDrive belongs to this address (its URL ends in /personal/<segment>). */
export function isOneDriveOf(oneDrive: IDataObject, email: string): boolean {
	const wanted = personalSiteSegment(email);
	const url = String(oneDrive.url ?? '')
		.toLowerCase()
		.replace(/\/+$/, '');
	return (
		url.endsWith(`/personal/${wanted}`) ||
		String(oneDrive.name ?? '').toLowerCase() === email.trim().toLowerCase()
	);
}

/** The OneDrive of this address; the API has no filter, so the pages are read until it shows. */
export async function findOneDriveByEmail(
	this: Context,
	restoreSessionId: string,
	email: string,
	settings: LookupSettings = {},
): Promise<IDataObject | undefined> {
	for (let offset = 0; ; ) {
		const page = await listOneDrivesPage.call(this, restoreSessionId, offset, PAGE_SIZE, settings);
		const found = page.results.find((oneDrive) => isOneDriveOf(oneDrive, email));
		if (found) return found;
		if (!page.hasMore) return undefined;
		offset += page.results.length;
	}
}

/** One folder, as the API lists it: name and times, which requests on several folders need. */
export async function getFolder(
	this: Context,
	target: OneDriveTarget,
	folderId: string,
	settings: LookupSettings = {},
): Promise<IDataObject> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildFolderRequest(version, target, folderId),
	);
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		...settings,
		...request,
		action: 'read the folder',
		hints: {
			404: 'Check the Folder IDs: each must be a folder of the chosen OneDrive in this restore session (use the "id" of a folder Get Many lists).',
		},
	})) as IDataObject;
}

/** One document (or one version of it), as the API lists it: name, sizeBytes, times. */
export async function getDocument(
	this: Context,
	target: OneDriveTarget,
	documentId: string,
	versionId: string | undefined,
	settings: LookupSettings = {},
): Promise<IDataObject> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildDocumentRequest(version, target, documentId, versionId),
	);
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		...settings,
		...request,
		action: versionId === undefined ? 'read the document' : 'read the document version',
		hints: {
			404:
				versionId === undefined
					? 'Check the Document IDs: each must be a document of the chosen OneDrive in this restore session (use the "id" Search or Get Many return).'
					: 'Check the Version: use a "versionId" of the document as VB365 lists it, or leave Version empty for the latest.',
		},
	})) as IDataObject;
}

/** The documents, or the folders, directly inside a folder (or at the top of the OneDrive). */
export async function listFolderContent(
	this: Context,
	target: OneDriveTarget,
	what: 'Documents' | 'Folders',
	folderId: string | undefined,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildBrowseRequest(version, target, what, folderId),
	);
	return await veeamApiRequestAllItems.call(
		this,
		{
			...settings,
			...request,
			action: what === 'Documents' ? 'list the documents' : 'list the folders',
			hints: {
				...SESSION_HINTS,
				404: 'Check the OneDrive and Folder: the folder must belong to the chosen OneDrive.',
			},
		},
		limit,
	);
}

/** Every page of a search, passing the first answer's `setId` on so the server reuses its set. */
export async function searchDocuments(
	this: Context,
	target: OneDriveTarget,
	query: string,
	folderId: string | undefined,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSearchRequest(version, target, query, folderId),
	);
	return await veeamApiSearchAll.call(
		this,
		{
			...settings,
			...request,
			action: 'search the OneDrive',
			hints: {
				...SESSION_HINTS,
				400: 'Check the search: VB365 takes criteria:value terms such as filename:"Budget*.xlsx" (see "Raw Query").',
			},
		},
		limit,
	);
}
