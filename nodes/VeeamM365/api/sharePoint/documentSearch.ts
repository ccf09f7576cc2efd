import type { IDataObject } from 'n8n-workflow';

import type { Context } from '../../transport';
import { veeamApiRequest } from '../../transport';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import type { SiteDocumentsTarget } from './documentRequests';
import { buildSiteSearchRequest } from './documentRequests';

/** Page size when walking search results; the API allows up to 10,000. */
const PAGE_SIZE = 1000;

/** Every page of a library or folder search, passing the first answer's `setId` on. */
export async function searchSiteDocuments(
	this: Context,
	target: SiteDocumentsTarget,
	where: { kind: 'library' | 'folder'; id: string },
	query: string,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSiteSearchRequest(version, target, where, query),
	);
	const results: IDataObject[] = [];
	let setId: string | undefined;
	for (let offset = 0; ; ) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - results.length);
		const page = (await veeamApiRequest.call(this, {
			method: 'POST',
			...settings,
			...request,
			qs: { ...request.qs, offset, limit: pageSize, ...(setId ? { setId } : {}) },
			action: `search the ${where.kind}`,
			hints: {
				400: 'Check the search: VB365 takes criteria:value terms such as filename:"Budget*.xlsx" (see "Raw Query").',
				404: 'Check the Folder or Library: it must belong to the chosen site in this restore session.',
			},
		})) as IDataObject;
		const found = Array.isArray(page?.results) ? (page.results as IDataObject[]) : [];
		results.push(...found);
		if (typeof page?.setId === 'string') setId ??= page.setId;
		const hasNext = Boolean((page?._links as IDataObject | undefined)?.next);
		const done = found.length === 0 || (!hasNext && found.length < pageSize);
		if (done || (limit !== undefined && results.length >= limit)) break;
		offset += found.length;
	}
	return limit === undefined ? results : results.slice(0, limit);
}
