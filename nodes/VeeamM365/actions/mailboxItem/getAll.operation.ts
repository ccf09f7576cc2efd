import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listMailItems } from '../../api/exchange';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import {
	exchangeSessionFields,
	folderLocator,
	mailboxLocator,
} from '../../descriptions/exchange.descriptions';
import { getMailboxTarget, resolveFolderId } from '../../restore/mailboxTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getRequestSettings, getResultLimit } from '../options';
import { mailItemJson } from './mailOutput';

const properties: INodeProperties[] = [
	...exchangeSessionFields,
	mailboxLocator,
	folderLocator(false),
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getMailboxTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveFolderId.call(this, target, itemIndex, false);
	const items = await listMailItems.call(
		this,
		target,
		folderId,
		settings,
		getResultLimit.call(this, itemIndex),
	);
	return items.map((item) => ({ json: { ...mailItemJson(item, target), folderId } }));
}
