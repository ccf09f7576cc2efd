import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	listLocator,
	restoreSessionFields,
	returnAllFields,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { itemNumberOf } from '../../helpers/sharePointUrl';
import { veeamApiRequestAllItems } from '../../transport';
import type { RestoreSessionScope } from '../restoreScope';
import { resolveListId, resolveSiteId } from '../restoreScope';
import { getResultLimit } from '../common';

const properties: INodeProperties[] = [
	...restoreSessionFields,
	siteLocator,
	listLocator,
	{
		displayName: 'Title or ID',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. ACME-42 or 42',
		description:
			'Text of the item title as the ticket gives it, or the SharePoint item ID (the number in DispForm.aspx?ID=42). Leave empty for every item of the list.',
	},
	...returnAllFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointItem'], operation: ['search'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const session = await scope.sessionFor(itemIndex);
	const siteId = await resolveSiteId.call(this, session.id, itemIndex);
	const listId = await resolveListId.call(this, session.id, siteId, itemIndex);
	const query = String(this.getNodeParameter('query', itemIndex, '') ?? '').trim();
	const limit = getResultLimit.call(this, itemIndex);
	const itemNumber = /^\d+$/.test(query) ? Number(query) : undefined;

	const found = await veeamApiRequestAllItems.call(this, {
		method: 'POST',
		path: `/RestoreSessions/${session.id}/Organization/Sites/${siteId}/Lists/${listId}/search`,
		qs: { itemType: 'Items' },
		body: { query: itemNumber === undefined ? query : `${itemNumber}_` },
		action: 'search the list',
		itemIndex,
	});
	const matches =
		itemNumber === undefined
			? found
			: found.filter((item) => itemNumberOf(item.name) === itemNumber);
	const kept = limit === undefined ? matches : matches.slice(0, limit);
	return kept.map((item) => ({
		json: {
			...item,
			itemNumber: itemNumberOf(item.name),
			restoreSessionId: session.id,
			siteId,
			listId,
		},
	}));
}
