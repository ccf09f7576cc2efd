import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { exploreFields } from '../../descriptions/common.descriptions';
import { startRestoreSession } from '../../api/restoreSessions';
import { readExploreOptions } from '../../restore/exploreOptions';
import { locatorId } from '../../restore/locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['restoreSession'], operation: ['start'] } },
	exploreFields as INodeProperties[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const organizationId = locatorId.call(this, 'organizationId', itemIndex);
	const options = readExploreOptions.call(this, itemIndex);
	const session = await startRestoreSession.call(this, organizationId, options, itemIndex);
	return [{ json: { ...session, pointInTime: options.pointInTime?.toISOString() ?? 'latest' } }];
}
