import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { RestoreSessionScope } from '../../restore/sessionScope';
import { sendFieldsAfter, sendFieldsBefore, sendMail } from './sendMail';

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['sendToOwner'] } },
	[...sendFieldsBefore, ...sendFieldsAfter],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	return await sendMail.call(this, itemIndex, scope, undefined);
}
