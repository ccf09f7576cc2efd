import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { MailMessage } from '../../helpers/attachmentRequests';
import { buildSendRequest, canSendSelection } from '../../helpers/attachmentRequests';
import { addressProblem } from '../../helpers/email';
import { getApiContext, veeamApiRequest } from '../../transport';
import {
	attachmentSelectionFields,
	itemLocator,
	optionsCollection,
	requestOptionFields,
	restoreSessionFields,
	simplifyField,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { restoreSummary } from '../../helpers/summary';
import {
	EMAIL_SETTINGS_HINT,
	emailSettingsProblems,
	getEmailSettings,
} from '../emailSettings/settings';
import { getRequestSettings, getSelectedAttachments, restoreContext } from './shared';
import type { RestoreSessionScope } from '../restoreScope';
import { getItemTarget } from '../restoreScope';

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
	const { attachments, allSelected } = await getSelectedAttachments.call(this, target, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.checkEmailSettings !== false) {
		const problems = emailSettingsProblems(
			await getEmailSettings.call(this, itemIndex, getRequestSettings.call(this, itemIndex)),
		);
		if (problems.length > 0) {
			throw new NodeOperationError(
				this.getNode(),
				`The VB365 server cannot send email: ${problems.join(', ')}`,
				{
					itemIndex,
					description: EMAIL_SETTINGS_HINT,
				},
			);
		}
	}
	const { version } = await getApiContext.call(this, itemIndex);

	if (!allSelected && !canSendSelection(version)) {
		throw new NodeOperationError(
			this.getNode(),
			`REST API ${version} can only send all attachments of an item [parameter "Attachments"]`,
			{
				itemIndex,
				description:
					'Set "Attachments" to "All", or switch the credential to REST API v5 or later.',
			},
		);
	}
	const request = buildSendRequest(version, target, attachments, allSelected, message);

	// Never retried: a send that failed after the server accepted it would email the customer twice.
	await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: 'send the attachments',
		timeoutMs: getRequestSettings.call(this, itemIndex).timeoutMs,
		retries: 0,
		itemIndex,
		hints: { 400: EMAIL_SETTINGS_HINT, 500: EMAIL_SETTINGS_HINT },
	});

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
				apiVersion: version,
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
