import type { IDataObject } from 'n8n-workflow';

import type { SiteDocumentSelection } from '../../api/sharePoint';
import type { SiteDocumentsInSession } from '../../restore/sharePointDocumentTarget';

/** Where the files came from, for the output and for the next node. */
export function selectionContext(
	target: SiteDocumentsInSession,
	selection?: SiteDocumentSelection,
): IDataObject {
	return {
		restoreSessionId: target.restoreSessionId,
		siteId: target.siteId,
		...(selection?.kind === 'document'
			? { documentId: selection.documentId, versionId: selection.versionId }
			: {}),
		...(selection?.kind === 'folder' ? { folderId: selection.folderId } : {}),
		...(selection?.kind === 'library' ? { libraryId: selection.libraryId } : {}),
		...(target.pointInTime ? { pointInTime: target.pointInTime } : {}),
	};
}

/** One sentence for a ticket comment. */
export function siteSummary(
	verb: 'Restored' | 'Sent',
	what: string,
	target: SiteDocumentsInSession,
	extra: { to?: string; fileNames?: string[] } = {},
): string {
	const to = extra.to ? ` to ${extra.to}` : '';
	const when =
		target.pointInTime === undefined
			? ''
			: target.pointInTime === 'latest'
				? ' as of the latest backup'
				: ` as of ${target.pointInTime}`;
	const files = extra.fileNames?.length ? `: ${extra.fileNames.join(', ')}` : '';
	return `${verb} ${what} from SharePoint${to}${when} (restore session ${target.restoreSessionId})${files}`;
}

/** "1 document", "version 512 of 1 document", "a folder", "a library". */
export function selectionWords(selection: SiteDocumentSelection): string {
	if (selection.kind !== 'document') return `a ${selection.kind}`;
	return selection.versionId === undefined
		? '1 document'
		: `version ${selection.versionId} of 1 document`;
}
