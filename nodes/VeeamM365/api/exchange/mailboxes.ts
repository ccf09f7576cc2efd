import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Context, Page } from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import {
	getApiContext,
	veeamApiRequest,
	veeamApiRequestAllItems,
	veeamApiRequestPage,
	veeamApiSearchAll,
} from '../../transport';
import type { MailboxTarget } from './mailboxRequests';
import {
	buildItemsRequest,
	buildSearchRequest,
	mailboxesPath,
	mailboxPath,
	NeedsNewerApiError,
} from './mailboxRequests';

export interface LookupSettings {
	itemIndex?: number;
	retries?: number;
	timeoutMs?: number;
}

/** Page size when walking mailboxes and search results; the API allows up to 10,000. */
const PAGE_SIZE = 1000;

const SESSION_HINTS = {
	400: 'Check the Running Session: it must be a running Exchange (Vex) restore session. Choose one, or let the node start and stop its own.',
	404: 'Check the Running Session and Mailbox: the session may have been stopped, or the mailbox is not in this backup.',
};

/** The request for the credential's version; one without a documented shape becomes the node's error. */
export async function requestShapeFor<T>(
	ctx: Context,
	itemIndex: number | undefined,
	build: (version: ApiVersion) => T,
): Promise<{ request: T; version: ApiVersion }> {
	const { version } = await getApiContext.call(ctx, itemIndex);
	try {
		return { request: build(version), version };
	} catch (error) {
		if (!(error instanceof NeedsNewerApiError)) {
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
		throw new NodeOperationError(
			ctx.getNode(),
			`${error.message}; the credential uses ${version}`,
			{
				itemIndex,
				description:
					'Set "API Version" in the credential to v6 or later (VB365 version 6 and later serve it).',
			},
		);
	}
}

export async function listMailboxesPage(
	this: Context,
	restoreSessionId: string,
	offset: number,
	limit: number,
	settings: LookupSettings = {},
): Promise<Page> {
	return await veeamApiRequestPage.call(
		this,
		{
			...settings,
			path: mailboxesPath(restoreSessionId),
			action: 'list the mailboxes',
			hints: SESSION_HINTS,
		},
		offset,
		limit,
	);
}

/** The mailbox with this address; the API has no filter, so the pages are read until it shows. */
export async function findMailboxByEmail(
	this: Context,
	restoreSessionId: string,
	email: string,
	settings: LookupSettings = {},
): Promise<IDataObject | undefined> {
	const wanted = email.trim().toLowerCase();
	for (let offset = 0; ; ) {
		const page = await listMailboxesPage.call(this, restoreSessionId, offset, PAGE_SIZE, settings);
		const found = page.results.find(
			(mailbox) => String(mailbox.email ?? '').toLowerCase() === wanted,
		);
		if (found) return found;
		if (!page.hasMore) return undefined;
		offset += page.results.length;
	}
}

export async function getMailbox(
	this: Context,
	target: MailboxTarget,
	settings: LookupSettings = {},
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		...settings,
		path: mailboxPath(target),
		action: 'read the mailbox',
		hints: SESSION_HINTS,
	})) as IDataObject;
}

export async function listFolders(
	this: Context,
	target: MailboxTarget,
	settings: LookupSettings = {},
): Promise<IDataObject[]> {
	return await veeamApiRequestAllItems.call(this, {
		...settings,
		path: `${mailboxPath(target)}/Folders`,
		action: 'list the folders of the mailbox',
		hints: SESSION_HINTS,
	});
}

export async function listMailItems(
	this: Context,
	target: MailboxTarget,
	folderId: string | undefined,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildItemsRequest(version, target, folderId),
	);
	return await veeamApiRequestAllItems.call(
		this,
		{
			...settings,
			...request,
			action: 'list the items of the folder',
			hints: {
				...SESSION_HINTS,
				404: 'Check the Mailbox and Folder: the folder must belong to the chosen mailbox.',
			},
		},
		limit,
	);
}

/**
 * Every page of a search: the first answer's `setId` is sent with the next pages, so the server
 * reuses its result set instead of searching again.
 */
export async function searchMailItems(
	this: Context,
	target: MailboxTarget,
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
			action: 'search the mailbox',
			hints: {
				...SESSION_HINTS,
				400: 'Check the search: VB365 takes criteria:value terms such as subject:NDA or from:"Contoso Legal" (see "Raw Query").',
			},
		},
		limit,
	);
}
