import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { saveDocuments } from '../../api/oneDrive';
import {
	getOneDriveTarget,
	readDocumentSelection,
	withListedDocuments,
} from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { deliverSavedFiles, fileSaveFields, listedFile } from '../fileSave';
import { getOptions } from '../options';
import { documentSummary, oneDriveContext, selectionWords } from './documentOutput';
import { selectionFields } from './selectionFields';

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['save'] } },
	[
		...selectionFields,
		...fileSaveFields(
			'For several documents, folders or the whole OneDrive, the archive exactly as VB365 sent it (one document gives its file)',
		),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	const target = await getOneDriveTarget.call(this, itemIndex, scope);
	const settings = { retries: options.retries, timeoutMs: options.timeoutMs, itemIndex };
	const selection = await withListedDocuments.call(
		this,
		target,
		await readDocumentSelection.call(this, target, itemIndex),
		settings,
	);
	const documents = selection.kind === 'documents';
	return await deliverSavedFiles.call(this, itemIndex, {
		files: documents
			? (selection.listed ?? []).map((listed) => listedFile(String(listed.id), listed))
			: [],
		single: documents && selection.documentIds.length === 1,
		unlisted: !documents,
		download: async () => await saveDocuments.call(this, target, selection, settings),
		context: oneDriveContext(target),
		versionId: documents ? selection.versionId : undefined,
		summary: (fileNames) =>
			documentSummary('Restored', selectionWords(selection), target, { fileNames }),
		what: documents ? 'documents' : selection.kind,
	});
}
