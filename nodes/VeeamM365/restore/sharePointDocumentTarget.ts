import type { IExecuteFunctions } from 'n8n-workflow';

import type { SiteDocumentSelection, SiteDocumentsTarget } from '../api/sharePoint';
import { listLibraries, listSiteFolderContent } from '../api/sharePoint';
import { documentPathOf } from '../helpers/sharePointUrl';
import type { Context } from '../transport';
import { parameterError, readLocator, readParameter } from './locators';
import { pointInTimeProblem } from './pointInTime';
import { resolveSiteId } from './sharePointTarget';
import { EXAMPLE_URL, libraryOf, siteOfUrl, walkFolders } from './sharePointLibraryPath';
import type { RestoreSessionScope, SessionInUse } from './sessionScope';

/** The specs give SharePoint document, folder and library IDs no format; this keeps path characters out. */
const DOCUMENT_ID = /^[A-Za-z0-9._~:-]{1,512}$/;
const VERSION_ID = /^\d{1,9}$/;

export type SiteDocumentsInSession = SiteDocumentsTarget & { pointInTime?: string };

/** The locator parameter that names what is restored, per kind. */
const LOCATOR: Record<SiteDocumentSelection['kind'], string> = {
	document: 'sharePointDocument',
	folder: 'sharePointFolder',
	library: 'sharePointLibrary',
};

async function selectionFromUrl(
	ctx: Context,
	session: SessionInUse,
	kind: SiteDocumentSelection['kind'],
	url: string,
	itemIndex: number,
): Promise<{ siteId: string; selection: SiteDocumentSelection; name?: string }> {
	const name = LOCATOR[kind];
	const wanted = documentPathOf(url);
	if (!wanted) {
		throw parameterError(
			ctx,
			name,
			/^\s*https?:\/\/[^/]+\/:[a-z]+:\//i.test(url)
				? 'This sharing link carries a token, not the path of the file'
				: `"${url.slice(0, 80)}" is not a SharePoint address`,
			`Open the file in SharePoint and copy its address from the library (Copy link → "People with existing access", or the address bar of the library view), e.g. ${EXAMPLE_URL}.`,
			itemIndex,
		);
	}
	const { siteId, rest } = await siteOfUrl(ctx, session, name, wanted, itemIndex);
	const siteValue = String(readLocator.call(ctx, 'siteId', itemIndex).value ?? '').trim();
	if (siteValue !== '' && (await resolveSiteId.call(ctx, session.id, itemIndex)) !== siteId) {
		throw parameterError(
			ctx,
			'siteId',
			'The chosen Site is not the site of the address',
			'Leave Site empty when the document, folder or library is given by its address: the site is taken from it.',
			itemIndex,
		);
	}
	const target = { restoreSessionId: session.id, siteId };
	const library = await libraryOf(ctx, target, name, rest, itemIndex);
	if (kind === 'library') return { siteId, selection: { kind, libraryId: library.libraryId } };
	if (kind === 'folder') {
		if (library.rest.length === 0) {
			throw parameterError(
				ctx,
				name,
				'The address is that of a library, not of a folder in it',
				'Set Restore to Library to save the whole library, or give the address of a folder in it.',
				itemIndex,
			);
		}
		const folderId = await walkFolders(
			ctx,
			target,
			name,
			library.libraryId,
			library.rest,
			itemIndex,
		);
		return { siteId, selection: { kind, folderId } };
	}
	const fileName = library.rest[library.rest.length - 1];
	if (fileName === undefined) {
		throw parameterError(
			ctx,
			name,
			'The address is that of a library, not of a document',
			`Give the document's own address, e.g. ${EXAMPLE_URL}, or set Restore to Library.`,
			itemIndex,
		);
	}
	const parentId = await walkFolders(
		ctx,
		target,
		name,
		library.libraryId,
		library.rest.slice(0, -1),
		itemIndex,
	);
	const documents = await listSiteFolderContent.call(ctx, target, 'Documents', parentId, {
		itemIndex,
	});
	const document = documents.find(
		(one) => String(one.name ?? '').toLowerCase() === fileName.toLowerCase(),
	);
	if (!document) {
		throw parameterError(
			ctx,
			name,
			`There is no document "${fileName}" there in this backup`,
			`The documents there are: ${documents.map((one) => String(one.name)).join(', ') || 'none'}. A document created after the restore point is not in it.`,
			itemIndex,
		);
	}
	return {
		siteId,
		selection: { kind, documentId: String(document.id) },
		name: String(document.name),
	};
}

/** By ID needs the Site: IDs are only unique within a site. */
function requireSite(ctx: Context, itemIndex: number): void {
	if (String(readLocator.call(ctx, 'siteId', itemIndex).value ?? '').trim() === '') {
		throw parameterError(
			ctx,
			'siteId',
			'No site given',
			'Pick the Site from the list when the document, folder or library is given by ID, or give it By URL instead.',
			itemIndex,
		);
	}
}

function plainId(ctx: Context, name: string, value: string, itemIndex: number): string {
	if (!DOCUMENT_ID.test(value)) {
		throw parameterError(
			ctx,
			name,
			value === '' ? 'Nothing given' : `"${value.slice(0, 60)}" is not a VB365 ID`,
			`Give the address as SharePoint shows it (By URL), e.g. ${EXAMPLE_URL}, or the "id" Get Many returns.`,
			itemIndex,
		);
	}
	return value;
}

function withVersion(
	ctx: IExecuteFunctions,
	selection: SiteDocumentSelection,
	itemIndex: number,
): SiteDocumentSelection {
	if (selection.kind !== 'document') return selection;
	const version = String(readParameter(ctx, 'versionId', itemIndex, '') ?? '').trim();
	if (version === '') return selection;
	if (!VERSION_ID.test(version)) {
		throw parameterError(
			ctx,
			'versionId',
			`"${version}" is not a document version ID`,
			'Use the "versionId" of the version as VB365 lists it (a whole number), or leave Version empty for the latest.',
			itemIndex,
		);
	}
	return { ...selection, versionId: version };
}

/** The session, site and selection a SharePoint document operation works on. */
export async function getSiteDocumentSelection(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<{ target: SiteDocumentsInSession; selection: SiteDocumentSelection; name?: string }> {
	const session = await scope.sessionFor(itemIndex, 'Vesp');
	const kind = readParameter(
		this,
		'saveWhat',
		itemIndex,
		'document',
	) as SiteDocumentSelection['kind'];
	const name = LOCATOR[kind] ?? LOCATOR.document;
	const locator = readLocator.call(this, name, itemIndex);
	const value = String(locator.value ?? '').trim();
	try {
		if (locator.mode === 'url') {
			const found = await selectionFromUrl(this, session, kind, value, itemIndex);
			return {
				target: {
					restoreSessionId: session.id,
					siteId: found.siteId,
					pointInTime: session.pointInTime,
				},
				selection: withVersion(this, found.selection, itemIndex),
				name: found.name,
			};
		}
		const id = plainId(this, name, value, itemIndex);
		requireSite(this, itemIndex);
		const siteId = await resolveSiteId.call(this, session.id, itemIndex);
		const selection: SiteDocumentSelection =
			kind === 'folder'
				? { kind, folderId: id }
				: kind === 'library'
					? { kind, libraryId: id }
					: { kind: 'document', documentId: id };
		return {
			target: { restoreSessionId: session.id, siteId, pointInTime: session.pointInTime },
			selection: withVersion(this, selection, itemIndex),
		};
	} catch (error) {
		throw (await pointInTimeProblem(this, session, itemIndex)) ?? error;
	}
}

/**
 * Where Get Many lists: a folder or a library's top given by address (the site from it), or a
 * folder or library ID with the Site.
 */
export async function getSiteBrowseTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<{ target: SiteDocumentsInSession; parentId: string; isLibrary: boolean }> {
	const session = await scope.sessionFor(itemIndex, 'Vesp');
	const name = 'sharePointFolder';
	const locator = readLocator.call(this, name, itemIndex);
	const value = String(locator.value ?? '').trim();
	const inSession = (siteId: string) => ({
		restoreSessionId: session.id,
		siteId,
		pointInTime: session.pointInTime,
	});
	try {
		if (locator.mode !== 'url') {
			const id = plainId(this, name, value, itemIndex);
			requireSite(this, itemIndex);
			const target = inSession(await resolveSiteId.call(this, session.id, itemIndex));
			const libraries = await listLibraries.call(this, target, { itemIndex });
			const isLibrary = libraries.some((library) => String(library.id) === id);
			return { target, parentId: id, isLibrary };
		}
		const wanted = documentPathOf(value);
		if (!wanted) {
			throw parameterError(
				this,
				name,
				`"${value.slice(0, 80)}" is not the address of a SharePoint folder or library`,
				`Copy the address of the folder or library from SharePoint, e.g. ${EXAMPLE_URL.replace(/\/[^/]*$/, '')}.`,
				itemIndex,
			);
		}
		const { siteId, rest } = await siteOfUrl(this, session, name, wanted, itemIndex);
		const target = inSession(siteId);
		const library = await libraryOf(this, target, name, rest, itemIndex);
		const parentId = await walkFolders(
			this,
			target,
			name,
			library.libraryId,
			library.rest,
			itemIndex,
		);
		return { target, parentId, isLibrary: library.rest.length === 0 };
	} catch (error) {
		throw (await pointInTimeProblem(this, session, itemIndex)) ?? error;
	}
}
