import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { restoreSessionFields, returnAllFields } from '../../descriptions/common.descriptions';
import { veeamApiRequestAllItems } from '../../transport';
import type { RestoreSessionScope } from '../restoreScope';
import { getResultLimit } from '../common';

const properties: INodeProperties[] = [
	...restoreSessionFields,
	...returnAllFields,
	{
		displayName: 'Top-Level Sites Only',
		name: 'topLevelOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out sub-sites',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointSite'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const session = await scope.sessionFor(itemIndex);
	const limit = getResultLimit.call(this, itemIndex);
	const qs: IDataObject = {};
	if (this.getNodeParameter('topLevelOnly', itemIndex, false)) qs.parentId = 'root';
	const sites = await veeamApiRequestAllItems.call(
		this,
		{
			path: `/RestoreSessions/${session.id}/Organization/Sites`,
			qs,
			action: 'list the sites',
			itemIndex,
		},
		limit,
	);
	return sites.map((site) => ({ json: { ...site, restoreSessionId: session.id } }));
}
