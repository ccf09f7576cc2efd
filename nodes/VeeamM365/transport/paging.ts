import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ApiRequest, Context } from './request';
import { veeamApiRequest } from './request';

/** Page size used when walking a paged collection; the API allows up to 10000. */
const PAGE_SIZE = 1000;

export type CollectionRequest = Omit<ApiRequest, 'method'> & { method?: IHttpRequestMethods };

export interface Page {
	results: IDataObject[];
	/** False for a bare array (v2–v5 answer some collections whole) and for the last page. */
	hasMore: boolean;
}

/** v2–v5 may answer a bare array, v6+ a page object `{offset, limit, results, _links}`. */
async function readPage(
	this: Context,
	request: CollectionRequest,
	offset: number,
	limit: number,
): Promise<Page> {
	const response = await veeamApiRequest.call(this, {
		...request,
		method: request.method ?? 'GET',
		qs: { ...request.qs, offset, limit },
	});
	if (Array.isArray(response)) return { results: response as IDataObject[], hasMore: false };
	const page = (response ?? {}) as IDataObject;
	const results = Array.isArray(page.results) ? (page.results as IDataObject[]) : [];
	const hasNext = Boolean((page._links as IDataObject | undefined)?.next);
	return { results, hasMore: results.length > 0 && (hasNext || results.length >= limit) };
}

/** Reads a whole collection, or its first `limit` results when given. */
export async function veeamApiRequestAllItems(
	this: Context,
	request: CollectionRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - results.length);
		const page = await readPage.call(this, request, offset, pageSize);
		results.push(...page.results);
		if (!page.hasMore || (limit !== undefined && results.length >= limit)) break;
		offset += page.results.length;
	}
	return limit === undefined ? results : results.slice(0, limit);
}

/** One page of a collection, for pick-lists. */
export async function veeamApiRequestPage(
	this: Context,
	request: CollectionRequest,
	offset: number,
	limit: number,
): Promise<Page> {
	return await readPage.call(this, request, offset, limit);
}

/**
 * Every page of a `…/search` (POST): the first answer's `setId` goes with the next pages, so the
 * server reuses its result set instead of searching again (`reuseSet: false` where the spec has
 * no `setId` parameter). The first `limit` results when given.
 */
export async function veeamApiSearchAll(
	this: Context,
	request: CollectionRequest,
	limit?: number,
	{ reuseSet = true }: { reuseSet?: boolean } = {},
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let setId: string | undefined;
	for (let offset = 0; ; ) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - results.length);
		const page = (await veeamApiRequest.call(this, {
			...request,
			method: 'POST',
			qs: { ...request.qs, offset, limit: pageSize, ...(setId ? { setId } : {}) },
		})) as IDataObject;
		const found = Array.isArray(page?.results) ? (page.results as IDataObject[]) : [];
		results.push(...found);
		if (reuseSet && typeof page?.setId === 'string') setId ??= page.setId;
		const hasNext = Boolean((page?._links as IDataObject | undefined)?.next);
		const done = found.length === 0 || (!hasNext && found.length < pageSize);
		if (done || (limit !== undefined && results.length >= limit)) break;
		offset += found.length;
	}
	return limit === undefined ? results : results.slice(0, limit);
}
