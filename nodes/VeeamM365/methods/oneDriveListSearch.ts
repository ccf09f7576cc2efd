import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listOneDrivesPage } from '../api/oneDrive';
import { isRunningSessionOf, listRestoreSessionsPage } from '../api/restoreSessions';
import { browsingSession } from '../restore/browsingSession';

const PAGE_SIZE = 100;

const contains = (filter: string | undefined, ...texts: unknown[]) =>
	!filter ||
	texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(filter.toLowerCase()),
	);

export async function searchOneDriveSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const page = await listRestoreSessionsPage.call(this, offset, PAGE_SIZE);
	return {
		results: page.results
			.filter((session) => isRunningSessionOf(session, 'Veod'))
			.filter((session) => contains(filter, session.name, session.organization, session.id))
			.map((session) => ({
				name: `${String(session.organization ?? session.name ?? 'OneDrive')} — started ${String(session.creationTime ?? '')}`,
				value: String(session.id),
			})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
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
