import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Context } from '../../transport';
import type { ApiVersion } from '../../transport/apiVersion';
import { veeamApiDownload, veeamApiRequest, veeamApiRequestAllItems } from '../../transport';
import { EMAIL_SETTINGS_HINTS } from '../emailSettings';
import type { LookupSettings } from '../exchange/mailboxes';
import { requestShapeFor } from '../exchange/mailboxes';
import type { DocumentDownload } from '../oneDrive/documents';
import type {
	SiteDocumentMessage,
	SiteDocumentSelection,
	SiteDocumentsTarget,
} from './documentRequests';
import {
	buildLibrariesRequest,
	buildSiteBrowseRequest,
	buildSiteDocumentRequest,
	buildSiteSaveRequest,
	buildSiteSendRequest,
} from './documentRequests';

const SESSION_HINTS = {
	400: 'Check the Running Session: it must be a running SharePoint (Vesp) restore session. Choose one, or let the node start and stop its own.',
	404: 'Check the Running Session and Site: the session may have been stopped, or the site is not in this backup.',
};

const SELECTION_HINT =
	'Check the Document (or Folder, Library): it must belong to the chosen site in this restore session. IDs found in another site, or in a session at another point in time, do not work here.';

/** The document libraries of a site. */
export async function listLibraries(
	this: Context,
	target: SiteDocumentsTarget,
	settings: LookupSettings = {},
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildLibrariesRequest(version, target),
	);
	return await veeamApiRequestAllItems.call(this, {
		...settings,
		...request,
		action: 'list the document libraries',
		hints: SESSION_HINTS,
	});
}

/** The documents, or the folders, directly inside a folder or at the top of a library. */
export async function listSiteFolderContent(
	this: Context,
	target: SiteDocumentsTarget,
	what: 'Documents' | 'Folders',
	parentId: string,
	settings: LookupSettings = {},
	limit?: number,
): Promise<IDataObject[]> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSiteBrowseRequest(version, target, what, parentId),
	);
	return await veeamApiRequestAllItems.call(
		this,
		{
			...settings,
			...request,
			action: what === 'Documents' ? 'list the documents' : 'list the folders',
			hints: {
				...SESSION_HINTS,
				404: 'Check the Library and Folder: the folder must belong to the chosen site.',
			},
		},
		limit,
	);
}

/** One document (or one version of it), as the API lists it: name, sizeBytes, times. */
export async function getSiteDocument(
	this: Context,
	target: SiteDocumentsTarget,
	documentId: string,
	versionId: string | undefined,
	settings: LookupSettings = {},
): Promise<IDataObject> {
	const { request } = await requestShapeFor(this, settings.itemIndex, (version) =>
		buildSiteDocumentRequest(version, target, documentId, versionId),
	);
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		...settings,
		...request,
		action: versionId === undefined ? 'read the document' : 'read the document version',
		hints: {
			404:
				versionId === undefined
					? 'Check the Document: it must be a document of the chosen site in this restore session (give it By URL, or use the "id" Get Many returns).'
					: 'Check the Version: use a "versionId" of the document as VB365 lists it, or leave Version empty for the latest.',
		},
	})) as IDataObject;
}

/** Saves a document (raw file), a folder or a library (ZIP); the answer is not read yet. */
export async function saveSiteDocuments(
	this: IExecuteFunctions,
	target: SiteDocumentsTarget,
	selection: SiteDocumentSelection,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<DocumentDownload> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSiteSaveRequest(apiVersion, target, selection),
	);
	const { inArchive, ...shape } = request;
	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...shape,
		...settings,
		action: `save the ${selection.kind}`,
		hints: { 404: SELECTION_HINT },
	});
	return { response, inArchive, apiVersion: version };
}

/** Has VB365 email the document, folder or library to `message.to`. Never retried. */
export async function sendSiteDocuments(
	this: IExecuteFunctions,
	target: SiteDocumentsTarget,
	selection: SiteDocumentSelection,
	message: SiteDocumentMessage,
	settings: { itemIndex: number; timeoutMs?: number },
): Promise<{ apiVersion: ApiVersion }> {
	const { request, version } = await requestShapeFor(this, settings.itemIndex, (apiVersion) =>
		buildSiteSendRequest(apiVersion, target, selection, message),
	);
	await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: `send the ${selection.kind}`,
		itemIndex: settings.itemIndex,
		timeoutMs: settings.timeoutMs,
		retries: 0,
		hints: { ...EMAIL_SETTINGS_HINTS.Vesp, 404: SELECTION_HINT },
	});
	return { apiVersion: version };
}
