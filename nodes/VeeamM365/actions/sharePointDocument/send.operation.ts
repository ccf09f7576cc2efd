import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import { sendSiteDocuments } from '../../api/sharePoint';
import { siteDocumentSelectionFields } from '../../descriptions/sharePointDocument.descriptions';
import { getSiteDocumentSelection } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { fileSendFields, readFileMessage } from '../fileSend';
import { getOptions } from '../options';
import { selectionContext, selectionWords, siteSummary } from './documentOutput';

const properties: INodeProperties[] = [
	...siteDocumentSelectionFields,
	...fileSendFields({ name: 'SharePoint', settings: 'SharePoint' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['send'] } },
	properties,
);

/** One request per input item, never repeated: a repeat could send the files twice. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	// A wrong or missing recipient fails before a restore session is opened.
	const message = readFileMessage.call(this, itemIndex, {
		noRecipientFix: 'Give one email address, e.g. requester@contoso.com.',
	});
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
