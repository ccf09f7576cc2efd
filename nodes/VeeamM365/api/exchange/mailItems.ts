import type { IExecuteFunctions } from 'n8n-workflow';

import type { StreamedResponse } from '../../transport';
import { veeamApiDownload, veeamApiRequest } from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import { EMAIL_SETTINGS_HINTS } from '../emailSettings';
import { requestShapeFor } from './mailboxes';
import type { MailboxTarget, MailMessage } from './mailboxRequests';
import { buildSaveRequest, buildSendRequest } from './mailboxRequests';
import type { PstScope } from './pstRequests';
import { buildPstRequest } from './pstRequests';

const ITEM_HINT =
	'Check the Item IDs: each must be an item of the chosen Mailbox in this restore session. IDs found in another mailbox, or in a session at another point in time, do not work here.';

export interface MsgDownload {
	response: StreamedResponse;
	/** True when the answer is a ZIP of .msg files (several items), false for the bare .msg. */
	inArchive: boolean;
	apiVersion: ApiVersion;
}

export async function saveMailItems(
	this: IExecuteFunctions,
	target: MailboxTarget,
	itemIds: string[],
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<MsgDownload> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSaveRequest(apiVersion, target, itemIds),
	);
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...request,
		...settings,
		action: 'save the mail items as MSG',
		hints: { 404: ITEM_HINT },
	});
	return { response, inArchive: itemIds.length > 1, apiVersion: version };
}

/** Has VB365 email the items, to the mailbox owner or to `message.to`. Never retried. */
export async function sendMailItems(
	this: IExecuteFunctions,
	target: MailboxTarget,
	itemIds: string[],
	message: MailMessage | undefined,
	settings: { itemIndex: number; timeoutMs?: number },
): Promise<{ apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSendRequest(apiVersion, target, itemIds, message),
	);
	await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: message ? 'send the mail items' : 'send the mail items to the mailbox owner',
		itemIndex: settings.itemIndex,
		timeoutMs: settings.timeoutMs,
		retries: 0,
		hints: { ...EMAIL_SETTINGS_HINTS.Vex, 404: ITEM_HINT },
	});
	return { apiVersion: version };
}

/** VB365 writes PST files through Outlook, which must be on the server that runs restore sessions. */
export const PST_OUTLOOK_HINT =
	'VB365 exports PST files with Microsoft Outlook: 64-bit Outlook (2010, 2013 or 2016 and later) must be installed on the VB365 server (or proxy) that runs restore sessions. Install it there, or use Save as MSG, which needs no Outlook.';

export async function exportMailToPst(
	this: IExecuteFunctions,
	target: MailboxTarget,
	scope: PstScope,
	limitGb: number,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<{ response: StreamedResponse; apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildPstRequest(apiVersion, target, scope, limitGb),
	);
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...request,
		...settings,
		action: 'export the mail to PST',
		hints: {
			400: `Check the PST Size Limit (1 to 49 GB, or 0 for none). ${PST_OUTLOOK_HINT}`,
			404:
				scope.kind === 'items'
					? ITEM_HINT
					: 'Check the Mailbox and Folder: the folder must belong to the chosen mailbox.',
			500: PST_OUTLOOK_HINT,
		},
	});
	return { response, apiVersion: version };
}
