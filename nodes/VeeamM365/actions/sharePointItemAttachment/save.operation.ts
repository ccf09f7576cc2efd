import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { buildSaveRequest } from '../../helpers/attachmentRequests';
import type { AttachmentInfo } from '../../helpers/attachmentSelection';
import { hasServerName } from '../../helpers/attachmentSelection';
import { parseContentDisposition } from '../../helpers/contentDisposition';
import { sanitizeFileName, uniqueFileNames } from '../../helpers/fileName';
import { peekBytes } from '../../helpers/peek';
import { toNodeReadable } from '../../helpers/readable';
import { isZipSignature, readZipEntries, verifyZipStream, ZipLimitError } from '../../zip';
import type { StreamedResponse } from '../../transport';
import { getApiContext, veeamApiDownload } from '../../transport';
import {
	attachmentSelectionFields,
	itemLocator,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	restoreSessionFields,
	simplifyField,
	siteLocator,
} from '../../descriptions/common.descriptions';
import { restoreSummary } from '../../helpers/summary';
import type { ZipLimits } from '../../zip';
import { archiveLimits } from '../../helpers/archiveLimits';
import { getRequestSettings, getSelectedAttachments, restoreContext } from './shared';
import type { RestoreSessionScope } from '../restoreScope';
import { getItemTarget } from '../restoreScope';

type OutputMode = 'perAttachment' | 'perItem' | 'zip';

const properties: INodeProperties[] = [
	...restoreSessionFields,
	siteLocator,
	itemLocator,
	...attachmentSelectionFields,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perAttachment',
		options: [
			{
				name: 'One Item per Attachment',
				value: 'perAttachment',
				description: 'Each restored file becomes its own item, ready for an upload or ticket node',
			},
			{
				name: 'All Attachments on One Item',
				value: 'perItem',
				description: 'One item with a binary field per file, e.g. data_0, data_1',
			},
			{
				name: 'ZIP Archive as Returned',
				value: 'zip',
				description:
					'The archive exactly as the VB365 server sent it, after checking it is complete',
			},
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: 'With "All Attachments on One Item" this is the prefix: data_0, data_1, and so on',
	},
	simplifyField,
	optionsCollection([
		...requestOptionFields,
		parallelItemsField,
		{
			displayName: 'Max Compression Ratio',
			name: 'maxCompressionRatio',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description:
				'Refuse an archive entry that expands more than this many times its compressed size (protects against ZIP bombs; 0 turns the check off)',
		},
		{
			displayName: 'Max Total Size (MB)',
			name: 'maxTotalSizeMb',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Refuse a download that unpacks to more than this. 0 means no fixed limit; the sizes VB365 lists for the attachments are always enforced.',
		},
	]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointItemAttachment'], operation: ['save'] } },
	properties,
);

interface RestoredFile {
	attachment: AttachmentInfo;
	binary: IBinaryData;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getItemTarget.call(this, itemIndex, scope);
	const output = this.getNodeParameter('output', itemIndex, 'perAttachment') as OutputMode;
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const settings = getRequestSettings.call(this, itemIndex);
	const { attachments, available } = await getSelectedAttachments.call(this, target, itemIndex);
	const { version } = await getApiContext.call(this, itemIndex);
	const request = buildSaveRequest(version, target, attachments);
	const limits = getLimits.call(
		this,
		itemIndex,
		request.body.save === null ? available : attachments,
	);

	const response = await veeamApiDownload.call(this, {
		method: 'POST',
		...request,
		...settings,
		action: 'save the attachments',
		itemIndex,
	});
	const context = { ...restoreContext(target), apiVersion: version };
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;

	try {
		if (output === 'zip') {
			const binary = await storeArchive.call(this, response, target.itemId, limits);
			const summary = restoreSummary('Restored', attachments, target);
			const json = simplify
				? { fileName: binary.fileName, summary }
				: {
						...context,
						fileName: binary.fileName,
						attachments: attachments as unknown as IDataObject[],
						summary,
					};
			return [{ json, binary: { [binaryPropertyName]: binary } }];
		}
		const inArchive = request.body.save === null ? available : attachments;
		const files = await storeFiles.call(this, response, attachments, inArchive, limits);
		const summary = restoreSummary(
			'Restored',
			files.map((file) => file.attachment),
			target,
		);
		if (output === 'perItem') {
			const binary: Record<string, IBinaryData> = {};
			const described = files.map((file, index) => {
				binary[`${binaryPropertyName}_${index}`] = file.binary;
				return { ...describeFile(file), binaryPropertyName: `${binaryPropertyName}_${index}` };
			});
			const json = simplify
				? { fileNames: files.map((file) => file.binary.fileName), summary }
				: { ...context, attachments: described, summary };
			return [{ json, binary }];
		}
		return files.map((file) => ({
			json: simplify
				? { fileName: file.binary.fileName, sizeBytes: file.attachment.sizeBytes, summary }
				: { ...describeFile(file), ...context, summary },
			binary: { [binaryPropertyName]: file.binary },
		}));
	} catch (error) {
		destroyQuietly(response.body);
		throw new NodeOperationError(
			this.getNode(),
			downloadFailureMessage(error, settings.timeoutMs),
			{
				itemIndex,
				description: downloadFailureDescription(error),
			},
		);
	}
}

function getLimits(
	this: IExecuteFunctions,
	itemIndex: number,
	inArchive: AttachmentInfo[],
): ZipLimits {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const read = (name: string, label: string, fallback: number): number => {
		const value = Number(options[name] ?? fallback);
		if (!Number.isFinite(value) || value < 0) {
			throw new NodeOperationError(
				this.getNode(),
				`"${label}" must be a number from 0 [parameter "Options"]`,
				{ itemIndex, description: `Correct "${label}" under Options (0 turns the check off).` },
			);
		}
		return value;
	};
	return archiveLimits(inArchive, {
		maxCompressionRatio: read('maxCompressionRatio', 'Max Compression Ratio', 1000),
		maxTotalSizeMb: read('maxTotalSizeMb', 'Max Total Size (MB)', 0),
	});
}

function getBinaryPropertyName(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	// Names like __proto__ or constructor would clash with JavaScript's own object properties.
	if (name === '' || /[\s.[\]]/.test(name) || name in Object.prototype) {
		throw new NodeOperationError(
			this.getNode(),
			`"${name}" cannot name a binary field [parameter "Put Output File in Field"]`,
			{ itemIndex, description: 'Use letters, digits, "_" or "-", e.g. data or attachment.' },
		);
	}
	return name;
}

function describeFile(file: RestoredFile): IDataObject {
	const { attachment, binary } = file;
	return {
		id: attachment.id,
		name: attachment.name,
		sizeBytes: attachment.sizeBytes,
		url: attachment.url,
		fileName: binary.fileName,
		mimeType: binary.mimeType,
	};
}

async function storeArchive(
	this: IExecuteFunctions,
	response: StreamedResponse,
	itemId: string,
	limits: ZipLimits,
) {
	const header = response.headers['content-disposition'];
	const suggested = parseContentDisposition(Array.isArray(header) ? header[0] : header).fileName;
	const fileName = sanitizeFileName(suggested ?? '', `attachments-${itemId.slice(-12)}.zip`);
	const bytes = toNodeReadable(response.body, verifyZipStream(response.body, limits));
	return await this.helpers.prepareBinaryData(bytes, fileName, 'application/zip');
}

/**
 * Unpacks the archive entry by entry as it streams in. v2–v5 always return every attachment,
 * so entries that were not asked for are skipped.
 */
async function storeFiles(
	this: IExecuteFunctions,
	response: StreamedResponse,
	wanted: AttachmentInfo[],
	inArchive: AttachmentInfo[],
	limits: ZipLimits,
): Promise<RestoredFile[]> {
	const { head, stream } = await peekBytes(response.body, 4);
	if (!isZipSignature(head)) {
		// A bare file is only believable as the one attachment asked for, at its listed size.
		const size = wanted[0]?.sizeBytes;
		if (wanted.length !== 1 || size === undefined) {
			throw new Error('the server did not answer with a ZIP archive');
		}
		const fileName = sanitizeFileName(wanted[0].name, 'attachment');
		const binary = await this.helpers.prepareBinaryData(
			toNodeReadable(response.body, exactly(stream, size)),
			fileName,
		);
		return [{ attachment: wanted[0], binary }];
	}

	const byName = new Map(wanted.map((attachment) => [attachment.name.toLowerCase(), attachment]));
	const files: RestoredFile[] = [];
	const fileNames = uniqueFileNames(
		wanted.map((attachment) => sanitizeFileName(attachment.name, 'attachment')),
	);
	let position = -1;
	for await (const entry of readZipEntries(stream, limits)) {
		if (!entry.isDirectory) position++;
		const baseName = entry.name.split('/').pop() ?? entry.name;
		// Without a name from the listing, the entry's place in the archive says which it is.
		const unnamed =
			inArchive[position] && !hasServerName(inArchive[position]) ? inArchive[position] : undefined;
		const attachment =
			byName.get(entry.name.toLowerCase()) ??
			byName.get(baseName.toLowerCase()) ??
			(unnamed && byName.get(unnamed.name.toLowerCase()));
		if (entry.isDirectory || !attachment) {
			await entry.skip();
			continue;
		}
		byName.delete(attachment.name.toLowerCase());
		const fileName = hasServerName(attachment)
			? fileNames[wanted.indexOf(attachment)]
			: sanitizeFileName(entry.name, fileNames[wanted.indexOf(attachment)]);
		const binary = await this.helpers.prepareBinaryData(
			toNodeReadable(response.body, entry.data),
			fileName,
		);
		files.push({ attachment, binary });
	}
	if (byName.size > 0) {
		const absent = [...byName.values()].map((attachment) => `"${attachment.name}"`).join(', ');
		throw new Error(`the archive from the server lacks ${absent}`);
	}
	files.sort((a, b) => wanted.indexOf(a.attachment) - wanted.indexOf(b.attachment));
	return files;
}

/** Passes the bytes through and fails unless there are exactly `size` of them. */
async function* exactly(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
	let count = 0;
	for await (const chunk of source) {
		count += chunk.length;
		if (count > size) break;
		yield chunk;
	}
	if (count !== size) {
		throw new Error(
			`the server did not answer with a ZIP archive, and the answer is not the ${size}-byte file either`,
		);
	}
}

const LIMIT_OPTIONS: Record<string, string> = {
	maxCompressionRatio: 'Max Compression Ratio',
	maxTotalBytes: 'Max Total Size (MB)',
};

function downloadFailureDescription(error: unknown): string {
	if (error instanceof ZipLimitError) {
		const option = LIMIT_OPTIONS[error.limit];
		return option
			? `Nothing from this download was passed on. If you trust this server and the file, raise "${option}" under Options (0 turns the check off).`
			: 'Nothing from this download was passed on. The archive unpacks to more than the sizes VB365 listed for the attachments, so it was refused.';
	}
	return 'Nothing from this download was passed on. Run the node again: VB365 serves an interrupted save again from its temporary folder. If it keeps failing, check the server and the network in between.';
}

function downloadFailureMessage(error: unknown, timeoutMs: number): string {
	const text = (error as Error)?.message ?? String(error);
	const code = (error as { code?: string })?.code;
	if (error instanceof ZipLimitError) {
		const option = LIMIT_OPTIONS[error.limit];
		return `The archive from VB365 was refused: ${text}${option ? ` [option "${option}"]` : ''}`;
	}
	if (code === 'ETIMEDOUT') {
		return `The download from VB365 stopped: no data for ${timeoutMs / 1000} s, the "Timeout (Seconds)" option`;
	}
	if (
		code === 'ECONNRESET' ||
		code === 'ERR_STREAM_PREMATURE_CLOSE' ||
		/aborted|socket hang up/i.test(text)
	) {
		return 'The download from VB365 was interrupted before it was complete';
	}
	return `The attachments could not be restored: ${text}`;
}

function destroyQuietly(body: object): void {
	const destroy = (body as { destroy?: () => void }).destroy;
	if (typeof destroy === 'function') destroy.call(body);
}
