import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import type { SiteDocumentMessage } from '../../api/sharePoint';
import { sendSiteDocuments } from '../../api/sharePoint';
import {
	optionsCollection,
	requestOptionFields,
	simplifyField,
} from '../../descriptions/common.descriptions';
import { siteDocumentSelectionFields } from '../../descriptions/sharePointDocument.descriptions';
import { addressProblem } from '../../helpers/email';
import { getSiteDocumentSelection } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getOptions } from '../options';
import { selectionContext, selectionWords, siteSummary } from './documentOutput';

const properties: INodeProperties[] = [
	...siteDocumentSelectionFields,
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. requester@contoso.com',
		description: 'Recipient of the email that carries the restored files',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: 'Restored files',
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
			'Sender address. Leave empty to use the sender set in the email settings of Veeam Explorer for SharePoint.',
	},
	simplifyField,
	optionsCollection([
		{
			displayName: 'Check Email Settings First',
			name: 'checkEmailSettings',
			type: 'boolean',
			default: true,
			description:
				'Whether to read the SharePoint email settings of the server before sending, to fail early with instructions when it cannot send',
		},
		...requestOptionFields,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['send'] } },
	properties,
);

function readMessage(this: IExecuteFunctions, itemIndex: number): SiteDocumentMessage {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const message = {
		to: read('to'),
		from: read('from'),
		subject: read('subject'),
		text: read('text'),
	};
	for (const [key, label] of [
		['to', 'To'],
		['from', 'From'],
	] as const) {
		const value = message[key];
		if (key === 'from' && value === '') continue;
		const problem = value === '' ? undefined : addressProblem(value);
		if (value === '' || problem) {
			throw new NodeOperationError(
				this.getNode(),
				value === ''
					? 'No recipient given [parameter "To"]'
					: `"${label}" ${problem} [parameter "${label}"]`,
				{ itemIndex, description: 'Give one email address, e.g. requester@contoso.com.' },
			);
		}
	}
	return message;
}

/** One request per input item, never repeated: a repeat could send the files twice. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	// A wrong or missing recipient fails before a restore session is opened.
	const message = readMessage.call(this, itemIndex);
	const { target, selection } = await getSiteDocumentSelection.call(this, itemIndex, scope);
	if (options.checkEmailSettings) {
		await assertCanSendEmail.call(this, 'Vesp', itemIndex, {
			retries: options.retries,
			timeoutMs: options.timeoutMs,
		});
	}
	const { apiVersion } = await sendSiteDocuments.call(this, target, selection, message, {
		itemIndex,
		timeoutMs: options.timeoutMs,
	});
	const summary = siteSummary('Sent', selectionWords(selection), target, { to: message.to });
	if (this.getNodeParameter('simplify', itemIndex, false)) {
		return [{ json: { sent: true, to: message.to, summary } }];
	}
	return [
		{
			json: {
				sent: true,
				to: message.to,
				from: message.from || undefined,
				subject: message.subject || undefined,
				...selectionContext(target, selection),
				apiVersion,
				summary,
			},
		},
	];
}
