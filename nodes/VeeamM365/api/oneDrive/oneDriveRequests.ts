import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';
import type { MailMessage } from '../exchange/mailboxRequests';
import { NeedsNewerApiError } from '../exchange/mailboxRequests';

/** A OneDrive in a running OneDrive (Veod) restore session. */
export interface OneDriveTarget {
	restoreSessionId: string;
	oneDriveId: string;
}

/** What a save or send works on: documents (one may be a chosen version) or one folder. */
export type DocumentSelection =
	| {
			kind: 'documents';
			documentIds: string[];
			versionId?: string;
			/** The documents as VB365 listed them, for requests on several (see documentRefs). */
			listed?: IDataObject[];
	  }
	| { kind: 'folder'; folderId: string }
	| {
			kind: 'folders';
			folderIds: string[];
			/** The folders as VB365 listed them: the specs require whole RESTOneDriveFolder objects. */
			listed?: IDataObject[];
	  }
	| { kind: 'oneDrive' };

/** What a save or send works on, in words for errors: "the folder", "the documents"… */
export function selectionNoun(selection: DocumentSelection): string {
	if (selection.kind === 'oneDrive') return 'the OneDrive';
	return selection.kind === 'documents' ? 'the documents' : `the ${selection.kind}`;
}

export function oneDrivesPath(restoreSessionId: string): string {
	return `/RestoreSessions/${restoreSessionId}/Organization/OneDrives`;
}

export function oneDrivePath(target: OneDriveTarget): string {
	return `${oneDrivesPath(target.restoreSessionId)}/${target.oneDriveId}`;
}

const documentsPath = (target: OneDriveTarget) => `${oneDrivePath(target)}/Documents`;
const foldersPath = (target: OneDriveTarget) => `${oneDrivePath(target)}/Folders`;
/**
 * The `documents` (or `folders`) of a request on several: the specs type them as whole
 * RESTOneDriveDocument / RESTOneDriveFolder objects (name, times required), so they go back as
 * the server listed them, without their links; `{id}` only where no listing is at hand.
 */
function documentRefs(ids: string[], listed?: IDataObject[]): IDataObject[] {
	return ids.map((id) => {
		const found = listed?.find((document) => String(document.id) === id);
		if (!found) return { id };
		const { _links: links, _actions: actions, ...fields } = found;
		void links;
		void actions;
		return fields;
	});
}

/**
 * OneDrive restore sessions have no v2–v5 explore type confirmed by Veeam's docs, so every
 * OneDrive request needs v6 or later.
 */
function needsV6(version: ApiVersion, what: string): void {
	if (usesActionEndpoints(version)) {
		throw new NeedsNewerApiError(`${what} needs VB365 REST API v6 or later`);
	}
}

/** The OneDrives of the session (paged; the API has no owner filter). */
export function buildOneDrivesRequest(version: ApiVersion, restoreSessionId: string): ApiPath {
	needsV6(version, 'Listing OneDrives');
	return { path: oneDrivesPath(restoreSessionId) };
}

/** The documents (or folders) directly in a folder, or at the top of the OneDrive. */
export function buildBrowseRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	what: 'Documents' | 'Folders',
	folderId?: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Browsing a OneDrive');
	const qs: IDataObject = {};
	if (folderId !== undefined) qs.parentId = folderId;
	const path = what === 'Documents' ? documentsPath(target) : foldersPath(target);
	return { path, qs };
}

/** One folder, as the API lists it (for requests on several folders). */
export function buildFolderRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	folderId: string,
): ApiPath {
	needsV6(version, 'Reading a OneDrive folder');
	return { path: `${foldersPath(target)}/${folderId}` };
}

/** One document, or one of its versions (`versionId` as the version listing gives it). */
export function buildDocumentRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	documentId: string,
	versionId?: string,
): ApiPath {
	needsV6(version, 'Reading a OneDrive document');
	const path = `${documentsPath(target)}/${documentId}`;
	return { path: versionId === undefined ? path : `${path}/Versions/${versionId}` };
}

/** v6+ `…/search` in the whole OneDrive or in one folder, body `{query}`. */
export function buildSearchRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	query: string,
	folderId?: string,
): ApiPath {
	needsV6(version, 'Searching a OneDrive');
	const where =
		folderId === undefined ? oneDrivePath(target) : `${foldersPath(target)}/${folderId}`;
	return { path: `${where}/search`, body: { query } };
}

function singleDocumentPath(target: OneDriveTarget, documentId: string, versionId?: string) {
	const path = `${documentsPath(target)}/${documentId}`;
	return versionId === undefined ? path : `${path}/Versions/${versionId}`;
}

/**
 * Save. One document (or one version of it): `…/save {asZip: false}`, answered with the raw file.
 * Several documents: `Documents/save {documents}`; a folder: `Folders/{id}/save` (no body);
 * several folders: `Folders/save {folders}`; the whole OneDrive: `OneDrives/{id}/save` (no body);
 * all answered with a ZIP.
 */
export function buildSaveRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	selection: DocumentSelection,
): ApiPath & { inArchive: boolean } {
	needsV6(version, 'Saving OneDrive documents');
	if (selection.kind === 'folder') {
		return { path: `${foldersPath(target)}/${selection.folderId}/save`, inArchive: true };
	}
	if (selection.kind === 'folders') {
		const folders = documentRefs(selection.folderIds, selection.listed);
		return { path: `${foldersPath(target)}/save`, body: { folders }, inArchive: true };
	}
	if (selection.kind === 'oneDrive')
		return { path: `${oneDrivePath(target)}/save`, inArchive: true };
	const { documentIds, versionId } = selection;
	if (documentIds.length === 1) {
		return {
			path: `${singleDocumentPath(target, documentIds[0], versionId)}/save`,
			body: { asZip: false },
			inArchive: false,
		};
	}
	return {
		path: `${documentsPath(target)}/save`,
		body: { documents: documentRefs(documentIds, selection.listed) },
		inArchive: true,
	};
}

function messageFields(message: MailMessage): IDataObject {
	const fields: IDataObject = {};
	for (const key of ['from', 'to', 'subject', 'text'] as const) {
		const value = message[key];
		if (value !== undefined && value !== '') fields[key] = value;
	}
	return fields;
}

/** Send: the same targets as Save, with `{from,to,subject,text}` (plus `documents`/`folders` for several). */
export function buildSendRequest(
	version: ApiVersion,
	target: OneDriveTarget,
	selection: DocumentSelection,
	message: MailMessage,
): ApiPath {
	needsV6(version, 'Sending OneDrive documents');
	const fields = messageFields(message);
	if (selection.kind === 'folder') {
		return { path: `${foldersPath(target)}/${selection.folderId}/send`, body: fields };
	}
	if (selection.kind === 'folders') {
		const folders = documentRefs(selection.folderIds, selection.listed);
		return { path: `${foldersPath(target)}/send`, body: { folders, ...fields } };
	}
	if (selection.kind === 'oneDrive') return { path: `${oneDrivePath(target)}/send`, body: fields };
	const { documentIds, versionId } = selection;
	if (documentIds.length === 1) {
		return { path: `${singleDocumentPath(target, documentIds[0], versionId)}/send`, body: fields };
	}
	return {
		path: `${documentsPath(target)}/send`,
		body: { documents: documentRefs(documentIds, selection.listed), ...fields },
	};
}
