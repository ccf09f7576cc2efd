import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { restoreSessionLocator } from '../../descriptions/common.descriptions';
import { getRestoreSession } from '../../api/restoreSessions';
import { locatorId } from '../../restore/locators';

export const description = updateDisplayOptions(
	{ show: { resource: ['restoreSession'], operation: ['get'] } },
	[restoreSessionLocator],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'restoreSessionId', itemIndex);
	return [{ json: await getRestoreSession.call(this, id, itemIndex) }];
}
