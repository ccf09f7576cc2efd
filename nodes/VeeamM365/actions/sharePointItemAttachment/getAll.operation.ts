import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	itemLocator,
	optionsCollection,
	requestOptionFields,
	restoreSessionLocator,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { getItemTarget, listAttachments, restoreContext } from './shared';

const properties: INodeProperties[] = [
	restoreSessionLocator,
	siteLocator,
	itemLocator,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	optionsCollection(requestOptionFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointItemAttachment'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const target = getItemTarget.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const attachments = await listAttachments.call(this, target, itemIndex, limit);
	return attachments.map((attachment) => ({ json: { ...attachment, ...restoreContext(target) } }));
}
