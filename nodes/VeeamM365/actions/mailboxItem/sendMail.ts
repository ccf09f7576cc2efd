import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { MailMessage } from '../../api/exchange';
import { sendMailItems } from '../../api/exchange';
import { assertCanSendEmail } from '../../api/emailSettings';
import {
	optionsCollection,
	requestOptionFields,
	simplifyField,
} from '../../descriptions/common.descriptions';
import {
	exchangeSessionFields,
	mailboxLocator,
	mailItemIdsField,
} from '../../descriptions/exchange.descriptions';
import { getMailboxTarget, readMailItemIds } from '../../restore/mailboxTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getOptions } from '../options';
import { mailContext, mailSummary } from './mailOutput';

/** Fields both send operations share, before and after their own. */
export const sendFieldsBefore: INodeProperties[] = [
	...exchangeSessionFields,
	mailboxLocator,
	mailItemIdsField,
];

export const sendFieldsAfter: INodeProperties[] = [
	simplifyField,
	optionsCollection([
		{
			displayName: 'Check Email Settings First',
			name: 'checkEmailSettings',
			type: 'boolean',
			default: true,
			description:
				'Whether to read the Exchange email settings of the server before sending, to fail early with instructions when it cannot send',
		},
		...requestOptionFields,
	]),
];

/** One request per input item, never repeated: a repeat could send the mail twice. */
export async function sendMail(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
	message: MailMessage | undefined,
): Promise<INodeExecutionData[]> {
	const itemIds = readMailItemIds.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const target = await getMailboxTarget.call(this, itemIndex, scope);
	if (options.checkEmailSettings) {
		await assertCanSendEmail.call(this, 'Vex', itemIndex, {
			retries: options.retries,
			timeoutMs: options.timeoutMs,
		});
	}
	const { apiVersion } = await sendMailItems.call(this, target, itemIds, message, {
		itemIndex,
		timeoutMs: options.timeoutMs,
	});
	const to = message?.to ?? target.mailboxEmail ?? 'the mailbox owner';
	const summary = mailSummary('Sent', itemIds.length, target, { to });
	if (this.getNodeParameter('simplify', itemIndex, false)) {
		return [{ json: { sent: true, to, summary } }];
	}
	return [
		{
			json: {
				sent: true,
				to,
				toMailboxOwner: message === undefined,
				from: message?.from || undefined,
				subject: message?.subject || undefined,
				itemIds,
				...mailContext(target),
				apiVersion,
				summary,
			},
		},
	];
}
