import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listOneDrivesPage } from '../api/oneDrive';
import { browsingSession } from '../restore/browsingSession';
import { contains, PAGE_SIZE, runningSessionsList } from './sessionLists';

export async function searchOneDriveSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runningSessionsList(this, 'Veod', 'OneDrive', filter, paginationToken);
}

/** OneDrives of the browsing session, matched by owner name or address. */
export async function searchOneDrives(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const session = await browsingSession.call(this, 'Veod');
	const page = await listOneDrivesPage.call(this, session.id, offset, PAGE_SIZE);
	return {
		results: page.results
			.filter((oneDrive) => contains(filter, oneDrive.name, oneDrive.url))
			.map((oneDrive) => ({
				name: String(oneDrive.name ?? oneDrive.id),
				value: String(oneDrive.id),
				url: typeof oneDrive.url === 'string' ? oneDrive.url : undefined,
			})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
}
