import type { IExecuteFunctions } from 'n8n-workflow';

import type { StreamedResponse } from '../../transport';
import { veeamApiDownload, veeamApiRequest } from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import { EMAIL_SETTINGS_HINTS } from '../emailSettings';
import type { MailMessage } from '../exchange/mailboxRequests';
import { requestShapeFor } from '../exchange/mailboxes';
import type { DocumentSelection, OneDriveTarget } from './oneDriveRequests';
import { buildSaveRequest, buildSendRequest, selectionNoun } from './oneDriveRequests';

const SELECTION_HINT =
	'Check the Document IDs (or the Folder): each must belong to the chosen OneDrive in this restore session. IDs found in another OneDrive, or in a session at another point in time, do not work here.';

export interface DocumentDownload {
	response: StreamedResponse;
	/** True for a ZIP (several documents, a folder), false for the raw file of one document. */
	inArchive: boolean;
	apiVersion: ApiVersion;
}

export async function saveDocuments(
	this: IExecuteFunctions,
	target: OneDriveTarget,
	selection: DocumentSelection,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<DocumentDownload> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSaveRequest(apiVersion, target, selection),
	);
	const { inArchive, ...shape } = request;
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...shape,
		...settings,
		action: `save ${selectionNoun(selection)}`,
		hints: { 404: SELECTION_HINT },
	});
	return { response, inArchive, apiVersion: version };
}

/** Has VB365 email the documents or the folder to `message.to`. Never retried. */
export async function sendDocuments(
	this: IExecuteFunctions,
	target: OneDriveTarget,
	selection: DocumentSelection,
	message: MailMessage,
	settings: { itemIndex: number; timeoutMs?: number },
): Promise<{ apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSendRequest(apiVersion, target, selection, message),
	);
	await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: `send ${selectionNoun(selection)}`,
		itemIndex: settings.itemIndex,
		timeoutMs: settings.timeoutMs,
		retries: 0,
		hints: { ...EMAIL_SETTINGS_HINTS.Veod, 404: SELECTION_HINT },
	});
	return { apiVersion: version };
}
