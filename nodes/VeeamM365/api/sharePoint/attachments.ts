import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AttachmentInfo } from '../../helpers/attachmentSelection';
import { toAttachmentInfo } from '../../helpers/attachmentSelection';
import type { Context, StreamedResponse } from '../../transport';
import {
	getApiContext,
	veeamApiDownload,
	veeamApiRequest,
	veeamApiRequestAllItems,
} from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import { EMAIL_SETTINGS_HINTS } from '../emailSettings';
import type { ItemTarget, MailMessage } from './attachmentRequests';
import {
	attachmentsPath,
	buildSaveRequest,
	buildSendRequest,
	canSendSelection,
} from './attachmentRequests';

export type { ItemTarget, MailMessage } from './attachmentRequests';

export interface RequestSettings {
	retries?: number;
	timeoutMs?: number;
}

/** The attachments the item has and the ones chosen from them. */
export interface AttachmentChoice {
	selected: AttachmentInfo[];
	available: AttachmentInfo[];
}

export async function listAttachments(
	this: Context,
	target: ItemTarget,
	settings: RequestSettings & { itemIndex?: number },
	limit?: number,
): Promise<AttachmentInfo[]> {
	const raw = await veeamApiRequestAllItems.call(
		this,
		{
			...settings,
			path: attachmentsPath(target),
			action: "list the item's attachments",
			hints: {
				400: 'Check the Running Session: VB365 refuses requests in a stopped session. Choose a running one, or let the node start and stop its own.',
				404: 'Check the Running Session, Site and Item: the session may have been stopped, or the item is not in this site.',
			},
		},
		limit,
	);
	return raw.map(toAttachmentInfo);
}

export interface AttachmentDownload {
	response: StreamedResponse;
	/** What the archive holds, in order: v2–v5 always return every attachment of the item. */
	inArchive: AttachmentInfo[];
	apiVersion: ApiVersion;
}

export async function saveAttachments(
	this: IExecuteFunctions,
	target: ItemTarget,
	choice: AttachmentChoice,
	settings: RequestSettings & { itemIndex: number },
): Promise<AttachmentDownload> {
	const { version } = await getApiContext.call(this, settings.itemIndex);
	const request = buildSaveRequest(version, target, choice.selected);
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...request,
		...settings,
		action: 'save the attachments',
	});
	const everything = request.body.save === null;
	return {
		response,
		inArchive: everything ? choice.available : choice.selected,
		apiVersion: version,
	};
}

/** Emails the chosen attachments from the VB365 server. Never retried: it would send twice. */
export async function sendAttachments(
	this: IExecuteFunctions,
	target: ItemTarget,
	choice: AttachmentChoice,
	message: MailMessage,
	settings: { timeoutMs?: number; itemIndex: number },
): Promise<{ apiVersion: ApiVersion }> {
	const { version } = await getApiContext.call(this, settings.itemIndex);
	const allSelected = choice.selected.length === choice.available.length;
	if (!allSelected && !canSendSelection(version)) {
		throw new NodeOperationError(
			this.getNode(),
			`REST API ${version} can only send all attachments of an item [parameter "Attachments"]`,
			{
				itemIndex: settings.itemIndex,
				description:
					'Set "Attachments" to "All", or switch the credential to REST API v5 or later.',
			},
		);
	}
	await veeamApiRequest.call(this, {
		method: 'POST',
		...buildSendRequest(version, target, choice.selected, allSelected, message),
		action: 'send the attachments',
		timeoutMs: settings.timeoutMs,
		retries: 0,
		itemIndex: settings.itemIndex,
		hints: EMAIL_SETTINGS_HINTS.Vesp,
	});
	return { apiVersion: version };
}
