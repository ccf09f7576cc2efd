import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listChannelsPage, listTeamsPage } from '../api/teams';
import { browsingSession } from '../restore/browsingSession';
import { resolveTeam } from '../restore/teamsTarget';
import { PAGE_SIZE, runningSessionsList } from './sessionLists';

export async function searchTeamsSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runningSessionsList(this, 'Vet', 'Teams', filter, paginationToken);
}

/** Teams of the browsing session; the server filters them by the typed name. */
export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const session = await browsingSession.call(this, 'Vet');
	const page = await listTeamsPage.call(this, session.id, offset, PAGE_SIZE, filter?.trim());
	return {
		results: page.results.map((team) => ({
			name: String(team.displayName ?? team.id),
			value: String(team.id),
		})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
}

/** Channels of the chosen team; the server filters them by the typed name. */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const session = await browsingSession.call(this, 'Vet');
	const team = await resolveTeam.call(this, session);
	const page = await listChannelsPage.call(this, team, offset, PAGE_SIZE, filter?.trim());
	return {
		results: page.results.map((channel) => ({
			name: String(channel.displayName ?? channel.id),
			value: String(channel.id),
		})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
}
