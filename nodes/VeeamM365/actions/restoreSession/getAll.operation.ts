import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/common.descriptions';
import { isRunningSessionOf, listRestoreSessions } from '../../api/restoreSessions';
import { getResultLimit } from '../options';

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
	const sessions = await listRestoreSessions.call(this, itemIndex, onlyRunning ? undefined : limit);
	const kept = onlyRunning
		? sessions.filter((session) => isRunningSessionOf(session, 'Vesp'))
		: sessions;
	return (limit === undefined ? kept : kept.slice(0, limit)).map((json) => ({ json }));
}
