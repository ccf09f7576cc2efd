import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import type { MailMessage } from '../../api/exchange';
import { sendDocuments } from '../../api/oneDrive';
import {
	optionsCollection,
	requestOptionFields,
	simplifyField,
} from '../../descriptions/common.descriptions';
import { addressProblem } from '../../helpers/email';
import { readLocator } from '../../restore/locators';
import {
	getOneDriveTarget,
	readDocumentSelection,
	withListedDocuments,
} from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getOptions } from '../options';
import { documentSummary, oneDriveContext, selectionWords } from './documentOutput';
import { selectionFields } from './selectionFields';

const properties: INodeProperties[] = [
	...selectionFields,
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'e.g. requester@contoso.com (leave empty for the OneDrive owner)',
		description:
			'Recipient of the email that carries the restored files. Leave empty to send them to the owner, when the OneDrive is given by email.',
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
			'Sender address. Leave empty to use the sender set in the email settings of Veeam Explorer for OneDrive.',
	},
	simplifyField,
	optionsCollection([
		{
			displayName: 'Check Email Settings First',
			name: 'checkEmailSettings',
			type: 'boolean',
			default: true,
			description:
				'Whether to read the OneDrive email settings of the server before sending, to fail early with instructions when it cannot send',
		},
		...requestOptionFields,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['send'] } },
	properties,
);

function readMessage(this: IExecuteFunctions, itemIndex: number, owner?: string): MailMessage {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const message: MailMessage = {
		to: read('to') || owner || '',
		from: read('from'),
		subject: read('subject'),
		text: read('text'),
	};
	if (message.to === '') {
		throw new NodeOperationError(this.getNode(), 'No recipient given [parameter "To"]', {
			itemIndex,
			description:
				'Fill in To, e.g. requester@contoso.com, or give the OneDrive By Email to send to its owner.',
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

/** One request per input item, never repeated: a repeat could send the files twice. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	// A wrong or missing recipient fails before a restore session is opened.
	if (readLocator.call(this, 'oneDriveId', itemIndex).mode !== 'email') {
		readMessage.call(this, itemIndex);
	}
	const target = await getOneDriveTarget.call(this, itemIndex, scope);
	const message = readMessage.call(this, itemIndex, target.ownerEmail);
	let selection = await readDocumentSelection.call(this, target, itemIndex);
	if (selection.kind === 'documents' && selection.documentIds.length > 1) {
		selection = await withListedDocuments.call(this, target, selection, {
			itemIndex,
			retries: options.retries,
			timeoutMs: options.timeoutMs,
		});
	}
	if (options.checkEmailSettings) {
		await assertCanSendEmail.call(this, 'Veod', itemIndex, {
			retries: options.retries,
			timeoutMs: options.timeoutMs,
		});
	}
	const { apiVersion } = await sendDocuments.call(this, target, selection, message, {
		itemIndex,
		timeoutMs: options.timeoutMs,
	});
	const summary = documentSummary('Sent', selectionWords(selection), target, { to: message.to });
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
				...(selection.kind === 'folder'
					? { folderId: selection.folderId }
					: { documentIds: selection.documentIds, versionId: selection.versionId }),
				...oneDriveContext(target),
				apiVersion,
				summary,
			},
		},
	];
}
