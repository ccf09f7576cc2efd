import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { searchMailItems } from '../../api/exchange';
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
import type { MailSearch } from '../../helpers/mailQuery';
import { buildMailQuery } from '../../helpers/mailQuery';
import { parameterError } from '../../restore/locators';
import { getMailboxTarget, resolveFolderId } from '../../restore/mailboxTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getOptionalDate, getRequestSettings, getResultLimit } from '../options';
import { mailItemJson } from './mailOutput';

const properties: INodeProperties[] = [
	...exchangeSessionFields,
	mailboxLocator,
	folderLocator(true),
	{
		displayName: 'Subject Contains',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. NDA',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: 'e.g. Contoso Legal or legal@contoso.com',
		description: "Sender's name or address",
	},
	{
		displayName: 'Received After',
		name: 'receivedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only mail received on or after this day (UTC)',
	},
	{
		displayName: 'Received Before',
		name: 'receivedBefore',
		type: 'dateTime',
		default: '',
		description: 'Only mail received on or before this day (UTC)',
	},
	{
		displayName: 'Has Attachments',
		name: 'hasAttachments',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Yes', value: 'yes' },
			{ name: 'No', value: 'no' },
		],
	},
	{
		displayName: 'Raw Query',
		name: 'rawQuery',
		type: 'string',
		default: '',
		placeholder: 'e.g. to:anna.meier@contoso.com body:"signed copy"',
		description:
			"More criteria in Veeam's own item search syntax (criteria:value, see Appendix A of the VB365 User Guide), added to the fields above with AND",
	},
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['search'] } },
	properties,
);

function readSearch(this: IExecuteFunctions, itemIndex: number): MailSearch {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const attachments = this.getNodeParameter('hasAttachments', itemIndex, 'any') as string;
	return {
		subject: text('subject'),
		from: text('from'),
		receivedAfter: getOptionalDate.call(this, 'receivedAfter', 'Received After', itemIndex),
		receivedBefore: getOptionalDate.call(this, 'receivedBefore', 'Received Before', itemIndex),
		hasAttachments: attachments === 'any' ? undefined : attachments === 'yes',
		raw: text('rawQuery'),
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const query = buildMailQuery(readSearch.call(this, itemIndex));
	if (query === '') {
		throw parameterError(
			this,
			'subject',
			'No search criteria given',
			'Fill in at least one of Subject Contains, From, Received After/Before, Has Attachments or Raw Query. To list a whole folder, use Get Many.',
			itemIndex,
		);
	}
	const target = await getMailboxTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveFolderId.call(this, target, itemIndex, true);
	const found = await searchMailItems.call(
		this,
		target,
		query,
		folderId,
		settings,
		getResultLimit.call(this, itemIndex),
	);
	return found.map((item) => ({ json: { ...mailItemJson(item, target), query } }));
}
