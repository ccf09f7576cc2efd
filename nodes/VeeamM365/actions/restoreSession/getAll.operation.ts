import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/common.descriptions';
import { veeamApiRequestAllItems } from '../../transport';
import { getResultLimit } from '../common';

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Only Running SharePoint Sessions',
		name: 'onlyRunningSharePoint',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out stopped sessions and sessions of other Veeam Explorers',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['restoreSession'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = getResultLimit.call(this, itemIndex);
	const onlyRunning = this.getNodeParameter('onlyRunningSharePoint', itemIndex, true) as boolean;
	const sessions = await veeamApiRequestAllItems.call(
		this,
		{ path: '/RestoreSessions', action: 'list the restore sessions', itemIndex },
		onlyRunning ? undefined : limit,
	);
	const kept = onlyRunning
		? sessions.filter(
				(session) =>
					String(session.type).toLowerCase() === 'vesp' &&
					String(session.state).toLowerCase() === 'working',
			)
		: sessions;
	return (limit === undefined ? kept : kept.slice(0, limit)).map((json) => ({ json }));
}
