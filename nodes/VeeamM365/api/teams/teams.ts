import type { IDataObject } from 'n8n-workflow';

import type { Context, Page } from '../../transport';
import { veeamApiRequestPage } from '../../transport';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import { buildChannelsRequest, buildTeamsRequest } from './teamsRequests';

const SESSION_HINTS = {
	400: 'Check the Running Session: it must be a running Teams (Vet) restore session. Choose one, or let the node start and stop its own.',
	404: 'Check the Running Session and Team: the session may have been stopped, or the team is not in this backup.',
};

/** Enough for the teams whose name contains a typed name; the API allows up to 10,000. */
const NAME_PAGE_SIZE = 1000;

export async function listTeamsPage(
	this: Context,
	restoreSessionId: string,
	offset: number,
	limit: number,
	displayName?: string,
	settings: LookupSettings = {},
): Promise<Page> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildTeamsRequest(version, restoreSessionId, displayName),
	);
	return await veeamApiRequestPage.call(
		this,
		{ ...settings, ...request, action: 'list the teams', hints: SESSION_HINTS },
		offset,
		limit,
	);
}

export async function listChannelsPage(
	this: Context,
	target: { restoreSessionId: string; teamId: string },
	offset: number,
	limit: number,
	displayName?: string,
	settings: LookupSettings = {},
): Promise<Page> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildChannelsRequest(version, target, displayName),
	);
	return await veeamApiRequestPage.call(
		this,
		{
			...settings,
			...request,
			action: 'list the channels',
			hints: { ...SESSION_HINTS, 404: 'Check the Team: it must be a team of this backup.' },
		},
		offset,
		limit,
	);
}

/** The listed object whose display name is `name` (case-insensitive), from the server's filter. */
async function findByName(
	name: string,
	readPage: (offset: number) => Promise<Page>,
): Promise<{ found?: IDataObject; similar: string[] }> {
	const similar: string[] = [];
	for (let offset = 0; ; ) {
		const page = await readPage(offset);
		const found = page.results.find(
			(candidate) => String(candidate.displayName ?? '').toLowerCase() === name.toLowerCase(),
		);
		if (found) return { found, similar };
		similar.push(...page.results.map((candidate) => String(candidate.displayName ?? '')));
		if (!page.hasMore) return { similar };
		offset += page.results.length;
	}
}

/** The team named `name`, and, when there is none, the names that contain it. */
export async function findTeamByName(
	this: Context,
	restoreSessionId: string,
	name: string,
	settings: LookupSettings = {},
) {
	return await findByName(name, async (offset) =>
		listTeamsPage.call(this, restoreSessionId, offset, NAME_PAGE_SIZE, name, settings),
	);
}

export async function findChannelByName(
	this: Context,
	target: { restoreSessionId: string; teamId: string },
	name: string,
	settings: LookupSettings = {},
) {
	return await findByName(name, async (offset) =>
		listChannelsPage.call(this, target, offset, NAME_PAGE_SIZE, name, settings),
	);
}
