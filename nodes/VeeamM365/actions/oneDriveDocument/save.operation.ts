import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { saveDocuments } from '../../api/oneDrive';
import type { DocumentSelection } from '../../api/oneDrive';
import type { DeliveredFile, DeliveryOutput } from '../../delivery';
import {
	archiveLimits,
	deliverDownload,
	splitEntryPath,
	unlistedArchiveLimits,
} from '../../delivery';
import {
	binaryPropertyField,
	downloadLimitFields,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	simplifyField,
} from '../../descriptions/common.descriptions';
import {
	getOneDriveTarget,
	readDocumentSelection,
	withListedDocuments,
} from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getBinaryPropertyName, getOptions } from '../options';
import { documentSummary, oneDriveContext, selectionWords } from './documentOutput';
import { selectionFields } from './selectionFields';

interface DocumentFile {
	/** Undefined for files found in a folder archive. */
	documentId?: string;
	name: string;
	sizeBytes?: number;
	/** Where the file sits inside a saved folder, e.g. "Fabrikam/Contracts"; "" at its top. */
	folderPath?: string;
}

const OUTPUTS: Record<string, DeliveryOutput> = {
	perFile: 'perFile',
	perItem: 'oneItem',
	zip: 'archive',
};

const properties: INodeProperties[] = [
	...selectionFields,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perFile',
		options: [
			{
				name: 'One Item per File',
				value: 'perFile',
				description:
					'Each file becomes its own item, ready to attach to a ticket; files of a folder keep their folder path',
			},
			{
				name: 'All Files on One Item',
				value: 'perItem',
				description: 'One item with a binary field per file, e.g. data_0, data_1',
			},
			{
				name: 'ZIP Archive as Returned',
				value: 'zip',
				description:
					'For several documents or a folder, the archive exactly as VB365 sent it (one document gives its file)',
			},
		],
	},
	binaryPropertyField,
	simplifyField,
	optionsCollection([...requestOptionFields, parallelItemsField, ...downloadLimitFields]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['save'] } },
	properties,
);

/** The files the save should bring, from the document listing (names and sizes). */
function listedFiles(selection: DocumentSelection): DocumentFile[] {
	if (selection.kind === 'folder') return [];
	return (selection.listed ?? []).map((document) => {
		const size = document.sizeBytes;
		const id = String(document.id);
		return {
			documentId: id,
			name: typeof document.name === 'string' && document.name !== '' ? document.name : id,
			sizeBytes: typeof size === 'number' && Number.isFinite(size) ? size : undefined,
		};
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	let output = OUTPUTS[this.getNodeParameter('output', itemIndex, 'perFile') as string];
	const target = await getOneDriveTarget.call(this, itemIndex, scope);
	const settings = { retries: options.retries, timeoutMs: options.timeoutMs, itemIndex };
	const selection = await withListedDocuments.call(
		this,
		target,
		await readDocumentSelection.call(this, target, itemIndex),
		settings,
	);
	const files = listedFiles(selection);
	const oneDocument = selection.kind === 'documents' && selection.documentIds.length === 1;
	// One document comes back as the bare file, not an archive.
	if (output === 'archive' && oneDocument) output = 'perFile';

	const download = await saveDocuments.call(this, target, selection, settings);
	const context = { ...oneDriveContext(target), apiVersion: download.apiVersion };
	const summaryOf = (names: string[]) =>
		documentSummary('Restored', selectionWords(selection), target, { fileNames: names });
	const describe = ({ file, binary }: DeliveredFile<DocumentFile>): IDataObject => ({
		...(file.documentId ? { documentId: file.documentId } : {}),
		...(file.folderPath !== undefined ? { folderPath: file.folderPath } : {}),
		fileName: binary.fileName,
		mimeType: binary.mimeType,
		fileSize: binary.fileSize,
	});
	const withPath = (delivered: DeliveredFile<DocumentFile>) => {
		if (delivered.file.folderPath) delivered.binary.directory = delivered.file.folderPath;
		return delivered;
	};
	const extra =
		selection.kind === 'folder'
			? {
					extraFile: (entryName: string): DocumentFile => {
						const { folderPath, name } = splitEntryPath(entryName);
						return { name, folderPath };
					},
				}
			: {};
	const version = selection.kind === 'documents' && selection.versionId;

	return await deliverDownload(this, download.response, {
		output,
		binaryPropertyName,
		wanted: files,
		inArchive: files,
		limits: download.inArchive
			? limitsFor(files, selection, options)
			: archiveLimits(files, options),
		fallbackName: 'document',
		answerIsRaw: !download.inArchive,
		...extra,
		archiveName: selection.kind === 'folder' ? 'folder.zip' : 'documents.zip',
		what: selection.kind === 'folder' ? 'folder' : 'documents',
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => {
				const summary = summaryOf([String(binary.fileName)]);
				return simplify
					? { fileName: binary.fileName, summary }
					: { ...context, fileName: binary.fileName, summary };
			},
			perFile: (delivered, all) => {
				const summary = summaryOf(all.map((one) => String(one.binary.fileName)));
				withPath(delivered);
				return simplify
					? { fileName: delivered.binary.fileName, summary }
					: {
							...describe(delivered),
							...(version ? { versionId: version } : {}),
							...context,
							summary,
						};
			},
			oneItem: (all) => {
				const summary = summaryOf(all.map((one) => String(one.binary.fileName)));
				return simplify
					? { fileNames: all.map((one) => one.binary.fileName), summary }
					: {
							...context,
							files: all.map((one) => ({
								...describe(withPath(one)),
								binaryPropertyName: one.binaryPropertyName,
							})),
							summary,
						};
			},
		},
	});
}

function limitsFor(
	files: DocumentFile[],
	selection: DocumentSelection,
	options: { maxCompressionRatio: number; maxTotalSizeMb: number },
) {
	return selection.kind === 'folder'
		? unlistedArchiveLimits(options)
		: archiveLimits(files, options);
}
