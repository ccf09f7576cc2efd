import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { restoreSessionLocator } from '../../descriptions/common.descriptions';
import { veeamApiRequest } from '../../transport';
import { locatorId } from '../restoreScope';

export const description = updateDisplayOptions(
	{ show: { resource: ['restoreSession'], operation: ['get'] } },
	[restoreSessionLocator],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'restoreSessionId', itemIndex);
	const session = await veeamApiRequest.call(this, {
		method: 'GET',
		path: `/RestoreSessions/${id}`,
		action: 'get the restore session',
		itemIndex,
	});
	return [{ json: session as IDataObject }];
}
