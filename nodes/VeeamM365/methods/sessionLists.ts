import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { RestoreSessionType } from '../api/restoreSessions';
import { isRunningSessionOf, listRestoreSessionsPage } from '../api/restoreSessions';

export const PAGE_SIZE = 100;

/** Whether the filter typed in a pick-list is in one of the texts (case-insensitive). */
export const contains = (filter: string | undefined, ...texts: unknown[]) =>
	!filter ||
	texts.some((text) =>
		String(text ?? '')
			.toLowerCase()
			.includes(filter.toLowerCase()),
	);

/** The Running Session pick-list of one Veeam Explorer: its running sessions, one page. */
export async function runningSessionsList(
	ctx: ILoadOptionsFunctions,
	type: RestoreSessionType,
	label: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const page = await listRestoreSessionsPage.call(ctx, offset, PAGE_SIZE);
	return {
		results: page.results
			.filter((session) => isRunningSessionOf(session, type))
			.filter((session) => contains(filter, session.name, session.organization, session.id))
			.map((session) => ({
				name: `${String(session.organization ?? session.name ?? label)} — started ${String(session.creationTime ?? '')}`,
				value: String(session.id),
			})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
}
