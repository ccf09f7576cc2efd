import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	itemLocator,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	restoreSessionFields,
	returnAllFields,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { listAttachments } from '../../api/sharePoint';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getItemTarget } from '../../restore/sharePointTarget';
import { getRequestSettings, getResultLimit } from '../options';
import { restoreContext } from './attachmentChoice';

const properties: INodeProperties[] = [
	...restoreSessionFields,
	siteLocator,
	itemLocator,
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointItemAttachment'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getItemTarget.call(this, itemIndex, scope);
	const limit = getResultLimit.call(this, itemIndex);
	const attachments = await listAttachments.call(
		this,
		target,
		{ ...getRequestSettings.call(this, itemIndex), itemIndex },
		limit,
	);
	return attachments.map((attachment) => ({ json: { ...attachment, ...restoreContext(target) } }));
}
