import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MailMessage } from '../api/exchange';
import {
	optionsCollection,
	requestOptionFields,
	simplifyField,
} from '../descriptions/common.descriptions';
import { addressProblem } from '../helpers/email';

/**
 * The Send operation of the file services: To, Subject, Text, From and the email-settings check.
 * `explorer` names the Veeam Explorer whose email settings send ("Teams"); `to` replaces the To
 * field where a service can fall back to an owner.
 */
export function fileSendFields(
	explorer: { name: string; settings: string },
	to: Partial<INodeProperties> = {},
): INodeProperties[] {
	return [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. requester@contoso.com',
			description: 'Recipient of the email that carries the restored files',
			...to,
		} as INodeProperties,
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
			description: `Sender address. Leave empty to use the sender set in the email settings of Veeam Explorer for ${explorer.name}.`,
		},
		simplifyField,
		optionsCollection([
			{
				displayName: 'Check Email Settings First',
				name: 'checkEmailSettings',
				type: 'boolean',
				default: true,
				description: `Whether to read the ${explorer.settings} email settings of the server before sending, to fail early with instructions when it cannot send`,
			},
			...requestOptionFields,
		]),
	];
}

/**
 * To, From, Subject and Text of `itemIndex`, checked. `fallbackTo` is used when To is empty;
 * `noRecipientFix` says how to give one.
 */
export function readFileMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	{ fallbackTo, noRecipientFix }: { fallbackTo?: string; noRecipientFix: string },
): MailMessage {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const message: MailMessage = {
		to: read('to') || fallbackTo || '',
		from: read('from'),
		subject: read('subject'),
		text: read('text'),
	};
	if (message.to === '') {
		throw new NodeOperationError(this.getNode(), 'No recipient given [parameter "To"]', {
			itemIndex,
			description: noRecipientFix,
		});
	}
	for (const [key, label] of [
		['to', 'To'],
		['from', 'From'],
	] as const) {
		const value = message[key] ?? '';
		if (key === 'from' && value === '') continue;
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
