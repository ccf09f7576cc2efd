import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSiteDocument, saveSiteDocuments } from '../../api/sharePoint';
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
import { siteDocumentSelectionFields } from '../../descriptions/sharePointDocument.descriptions';
import { getSiteDocumentSelection } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getBinaryPropertyName, getOptions } from '../options';
import { selectionContext, selectionWords, siteSummary } from './documentOutput';

interface DocumentFile {
	documentId?: string;
	name: string;
	sizeBytes?: number;
	/** Where the file sits inside a saved folder or library, e.g. "NDA/2024"; "" at its top. */
	folderPath?: string;
}

const OUTPUTS: Record<string, DeliveryOutput> = {
	perFile: 'perFile',
	perItem: 'oneItem',
	zip: 'archive',
};

const properties: INodeProperties[] = [
	...siteDocumentSelectionFields,
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
					'For a folder or library, the archive exactly as VB365 sent it (a document gives its file)',
			},
		],
	},
	binaryPropertyField,
	simplifyField,
	optionsCollection([...requestOptionFields, parallelItemsField, ...downloadLimitFields]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['save'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	let output = OUTPUTS[this.getNodeParameter('output', itemIndex, 'perFile') as string];
	const { target, selection } = await getSiteDocumentSelection.call(this, itemIndex, scope);
	const settings = { retries: options.retries, timeoutMs: options.timeoutMs, itemIndex };
	const files: DocumentFile[] = [];
	if (selection.kind === 'document') {
		const listed = await getSiteDocument.call(
			this,
			target,
			selection.documentId,
			selection.versionId,
			settings,
		);
		const size = listed.sizeBytes;
		files.push({
			documentId: selection.documentId,
			name:
				typeof listed.name === 'string' && listed.name !== '' ? listed.name : selection.documentId,
			sizeBytes: typeof size === 'number' && Number.isFinite(size) ? size : undefined,
		});
		// One document comes back as the bare file, not an archive.
		if (output === 'archive') output = 'perFile';
	}

	const download = await saveSiteDocuments.call(this, target, selection, settings);
	const where = { ...selectionContext(target, selection), apiVersion: download.apiVersion };
	const summaryOf = (names: string[]) =>
		siteSummary('Restored', selectionWords(selection), target, { fileNames: names });
	const version = selection.kind === 'document' ? selection.versionId : undefined;
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

	return await deliverDownload(this, download.response, {
		output,
		binaryPropertyName,
		wanted: files,
		inArchive: files,
		limits: download.inArchive ? unlistedArchiveLimits(options) : archiveLimits(files, options),
		fallbackName: 'document',
		answerIsRaw: !download.inArchive,
		...(download.inArchive
			? {
					extraFile: (entryName: string): DocumentFile => {
						const { folderPath, name } = splitEntryPath(entryName);
						return { name, folderPath };
					},
				}
			: {}),
		archiveName: `${selection.kind}.zip`,
		what: selection.kind,
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => {
				const text = summaryOf([String(binary.fileName)]);
				return simplify
					? { fileName: binary.fileName, summary: text }
					: { ...where, fileName: binary.fileName, summary: text };
			},
			perFile: (delivered, all) => {
				const text = summaryOf(all.map((one) => String(one.binary.fileName)));
				withPath(delivered);
				return simplify
					? { fileName: delivered.binary.fileName, summary: text }
					: {
							...describe(delivered),
							...(version ? { versionId: version } : {}),
							...where,
							summary: text,
						};
			},
			oneItem: (all) => {
				const text = summaryOf(all.map((one) => String(one.binary.fileName)));
				return simplify
					? { fileNames: all.map((one) => one.binary.fileName), summary: text }
					: {
							...where,
							files: all.map((one) => ({
								...describe(withPath(one)),
								binaryPropertyName: one.binaryPropertyName,
							})),
							summary: text,
						};
			},
		},
	});
}
