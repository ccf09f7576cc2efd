import type { IDataObject } from 'n8n-workflow';

import type { Context } from '../../transport';
import { veeamApiSearchAll } from '../../transport';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import type { SiteDocumentsTarget } from './documentRequests';
import { buildSiteSearchRequest } from './documentRequests';

/**
 * Every page of a library or folder search (documents, or folders with `itemType: 'Folders'`),
 * passing the first answer's `setId` on.
 */
export async function searchSiteDocuments(
	this: Context,
	target: SiteDocumentsTarget,
	where: { kind: 'library' | 'folder'; id: string },
	query: string,
	settings: LookupSettings = {},
	limit?: number,
	itemType: 'Items' | 'Folders' = 'Items',
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSiteSearchRequest(version, target, where, query, itemType),
	);
	return await veeamApiSearchAll.call(
		this,
		{
			...settings,
			...request,
			action: `search the ${where.kind}`,
			hints: {
				400: 'Check the search: VB365 takes criteria:value terms such as filename:"Budget*.xlsx" (see "Raw Query").',
				404: 'Check the Folder or Library: it must belong to the chosen site in this restore session.',
			},
		},
		limit,
	);
}
