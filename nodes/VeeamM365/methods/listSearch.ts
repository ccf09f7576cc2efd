import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { versionNumber } from '../helpers/apiVersion';
import { itemNumberOf } from '../helpers/sharePointUrl';
import {
	locatorId,
	readExploreOptions,
	resolveSiteId,
	startRestoreSession,
	stopRestoreSession,
} from '../actions/restoreScope';
import { getApiContext, veeamApiRequestPage } from '../transport';

const PAGE_SIZE = 100;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(needle),
	);
}

function pageResult(
	entries: Array<{ name: string; value: string; url?: string }>,
	offset: number,
	hasMore: boolean,
	filtered: number,
): INodeListSearchResult {
	return {
		results: entries,
		paginationToken: hasMore ? String(offset + filtered) : undefined,
	};
}

/**
 * The session to browse in: the chosen one, or in "start and stop" mode a short-lived session
 * that is stopped again as soon as the list is read.
 */
async function inBrowsingSession(
	this: ILoadOptionsFunctions,
	read: (restoreSessionId: string) => Promise<INodeListSearchResult>,
): Promise<INodeListSearchResult> {
	const mode = this.getNodeParameter('restoreSessionMode', 'existing') as string;
	if (mode !== 'startAndStop') return await read(locatorId.call(this, 'restoreSessionId'));
	const organizationId = locatorId.call(this, 'organizationId');
	const session = await startRestoreSession.call(
		this,
		organizationId,
		readExploreOptions.call(this),
	);
	try {
		return await read(String(session.id));
	} finally {
		await stopRestoreSession.call(this, String(session.id));
	}
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const { version } = await getApiContext.call(this);
	const qs: IDataObject = versionNumber(version) === 6 ? { extendedView: false } : {};
	const page = await veeamApiRequestPage.call(
		this,
		{ path: '/Organizations', qs, action: 'list the organizations' },
		offset,
		PAGE_SIZE,
	);
	const entries = page.results
		.filter((org) => matches(filter, org.name, org.officeName))
		.map((org) => ({ name: String(org.name ?? org.id), value: String(org.id) }));
	return pageResult(entries, offset, page.hasMore, page.results.length);
}

export async function searchRestoreSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const page = await veeamApiRequestPage.call(
		this,
		{ path: '/RestoreSessions', action: 'list the restore sessions' },
		offset,
		PAGE_SIZE,
	);
	const entries = page.results
		.filter((session) => String(session.type).toLowerCase() === 'vesp')
		.filter((session) => String(session.state).toLowerCase() === 'working')
		.filter((session) => matches(filter, session.name, session.organization, session.id))
		.map((session) => ({
			name: `${String(session.organization ?? session.name ?? 'SharePoint')} — started ${String(session.creationTime ?? '')}`,
			value: String(session.id),
		}));
	return pageResult(entries, offset, page.hasMore, page.results.length);
}

/** A SharePoint collection in the browsing session, filtered by name or URL. */
async function searchCollection(
	this: ILoadOptionsFunctions,
	collection: (restoreSessionId: string) => Promise<{ path: string; action: string }>,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	return await inBrowsingSession.call(this, async (restoreSessionId) => {
		const page = await veeamApiRequestPage.call(
			this,
			await collection(restoreSessionId),
			offset,
			PAGE_SIZE,
		);
		const entries = page.results
			.filter((entry) => matches(filter, entry.name, entry.url))
			.map((entry) => ({
				name: label(entry),
				value: String(entry.id),
				url: typeof entry.url === 'string' ? entry.url : undefined,
			}));
		return pageResult(entries, offset, page.hasMore, page.results.length);
	});
}

export async function searchSites(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchCollection.call(
		this,
		async (restoreSessionId) => ({
			path: `/RestoreSessions/${restoreSessionId}/Organization/Sites`,
			action: 'list the sites',
		}),
		(site) => `${String(site.name ?? site.id)}${site.url ? ` (${String(site.url)})` : ''}`,
		filter,
		paginationToken,
	);
}

export async function searchLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchCollection.call(
		this,
		async (restoreSessionId) => ({
			path: `/RestoreSessions/${restoreSessionId}/Organization/Sites/${await resolveSiteId.call(this, restoreSessionId)}/Lists`,
			action: 'list the lists',
		}),
		(list) => String(list.name ?? list.id),
		filter,
		paginationToken,
	);
}

/** Items of the chosen site; with a filter, the server's search finds them by title. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	return await inBrowsingSession.call(this, async (restoreSessionId) => {
		const siteId = await resolveSiteId.call(this, restoreSessionId);
		const sitePath = `/RestoreSessions/${restoreSessionId}/Organization/Sites/${siteId}`;
		const page = filter
			? await veeamApiRequestPage.call(
					this,
					{
						method: 'POST',
						path: `${sitePath}/search`,
						qs: { itemType: 'Items' },
						body: { query: filter },
						action: 'search the items',
					},
					offset,
					PAGE_SIZE,
				)
			: await veeamApiRequestPage.call(
					this,
					{ path: `${sitePath}/Items`, action: 'list the items' },
					offset,
					PAGE_SIZE,
				);
		const entries = page.results
			.filter((item) => item.isFolder !== true)
			.map((item) => {
				const number = itemNumberOf(item.name);
				return {
					name: `${String(item.title || item.name || item.id)}${number !== undefined ? ` (ID ${number})` : ''}`,
					value: String(item.id),
				};
			});
		return pageResult(entries, offset, page.hasMore, page.results.length);
	});
}
