import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { restoreSessionFields, returnAllFields } from '../../descriptions/common.descriptions';
import { listSites } from '../../api/sharePoint';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getResultLimit } from '../options';

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
	const session = await scope.sessionFor(itemIndex, 'Vesp');
	const sites = await listSites.call(
		this,
		{ restoreSessionId: session.id, itemIndex },
		{
			topLevelOnly: this.getNodeParameter('topLevelOnly', itemIndex, false) as boolean,
			limit: getResultLimit.call(this, itemIndex),
		},
	);
	return sites.map((site) => ({ json: { ...site, restoreSessionId: session.id } }));
}
