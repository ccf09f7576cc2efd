import type { IDataObject } from 'n8n-workflow';

import type { CollectionRequest, Context, Page } from '../../transport';
import { veeamApiRequestAllItems, veeamApiRequestPage } from '../../transport';

/** Where a SharePoint lookup runs: a session, and optionally the action's item index. */
export interface SharePointScope {
	restoreSessionId: string;
	itemIndex?: number;
}

const sitesPath = (scope: SharePointScope) =>
	`/RestoreSessions/${scope.restoreSessionId}/Organization/Sites`;
const sitePath = (scope: SharePointScope, siteId: string) => `${sitesPath(scope)}/${siteId}`;

function sitesRequest(scope: SharePointScope, topLevelOnly = false): CollectionRequest {
	return {
		path: sitesPath(scope),
		qs: topLevelOnly ? { parentId: 'root' } : undefined,
		action: 'list the sites',
		itemIndex: scope.itemIndex,
	};
}

function listsRequest(scope: SharePointScope, siteId: string): CollectionRequest {
	return {
		path: `${sitePath(scope, siteId)}/Lists`,
		action: 'list the lists of the site',
		itemIndex: scope.itemIndex,
	};
}

/** Items whose name or title matches `query`, in the whole site or in one list. */
function itemSearchRequest(
	scope: SharePointScope,
	siteId: string,
	query: string,
	listId?: string,
): CollectionRequest {
	const where =
		listId === undefined ? sitePath(scope, siteId) : `${sitePath(scope, siteId)}/Lists/${listId}`;
	return {
		method: 'POST',
		path: `${where}/search`,
		qs: { itemType: 'Items' },
		body: { query },
		action: listId === undefined ? 'search the items' : 'search the list',
		itemIndex: scope.itemIndex,
	};
}

export async function listSites(
	this: Context,
	scope: SharePointScope,
	options: { topLevelOnly?: boolean; limit?: number } = {},
): Promise<IDataObject[]> {
	return await veeamApiRequestAllItems.call(
		this,
		sitesRequest(scope, options.topLevelOnly),
		options.limit,
	);
}

export async function listSitesPage(
	this: Context,
	scope: SharePointScope,
	offset: number,
	limit: number,
): Promise<Page> {
	return await veeamApiRequestPage.call(this, sitesRequest(scope), offset, limit);
}

export async function listLists(
	this: Context,
	scope: SharePointScope,
	siteId: string,
): Promise<IDataObject[]> {
	return await veeamApiRequestAllItems.call(this, listsRequest(scope, siteId));
}

export async function listListsPage(
	this: Context,
	scope: SharePointScope,
	siteId: string,
	offset: number,
	limit: number,
): Promise<Page> {
	return await veeamApiRequestPage.call(this, listsRequest(scope, siteId), offset, limit);
}

export async function searchListItems(
	this: Context,
	scope: SharePointScope,
	siteId: string,
	listId: string,
	query: string,
	options: { limit?: number; action?: string } = {},
): Promise<IDataObject[]> {
	const request = itemSearchRequest(scope, siteId, query, listId);
	if (options.action) request.action = options.action;
	return await veeamApiRequestAllItems.call(this, request, options.limit);
}

/** A page of the site's items, or with a query, of the items the server's search finds. */
export async function siteItemsPage(
	this: Context,
	scope: SharePointScope,
	siteId: string,
	query: string | undefined,
	offset: number,
	limit: number,
): Promise<Page> {
	const request: CollectionRequest = query
		? itemSearchRequest(scope, siteId, query)
		: { path: `${sitePath(scope, siteId)}/Items`, action: 'list the items' };
	return await veeamApiRequestPage.call(this, request, offset, limit);
}
