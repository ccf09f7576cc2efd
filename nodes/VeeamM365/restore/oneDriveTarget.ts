import type { IExecuteFunctions } from 'n8n-workflow';

import type { DocumentSelection, OneDriveTarget } from '../api/oneDrive';
import { findOneDriveByEmail, getDocument, getFolder, listFolderContent } from '../api/oneDrive';
import { runInParallel } from '../helpers/parallel';
import { parseList } from '../helpers/attachmentSelection';
import { addressProblem } from '../helpers/email';
import type { Context } from '../transport';
import { parameterError, readLocator, readParameter } from './locators';
import { pointInTimeProblem } from './pointInTime';
import type { RestoreSessionScope, SessionInUse } from './sessionScope';

/** Document and folder IDs are GUIDs in Veeam's specs (format uuid). */
const ITEM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The specs give OneDrive IDs no format; this keeps path characters and typos out of URLs. */
const ONEDRIVE_ID = /^[A-Za-z0-9._~:-]{1,256}$/;
/** Version IDs are whole numbers in the version listing. */
const VERSION_ID = /^\d{1,9}$/;

export type OneDriveTargetInSession = OneDriveTarget & {
	pointInTime?: string;
	/** The owner's address, when the OneDrive was given by it. */
	ownerEmail?: string;
	oneDriveName?: string;
};

/** The OneDrive parameter: an ID (list or By ID) or the owner's address (By Email). */
export async function resolveOneDrive(
	this: Context,
	session: SessionInUse,
	itemIndex?: number,
): Promise<OneDriveTargetInSession> {
	const locator = readLocator.call(this, 'oneDriveId', itemIndex);
	const base = { restoreSessionId: session.id, pointInTime: session.pointInTime };
	if (locator.mode !== 'email') {
		const id = String(locator.value ?? '').trim();
		if (!ONEDRIVE_ID.test(id)) {
			throw parameterError(
				this,
				'oneDriveId',
				id === '' ? 'No OneDrive given' : `"${id.slice(0, 60)}" is not a VB365 OneDrive ID`,
				'Give the sign-in address of the owner (By Email), pick the OneDrive from the list, or use the "oneDriveId" a Search returned.',
				itemIndex,
			);
		}
		return { ...base, oneDriveId: id };
	}
	const email = String(locator.value ?? '').trim();
	const problem = addressProblem(email);
	if (problem) {
		throw parameterError(
			this,
			'oneDriveId',
			`The owner address "${email}" ${problem}`,
			'Give the sign-in address of the OneDrive owner, e.g. anna.meier@contoso.com, or pick the OneDrive from the list.',
			itemIndex,
		);
	}
	const oneDrive = await findOneDriveByEmail.call(this, session.id, email, { itemIndex });
	if (!oneDrive) {
		throw (
			(await pointInTimeProblem(this, session, itemIndex)) ??
			parameterError(
				this,
				'oneDriveId',
				`No OneDrive in the backup belongs to ${email}`,
				'Check the address (the sign-in address, not an alias), or pick the OneDrive from the list. A OneDrive added after the restore point is not in it either.',
				itemIndex,
			)
		);
	}
	return {
		...base,
		oneDriveId: String(oneDrive.id),
		ownerEmail: email,
		oneDriveName: typeof oneDrive.name === 'string' ? oneDrive.name : undefined,
	};
}

/** The OneDrive session and OneDrive an operation works in, from the node's parameters. */
export async function getOneDriveTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<OneDriveTargetInSession> {
	const session = await scope.sessionFor(itemIndex, 'Veod');
	return await resolveOneDrive.call(this, session, itemIndex);
}

function itemId(ctx: Context, name: string, value: string, itemIndex?: number): string {
	if (!ITEM_ID.test(value)) {
		const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
		throw parameterError(
			ctx,
			name,
			`"${shown}" is not a VB365 OneDrive ${name === 'documentIds' ? 'document' : 'folder'} ID`,
			name !== 'documentIds'
				? 'Give the folder by its path, e.g. Projects/Fabrikam, or use the "id" of a folder that Get Many lists.'
				: 'Use the "id" of a document as Search or Get Many return it, e.g. {{ $json.id }}.',
			itemIndex,
		);
	}
	return value;
}

/**
 * The Folder parameter: a path from the top of the OneDrive ("Projects/Fabrikam"), walked one
 * level at a time by name, or a folder ID; empty for the top when `optional`.
 */
export async function resolveDocumentFolder(
	this: Context,
	target: OneDriveTarget,
	itemIndex: number | undefined,
	optional: boolean,
): Promise<string | undefined> {
	const locator = readLocator.call(this, 'documentFolderId', itemIndex);
	const value = String(locator.value ?? '').trim();
	if (value === '' || (locator.mode === 'path' && value.replace(/\//g, '').trim() === '')) {
		if (optional) return undefined;
		throw parameterError(
			this,
			'documentFolderId',
			'No folder given',
			'Give the folder by its path, e.g. Projects/Fabrikam, or by its ID.',
			itemIndex,
		);
	}
	if (locator.mode !== 'path') return itemId(this, 'documentFolderId', value, itemIndex);
	const names = value
		.split('/')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	let parentId: string | undefined;
	let walked = '';
	for (const name of names) {
		const folders = await listFolderContent.call(this, target, 'Folders', parentId, { itemIndex });
		const folder = folders.find(
			(candidate) => String(candidate.name ?? '').toLowerCase() === name.toLowerCase(),
		);
		if (!folder) {
			const where = walked === '' ? 'the top of the OneDrive' : `"${walked}"`;
			const there = folders.map((candidate) => String(candidate.name)).join(', ') || 'none';
			throw parameterError(
				this,
				'documentFolderId',
				`There is no folder "${name}" in ${where}`,
				`The folders there are: ${there}. Folder paths start at the top of the OneDrive, e.g. Projects/Fabrikam.`,
				itemIndex,
			);
		}
		parentId = String(folder.id);
		walked = walked === '' ? String(folder.name) : `${walked}/${String(folder.name)}`;
	}
	return parentId;
}

/** Document IDs: one, several separated by commas or new lines, or an array. */
export function readDocumentIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const ids = [...new Set(parseList(this.getNodeParameter('documentIds', itemIndex, '')))];
	if (ids.length === 0) {
		throw parameterError(
			this,
			'documentIds',
			'No document given',
			'Map the "id" of the documents a Search returned, e.g. {{ $json.id }}, or paste IDs separated by commas.',
			itemIndex,
		);
	}
	return ids.map((id) => itemId(this, 'documentIds', id, itemIndex));
}

/** What Save and Send work on: the documents (a version of one) or a folder. */
export async function readDocumentSelection(
	this: IExecuteFunctions,
	target: OneDriveTarget,
	itemIndex: number,
): Promise<DocumentSelection> {
	const what = readParameter(this, 'saveWhat', itemIndex, 'documents');
	if (what === 'oneDrive') return { kind: 'oneDrive' };
	if (what === 'folder') {
		const folderId = await resolveDocumentFolder.call(this, target, itemIndex, false);
		return { kind: 'folder', folderId: folderId as string };
	}
	if (what === 'folders') {
		const ids = [...new Set(parseList(this.getNodeParameter('folderIds', itemIndex, '')))];
		if (ids.length === 0) {
			throw parameterError(
				this,
				'folderIds',
				'No folder given',
				'Map the "id" of the folders Get Many lists, e.g. {{ $json.id }}, or paste IDs separated by commas.',
				itemIndex,
			);
		}
		return {
			kind: 'folders',
			folderIds: ids.map((id) => itemId(this, 'folderIds', id, itemIndex)),
		};
	}
	const documentIds = readDocumentIds.call(this, itemIndex);
	const version = String(readParameter(this, 'versionId', itemIndex, '') ?? '').trim();
	if (version === '') return { kind: 'documents', documentIds };
	if (!VERSION_ID.test(version)) {
		throw parameterError(
			this,
			'versionId',
			`"${version}" is not a document version ID`,
			'Use the "versionId" of the version as VB365 lists it (a whole number), or leave Version empty for the latest.',
			itemIndex,
		);
	}
	if (documentIds.length > 1) {
		throw parameterError(
			this,
			'versionId',
			`A version can only be chosen for one document, not ${documentIds.length}`,
			'Give one Document ID with a Version, or leave Version empty to restore the latest of each.',
			itemIndex,
		);
	}
	return { kind: 'documents', documentIds, versionId: version };
}

/** Documents whose details are read at the same time. */
const LISTING_PARALLEL = 4;

/**
 * Reads each chosen document (or the chosen version) as VB365 lists it: its name and size for
 * the download, and the whole object for requests on several documents; several folders too.
 */
export async function withListedDocuments(
	this: IExecuteFunctions,
	target: OneDriveTarget,
	selection: DocumentSelection,
	settings: { itemIndex: number; retries?: number; timeoutMs?: number },
): Promise<DocumentSelection> {
	if (selection.kind === 'folders') {
		const ids = selection.folderIds;
		const listed = await runInParallel(ids.length, LISTING_PARALLEL, async (index) => ({
			...(await getFolder.call(this, target, ids[index], settings)),
			id: ids[index],
		}));
		return { ...selection, listed };
	}
	if (selection.kind !== 'documents') return selection;
	const ids = selection.documentIds;
	const listed = await runInParallel(ids.length, LISTING_PARALLEL, async (index) => {
		const document = await getDocument.call(
			this,
			target,
			ids[index],
			selection.versionId,
			settings,
		);
		return { ...document, id: ids[index] };
	});
	return { ...selection, listed };
}
