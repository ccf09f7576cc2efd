import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { MailMessage } from '../../api/exchange';
import { addressProblem } from '../../helpers/email';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { sendFieldsAfter, sendFieldsBefore, sendMail } from './sendMail';

const messageFields: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. requester@contoso.com',
		description: 'Recipient of the email that carries the restored mail items',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: 'Restored email',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Here is the email you asked us to restore.',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: 'e.g. backup@contoso.com',
		description:
			'Sender address. Leave empty to use the sender set in the email settings of Veeam Explorer for Exchange.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['sendToAddress'] } },
	[...sendFieldsBefore, ...messageFields, ...sendFieldsAfter],
);

function readMessage(this: IExecuteFunctions, itemIndex: number): MailMessage {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const message: MailMessage = {
		to: read('to'),
		from: read('from'),
		subject: read('subject'),
		text: read('text'),
	};
	for (const [key, label, required] of [
		['to', 'To', true],
		['from', 'From', false],
	] as const) {
		const value = message[key] ?? '';
		if (!required && value === '') continue;
		const problem = addressProblem(value);
		if (problem) {
			throw new NodeOperationError(this.getNode(), `"${label}" ${problem} [parameter "${label}"]`, {
				itemIndex,
				description: 'Give one email address, e.g. anna.meier@contoso.com.',
			});
		}
	}
	return message;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	return await sendMail.call(this, itemIndex, scope, readMessage.call(this, itemIndex));
}
