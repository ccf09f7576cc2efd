import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	listLocator,
	restoreSessionFields,
	returnAllFields,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { searchListItems } from '../../api/sharePoint';
import { itemNumberOf } from '../../helpers/sharePointUrl';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { resolveListId, resolveSiteId } from '../../restore/sharePointTarget';
import { getResultLimit } from '../options';

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
	const session = await scope.sessionFor(itemIndex, 'Vesp');
	const siteId = await resolveSiteId.call(this, session.id, itemIndex);
	const listId = await resolveListId.call(this, session.id, siteId, itemIndex);
	const query = String(this.getNodeParameter('query', itemIndex, '') ?? '').trim();
	const limit = getResultLimit.call(this, itemIndex);
	const itemNumber = /^\d+$/.test(query) ? Number(query) : undefined;

	const found = await searchListItems.call(
		this,
		{ restoreSessionId: session.id, itemIndex },
		siteId,
		listId,
		itemNumber === undefined ? query : `${itemNumber}_`,
	);
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
