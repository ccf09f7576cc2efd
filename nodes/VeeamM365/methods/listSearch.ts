import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listOrganizationsPage } from '../api/organizations';
import { isRunningSessionOf, listRestoreSessionsPage } from '../api/restoreSessions';
import { listListsPage, listSitesPage, siteItemsPage } from '../api/sharePoint';
import { itemNumberOf } from '../helpers/sharePointUrl';
import { browsingSession } from '../restore/browsingSession';
import { resolveSiteId } from '../restore/sharePointTarget';

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

/** The entries to show, and where the next page starts: after every result read, shown or not. */
function pageResult(
	entries: Array<{ name: string; value: string; url?: string }>,
	offset: number,
	hasMore: boolean,
	read: number,
): INodeListSearchResult {
	return {
		results: entries,
		paginationToken: hasMore ? String(offset + read) : undefined,
	};
}

/** Reads a pick-list in the session the editor browses in (see `browsingSession`). */
async function inBrowsingSession(
	this: ILoadOptionsFunctions,
	read: (restoreSessionId: string) => Promise<INodeListSearchResult>,
): Promise<INodeListSearchResult> {
	return await read((await browsingSession.call(this, 'Vesp')).id);
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const page = await listOrganizationsPage.call(this, offset, PAGE_SIZE);
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
	const page = await listRestoreSessionsPage.call(this, offset, PAGE_SIZE);
	const entries = page.results
		.filter((session) => isRunningSessionOf(session, 'Vesp'))
		.filter((session) => matches(filter, session.name, session.organization, session.id))
		.map((session) => ({
			name: `${String(session.organization ?? session.name ?? 'SharePoint')} — started ${String(session.creationTime ?? '')}`,
			value: String(session.id),
		}));
	return pageResult(entries, offset, page.hasMore, page.results.length);
}

type PageReader = (
	restoreSessionId: string,
	offset: number,
	limit: number,
) => Promise<{ results: IDataObject[]; hasMore: boolean }>;

/** A SharePoint collection in the browsing session, filtered by name or URL. */
async function searchCollection(
	this: ILoadOptionsFunctions,
	readPage: PageReader,
	label: (entry: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	return await inBrowsingSession.call(this, async (restoreSessionId) => {
		const page = await readPage(restoreSessionId, offset, PAGE_SIZE);
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
		async (restoreSessionId, offset, limit) =>
			await listSitesPage.call(this, { restoreSessionId }, offset, limit),
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
		async (restoreSessionId, offset, limit) =>
			await listListsPage.call(
				this,
				{ restoreSessionId },
				await resolveSiteId.call(this, restoreSessionId),
				offset,
				limit,
			),
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
		const page = await siteItemsPage.call(
			this,
			{ restoreSessionId },
			siteId,
			filter || undefined,
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

export { searchExchangeSessions, searchFolders, searchMailboxes } from './exchangeListSearch';
export { searchOneDrives, searchOneDriveSessions } from './oneDriveListSearch';
export { searchChannels, searchTeams, searchTeamsSessions } from './teamsListSearch';
export {
	searchSiteDocumentsList,
	searchSiteFolders,
	searchSiteLibraries,
} from './sharePointDocumentListSearch';
