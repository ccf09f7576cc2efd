import type { IDataObject } from 'n8n-workflow';

import type { SiteDocumentsTarget } from '../api/sharePoint';
import { listLibraries, listSiteFolderContent, listSites } from '../api/sharePoint';
import { documentPathOf, startsWithSegments } from '../helpers/sharePointUrl';
import type { Context } from '../transport';
import { parameterError } from './locators';
import type { SessionInUse } from './sessionScope';

// The path of a SharePoint address, resolved in a restore session: the deepest site holding it,
// the library its next segment names, and its folders walked by name from the library's top.

export const EXAMPLE_URL =
	'https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx';

const segmentsOf = (url: unknown) => documentPathOf(String(url ?? ''));

/** The site whose address is the longest start of the document's address. */
export async function siteOfUrl(
	ctx: Context,
	session: SessionInUse,
	name: string,
	wanted: { host: string; segments: string[] },
	itemIndex: number,
): Promise<{ siteId: string; rest: string[] }> {
	const sites = await listSites.call(ctx, { restoreSessionId: session.id, itemIndex });
	let best: { site: IDataObject; length: number } | undefined;
	for (const site of sites) {
		const path = segmentsOf(site.url);
		if (!path || path.host !== wanted.host || !startsWithSegments(wanted.segments, path.segments))
			continue;
		if (!best || path.segments.length > best.length) best = { site, length: path.segments.length };
	}
	if (!best) {
		throw parameterError(
			ctx,
			name,
			`No site in the backup holds ${wanted.host}/${wanted.segments.join('/')}`,
			'Check the address, and that the site was backed up before the restore point; or pick the Site from the list.',
			itemIndex,
		);
	}
	return { siteId: String(best.site.id), rest: wanted.segments.slice(best.length) };
}

/** The last path segment of a library URL, absolute or relative, decoded and in lower case. */
function lastSegment(url: unknown): string | undefined {
	const segment = String(url ?? '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '')
		.split('/')
		.pop();
	if (!segment) return undefined;
	try {
		return decodeURIComponent(segment).toLowerCase();
	} catch {
		return segment.toLowerCase();
	}
}

/** The library named by the start of `rest` (its URL segment, or its name), and what follows. */
export async function libraryOf(
	ctx: Context,
	target: SiteDocumentsTarget,
	name: string,
	rest: string[],
	itemIndex: number,
): Promise<{ libraryId: string; rest: string[] }> {
	if (rest.length === 0) {
		throw parameterError(
			ctx,
			name,
			'The address is that of a site, not of a library, folder or document in it',
			`Copy the address from the library or the document in SharePoint, e.g. ${EXAMPLE_URL}.`,
			itemIndex,
		);
	}
	const libraries = await listLibraries.call(ctx, target, { itemIndex });
	const first = rest[0].toLowerCase();
	for (const library of libraries) {
		if (lastSegment(library.url) === first || String(library.name ?? '').toLowerCase() === first)
			return { libraryId: String(library.id), rest: rest.slice(1) };
	}
	const there = libraries.map((library) => String(library.name)).join(', ') || 'none';
	throw parameterError(
		ctx,
		name,
		`The site has no document library "${rest[0]}"`,
		`Its libraries are: ${there}. Copy the address from the library or the document in SharePoint, e.g. ${EXAMPLE_URL}.`,
		itemIndex,
	);
}

/** Walks `folders` down from the top of a library by name; returns the last folder's ID. */
export async function walkFolders(
	ctx: Context,
	target: SiteDocumentsTarget,
	name: string,
	libraryId: string,
	folders: string[],
	itemIndex: number,
): Promise<string> {
	let parentId = libraryId;
	let walked = '';
	for (const folderName of folders) {
		const found = await listSiteFolderContent.call(ctx, target, 'Folders', parentId, { itemIndex });
		const folder = found.find(
			(one) => String(one.name ?? '').toLowerCase() === folderName.toLowerCase(),
		);
		if (!folder) {
			const where = walked === '' ? 'the top of the library' : `"${walked}"`;
			throw parameterError(
				ctx,
				name,
				`There is no folder "${folderName}" in ${where} in this backup`,
				`The folders there are: ${found.map((one) => String(one.name)).join(', ') || 'none'}. Check the address and the point in time.`,
				itemIndex,
			);
		}
		parentId = String(folder.id);
		walked = walked === '' ? String(folder.name) : `${walked}/${String(folder.name)}`;
	}
	return parentId;
}
