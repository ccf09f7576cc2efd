import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { DeliveredFile, DeliveryOutput } from '../delivery';
import {
	archiveLimits,
	assertFitsBinaryStore,
	deliverDownload,
	splitEntryPath,
	unlistedArchiveLimits,
} from '../delivery';
import {
	binaryPropertyField,
	databaseFileLimitField,
	downloadLimitFields,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	simplifyField,
} from '../descriptions/common.descriptions';
import type { StreamedResponse } from '../transport';
import { getBinaryPropertyName, getOptions } from './options';

/**
 * The Save operation of every file service (OneDrive, SharePoint documents, Teams files): its
 * Output choice and options, and the one way its download becomes items.
 */

export interface SavedFile {
	/** Undefined for files found in a folder archive. */
	documentId?: string;
	name: string;
	sizeBytes?: number;
	/** Where the file sits inside a saved folder, e.g. "Projects/Fabrikam"; "" at its top. */
	folderPath?: string;
}

const OUTPUTS: Record<string, DeliveryOutput> = {
	perFile: 'perFile',
	perItem: 'oneItem',
	zip: 'archive',
};

/** Output, output field, Simplify and Options of a file Save; `zipDescription` says when a ZIP comes. */
export function fileSaveFields(zipDescription: string): INodeProperties[] {
	return [
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
				{ name: 'ZIP Archive as Returned', value: 'zip', description: zipDescription },
			],
		},
		binaryPropertyField,
		simplifyField,
		optionsCollection([
			...requestOptionFields,
			parallelItemsField,
			...downloadLimitFields,
			databaseFileLimitField,
		]),
	];
}

/** A file as a listing gives it (name, size), for checks before and after the download. */
export function listedFile(documentId: string, listed: IDataObject): SavedFile {
	const size = listed.sizeBytes;
	return {
		documentId,
		name: typeof listed.name === 'string' && listed.name !== '' ? listed.name : documentId,
		sizeBytes: typeof size === 'number' && Number.isFinite(size) ? size : undefined,
	};
}

export interface FileSave {
	/** The files VB365 listed for the selection; empty for a folder or library. */
	files: SavedFile[];
	/** Whether one file (answered raw, so a ZIP output gives that file). */
	single: boolean;
	/** Whether the archive holds files that were not listed (a folder or library). */
	unlisted: boolean;
	/** Starts the download, once the checks before it have passed. */
	download: () => Promise<{ response: StreamedResponse; inArchive: boolean; apiVersion: string }>;
	/** Where the files came from, on every output item. */
	context: IDataObject;
	versionId?: string | number;
	/** The one-line summary for the names of the files delivered. */
	summary: (fileNames: string[]) => string;
	/** For errors and the archive's name, e.g. "folder" or "documents". */
	what: string;
}

/** Reads the Save parameters of `itemIndex`, checks, downloads and delivers the files as items. */
export async function deliverSavedFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	save: FileSave,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	let output = OUTPUTS[this.getNodeParameter('output', itemIndex, 'perFile') as string];
	if (output === 'archive' && save.single) output = 'perFile';
	const { files } = save;
	await assertFitsBinaryStore(this, files, {
		limitMb: options.databaseFileLimitMb,
		oneArchive: output === 'archive',
		itemIndex,
	});

	const download = await save.download();
	const context = { ...save.context, apiVersion: download.apiVersion };
	const namesOf = (all: Array<DeliveredFile<SavedFile>>) =>
		all.map((one) => String(one.binary.fileName));
	const describe = ({ file, binary }: DeliveredFile<SavedFile>): IDataObject => ({
		...(file.documentId ? { documentId: file.documentId } : {}),
		...(file.folderPath !== undefined ? { folderPath: file.folderPath } : {}),
		fileName: binary.fileName,
		mimeType: binary.mimeType,
		fileSize: binary.fileSize,
	});
	const withPath = (delivered: DeliveredFile<SavedFile>) => {
		if (delivered.file.folderPath) delivered.binary.directory = delivered.file.folderPath;
		return delivered;
	};
	const unlisted = download.inArchive && save.unlisted;

	return await deliverDownload(this, download.response, {
		output,
		binaryPropertyName,
		wanted: files,
		inArchive: files,
		limits: unlisted ? unlistedArchiveLimits(options) : archiveLimits(files, options),
		fallbackName: 'document',
		answerIsRaw: !download.inArchive,
		...(unlisted
			? {
					extraFile: (entryName: string): SavedFile => {
						const { folderPath, name } = splitEntryPath(entryName);
						return { name, folderPath };
					},
				}
			: {}),
		archiveName: `${save.what}.zip`,
		what: save.what,
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => {
				const summary = save.summary([String(binary.fileName)]);
				return simplify
					? { fileName: binary.fileName, summary }
					: { ...context, fileName: binary.fileName, summary };
			},
			perFile: (delivered, all) => {
				const summary = save.summary(namesOf(all));
				withPath(delivered);
				return simplify
					? { fileName: delivered.binary.fileName, summary }
					: {
							...describe(delivered),
							...(save.versionId !== undefined ? { versionId: save.versionId } : {}),
							...context,
							summary,
						};
			},
			oneItem: (all) => {
				const summary = save.summary(namesOf(all));
				return simplify
					? { fileNames: namesOf(all), summary }
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
