import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import type { MailMessage } from '../../api/sharePoint';
import { sendAttachments } from '../../api/sharePoint';
import {
	attachmentSelectionFields,
	itemLocator,
	optionsCollection,
	requestOptionFields,
	restoreSessionFields,
	simplifyField,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { addressProblem } from '../../helpers/email';
import { restoreSummary } from '../../helpers/summary';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getItemTarget } from '../../restore/sharePointTarget';
import { getOptions } from '../options';
import { chooseAttachments, restoreContext } from './attachmentChoice';

const properties: INodeProperties[] = [
	...restoreSessionFields,
	siteLocator,
	itemLocator,
	...attachmentSelectionFields,
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. requester@contoso.com',
		description: 'Recipient of the email that carries the restored attachments',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: 'Restored attachments',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Here are the files you asked us to restore.',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: 'e.g. backup@contoso.com',
		description:
			'Sender address. Leave empty to use the sender set in the VB365 email settings for Veeam Explorer for SharePoint.',
	},
	simplifyField,
	optionsCollection([
		{
			displayName: 'Check Email Settings First',
			name: 'checkEmailSettings',
			type: 'boolean',
			default: true,
			description:
				"Whether to read the server's email settings before sending, to fail early with instructions when it cannot send",
		},
		...requestOptionFields,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointItemAttachment'], operation: ['send'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getItemTarget.call(this, itemIndex, scope);
	const message = getMessage.call(this, itemIndex);
	const choice = await chooseAttachments.call(this, target, itemIndex);
	const options = getOptions.call(this, itemIndex);
	if (options.checkEmailSettings) {
		await assertCanSendEmail.call(this, 'Vesp', itemIndex, {
			retries: options.retries,
			timeoutMs: options.timeoutMs,
		});
	}
	const { apiVersion } = await sendAttachments.call(this, target, choice, message, {
		timeoutMs: options.timeoutMs,
		itemIndex,
	});

	const attachments = choice.selected;
	const summary = restoreSummary('Sent', attachments, { ...target, to: message.to });
	if (this.getNodeParameter('simplify', itemIndex, false)) {
		return [{ json: { sent: true, to: message.to, summary } }];
	}
	return [
		{
			json: {
				sent: true,
				to: message.to,
				from: message.from || undefined,
				subject: message.subject,
				attachments: attachments.map((attachment) => attachment.name),
				attachmentIds: attachments.map((attachment) => attachment.id),
				...restoreContext(target),
				apiVersion,
				summary,
			},
		},
	];
}

function getMessage(this: IExecuteFunctions, itemIndex: number): MailMessage {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const message: MailMessage = {
		to: read('to'),
		from: read('from'),
		subject: read('subject'),
		text: read('text'),
	};
	const checks: Array<[keyof MailMessage, string, boolean]> = [
		['to', 'To', true],
		['from', 'From', false],
	];
	for (const [key, label, required] of checks) {
		const value = message[key] ?? '';
		if (value === '' && !required) continue;
		const problem = addressProblem(value);
		if (problem) {
			const what = value === '' ? 'No recipient given' : `"${value}" ${problem}`;
			throw new NodeOperationError(this.getNode(), `${what} [parameter "${label}"]`, {
				itemIndex,
				description:
					'Enter one address like name@contoso.com. To reach several people, use a distribution list address, or one input item per recipient.',
			});
		}
	}
	return message;
}
