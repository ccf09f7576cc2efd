import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSiteDocument, saveSiteDocuments } from '../../api/sharePoint';
import { siteDocumentSelectionFields } from '../../descriptions/sharePointDocument.descriptions';
import { getSiteDocumentSelection } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import type { SavedFile } from '../fileSave';
import { deliverSavedFiles, fileSaveFields, listedFile } from '../fileSave';
import { getOptions } from '../options';
import { selectionContext, selectionWords, siteSummary } from './documentOutput';

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['save'] } },
	[
		...siteDocumentSelectionFields,
		...fileSaveFields(
			'For a folder or library, the archive exactly as VB365 sent it (a document gives its file)',
		),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	const { target, selection } = await getSiteDocumentSelection.call(this, itemIndex, scope);
	const settings = { retries: options.retries, timeoutMs: options.timeoutMs, itemIndex };
	const files: SavedFile[] = [];
	if (selection.kind === 'document') {
		const { documentId, versionId } = selection;
		const listed = await getSiteDocument.call(this, target, documentId, versionId, settings);
		files.push(listedFile(documentId, listed));
	}
	return await deliverSavedFiles.call(this, itemIndex, {
		files,
		single: selection.kind === 'document',
		unlisted: selection.kind !== 'document',
		download: async () => await saveSiteDocuments.call(this, target, selection, settings),
		context: selectionContext(target, selection),
		versionId: selection.kind === 'document' ? selection.versionId : undefined,
		summary: (fileNames) =>
			siteSummary('Restored', selectionWords(selection), target, { fileNames }),
		what: selection.kind,
	});
}
