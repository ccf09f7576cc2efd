import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { exploreFields } from '../../descriptions/common.descriptions';
import type { RestoreSessionType } from '../../api/restoreSessions';
import { startRestoreSession } from '../../api/restoreSessions';
import { readExploreOptions } from '../../restore/exploreOptions';
import { locatorId } from '../../restore/locators';

const sessionTypeField: INodeProperties = {
	displayName: 'Session Type',
	name: 'sessionType',
	type: 'options',
	default: 'Vesp',
	options: [
		{ name: 'Exchange (Mail)', value: 'Vex' },
		{ name: 'OneDrive', value: 'Veod' },
		{ name: 'SharePoint', value: 'Vesp' },
	],
	description:
		'Which Veeam Explorer the session opens; mail operations need an Exchange session, OneDrive documents a OneDrive session',
	displayOptions: { hide: { '@version': [1] } },
};

export const description = updateDisplayOptions(
	{ show: { resource: ['restoreSession'], operation: ['start'] } },
	[sessionTypeField, ...(exploreFields as INodeProperties[])],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const organizationId = locatorId.call(this, 'organizationId', itemIndex);
	const options = readExploreOptions.call(this, itemIndex);
	const type = this.getNodeParameter('sessionType', itemIndex, 'Vesp') as RestoreSessionType;
	const session = await startRestoreSession.call(this, organizationId, options, itemIndex, type);
	return [{ json: { ...session, pointInTime: options.pointInTime?.toISOString() ?? 'latest' } }];
}
