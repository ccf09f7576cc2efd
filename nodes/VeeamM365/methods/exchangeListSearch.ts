import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listFolders, listMailboxesPage } from '../api/exchange';
import { browsingSession } from '../restore/browsingSession';
import { contains, PAGE_SIZE, runningSessionsList } from './sessionLists';
import { resolveMailbox } from '../restore/mailboxTarget';

export async function searchExchangeSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runningSessionsList(this, 'Vex', 'Exchange', filter, paginationToken);
}

/** Mailboxes of the browsing session, matched by name or address. */
export async function searchMailboxes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const session = await browsingSession.call(this, 'Vex');
	const page = await listMailboxesPage.call(this, session.id, offset, PAGE_SIZE);
	return {
		results: page.results
			.filter((mailbox) => contains(filter, mailbox.name, mailbox.email))
			.map((mailbox) => ({
				name: `${String(mailbox.name ?? mailbox.id)}${mailbox.email ? ` <${String(mailbox.email)}>` : ''}`,
				value: String(mailbox.id),
			})),
		paginationToken: page.hasMore ? String(offset + page.results.length) : undefined,
	};
}

/** Folders of the chosen mailbox (Inbox, Deleted Items, Recoverable Items…). */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const target = await resolveMailbox.call(this, await browsingSession.call(this, 'Vex'));
	const folders = await listFolders.call(this, target);
	return {
		results: folders
			.filter((folder) => contains(filter, folder.name, folder.category))
			.map((folder) => ({ name: String(folder.name ?? folder.id), value: String(folder.id) })),
	};
}
