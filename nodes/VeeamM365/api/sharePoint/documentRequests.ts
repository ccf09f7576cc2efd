import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';
import { NeedsNewerApiError } from '../exchange/mailboxRequests';

/** A site in a running SharePoint (Vesp) restore session, whose libraries hold documents. */
export interface SiteDocumentsTarget {
	restoreSessionId: string;
	siteId: string;
}

/** What a save works on: one document (or one version of it), a folder, or a whole library. */
export type SiteDocumentSelection =
	| { kind: 'document'; documentId: string; versionId?: string }
	| { kind: 'folder'; folderId: string }
	| { kind: 'library'; libraryId: string };

const sitePath = (target: SiteDocumentsTarget) =>
	`/RestoreSessions/${target.restoreSessionId}/Organization/Sites/${target.siteId}`;

/**
 * The v2–v5 `…/Action` keys for SharePoint documents are not confirmed by Veeam's docs at hand,
 * so every SharePoint document request needs v6 or later.
 */
function needsV6(version: ApiVersion, what: string): void {
	if (usesActionEndpoints(version)) {
		throw new NeedsNewerApiError(`${what} needs VB365 REST API v6 or later`);
	}
}

/** The document libraries of the site (paged). */
export function buildLibrariesRequest(version: ApiVersion, target: SiteDocumentsTarget): ApiPath {
	needsV6(version, 'Listing SharePoint document libraries');
	return { path: `${sitePath(target)}/Libraries` };
}

/** The documents (or folders) directly in a folder or at the top of a library (`parentId`). */
export function buildSiteBrowseRequest(
	version: ApiVersion,
	target: SiteDocumentsTarget,
	what: 'Documents' | 'Folders',
	parentId: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Browsing a SharePoint library');
	return { path: `${sitePath(target)}/${what}`, qs: { parentId } };
}

function documentPath(target: SiteDocumentsTarget, documentId: string, versionId?: string) {
	const path = `${sitePath(target)}/Documents/${documentId}`;
	return versionId === undefined ? path : `${path}/Versions/${versionId}`;
}

/** One document, or one of its versions, as VB365 lists it. */
export function buildSiteDocumentRequest(
	version: ApiVersion,
	target: SiteDocumentsTarget,
	documentId: string,
	versionId?: string,
): ApiPath {
	needsV6(version, 'Reading a SharePoint document');
	return { path: documentPath(target, documentId, versionId) };
}

/**
 * Save. One document (or version): `…/save {asZip: false}`, answered with the raw file. A folder
 * (`Folders/{id}/save`) or a library (`Libraries/{id}/save`), no body: a ZIP.
 */
export function buildSiteSaveRequest(
	version: ApiVersion,
	target: SiteDocumentsTarget,
	selection: SiteDocumentSelection,
): ApiPath & { inArchive: boolean } {
	needsV6(version, 'Saving SharePoint documents');
	if (selection.kind === 'folder') {
		return { path: `${sitePath(target)}/Folders/${selection.folderId}/save`, inArchive: true };
	}
	if (selection.kind === 'library') {
		return { path: `${sitePath(target)}/Libraries/${selection.libraryId}/save`, inArchive: true };
	}
	return {
		path: `${documentPath(target, selection.documentId, selection.versionId)}/save`,
		body: { asZip: false },
		inArchive: false,
	};
}

/** The email of a send: who to, and optionally from, subject and text. */
export interface SiteDocumentMessage {
	to: string;
	from?: string;
	subject?: string;
	text?: string;
}

/** Send: the same targets as Save with `/send`, body `{from,to,subject,text}` (RESTSendAsMsgOptionsV6). */
export function buildSiteSendRequest(
	version: ApiVersion,
	target: SiteDocumentsTarget,
	selection: SiteDocumentSelection,
	message: SiteDocumentMessage,
): ApiPath {
	needsV6(version, 'Sending SharePoint documents');
	const body: IDataObject = {};
	for (const key of ['from', 'to', 'subject', 'text'] as const) {
		const value = message[key];
		if (value !== undefined && value !== '') body[key] = value;
	}
	const path =
		selection.kind === 'folder'
			? `${sitePath(target)}/Folders/${selection.folderId}`
			: selection.kind === 'library'
				? `${sitePath(target)}/Libraries/${selection.libraryId}`
				: documentPath(target, selection.documentId, selection.versionId);
	return { path: `${path}/send`, body };
}

/** v6+ search in a library or a folder, body `{query}`; `itemType=Items` keeps folders out. */
export function buildSiteSearchRequest(
	version: ApiVersion,
	target: SiteDocumentsTarget,
	where: { kind: 'library' | 'folder'; id: string },
	query: string,
	itemType: 'Items' | 'Folders' = 'Items',
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Searching SharePoint documents');
	const container = where.kind === 'library' ? 'Libraries' : 'Folders';
	return {
		path: `${sitePath(target)}/${container}/${where.id}/search`,
		body: { query },
		qs: { itemType },
	};
}
