import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import type { DocumentSelection } from '../../api/oneDrive';
import { sendDocuments } from '../../api/oneDrive';
import { readLocator } from '../../restore/locators';
import {
	getOneDriveTarget,
	readDocumentSelection,
	withListedDocuments,
} from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { fileSendFields, readFileMessage } from '../fileSend';
import { getOptions } from '../options';
import { documentSummary, oneDriveContext, selectionWords } from './documentOutput';
import { selectionFields } from './selectionFields';

const properties: INodeProperties[] = [
	...selectionFields,
	...fileSendFields(
		{ name: 'OneDrive', settings: 'OneDrive' },
		{
			required: false,
			placeholder: 'e.g. requester@contoso.com (leave empty for the OneDrive owner)',
			description:
				'Recipient of the email that carries the restored files. Leave empty to send them to the owner, when the OneDrive is given by email.',
		},
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['send'] } },
	properties,
);

const NO_RECIPIENT =
	'Fill in To, e.g. requester@contoso.com, or give the OneDrive By Email to send to its owner.';

function readMessage(this: IExecuteFunctions, itemIndex: number, owner?: string) {
	return readFileMessage.call(this, itemIndex, { fallbackTo: owner, noRecipientFix: NO_RECIPIENT });
}

function selectionIds(selection: DocumentSelection): IDataObject {
	if (selection.kind === 'folder') return { folderId: selection.folderId };
	if (selection.kind === 'folders') return { folderIds: selection.folderIds };
	if (selection.kind === 'oneDrive') return { wholeOneDrive: true };
	return { documentIds: selection.documentIds, versionId: selection.versionId };
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
	if (
		(selection.kind === 'documents' && selection.documentIds.length > 1) ||
		selection.kind === 'folders'
	) {
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
				...selectionIds(selection),
				...oneDriveContext(target),
				apiVersion,
				summary,
			},
		},
	];
}
