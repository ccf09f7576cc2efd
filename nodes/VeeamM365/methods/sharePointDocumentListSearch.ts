import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listLibraries, searchSiteDocuments } from '../api/sharePoint';
import { buildDocumentQuery } from '../helpers/documentQuery';
import { browsingSession } from '../restore/browsingSession';
import { resolveSiteId } from '../restore/sharePointTarget';
import { contains } from './sessionLists';

/** Results shown per library for a typed name: enough to pick from, cheap per keystroke. */
const PER_LIBRARY = 25;

async function siteInBrowsingSession(ctx: ILoadOptionsFunctions) {
	const session = await browsingSession.call(ctx, 'Vesp');
	const siteId = await resolveSiteId.call(ctx, session.id);
	return { restoreSessionId: session.id, siteId };
}

/** The document libraries of the chosen site, matched by name or address. */
export async function searchSiteLibraries(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const target = await siteInBrowsingSession(this);
	const libraries = await listLibraries.call(this, target);
	return {
		results: libraries
			.filter((library) => contains(filter, library.name, library.url))
			.map((library) => ({
				name: String(library.name ?? library.id),
				value: String(library.id),
				url: typeof library.url === 'string' ? library.url : undefined,
			})),
	};
}

/** Documents or folders of the chosen site whose name contains the typed text, library by library. */
async function searchByName(
	ctx: ILoadOptionsFunctions,
	itemType: 'Items' | 'Folders',
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = String(filter ?? '').trim();
	if (text === '') return { results: [] };
	const target = await siteInBrowsingSession(ctx);
	const query = buildDocumentQuery({ fileName: `*${text}*` });
	const results: Array<{ name: string; value: string }> = [];
	for (const library of await listLibraries.call(ctx, target)) {
		const where = { kind: 'library' as const, id: String(library.id) };
		const found: IDataObject[] = await searchSiteDocuments.call(
			ctx,
			target,
			where,
			query,
			{},
			PER_LIBRARY,
			itemType,
		);
		for (const entry of found) {
			results.push({
				name: `${String(entry.name ?? entry.id)} — ${String(library.name ?? library.id)}`,
				value: String(entry.id),
			});
		}
	}
	return { results };
}

export async function searchSiteDocumentsList(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchByName(this, 'Items', filter);
}

export async function searchSiteFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchByName(this, 'Folders', filter);
}
