import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { saveAttachments } from '../../api/sharePoint';
import type { DeliveredFile, DeliveryOutput } from '../../delivery';
import { archiveLimits, assertFitsBinaryStore, deliverDownload } from '../../delivery';
import {
	databaseFileLimitField,
	attachmentSelectionFields,
	itemLocator,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	restoreSessionFields,
	simplifyField,
	siteLocator,
} from '../../descriptions/common.descriptions';
import type { AttachmentInfo } from '../../helpers/attachmentSelection';
import { hasServerName } from '../../helpers/attachmentSelection';
import { restoreSummary } from '../../helpers/summary';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getItemTarget } from '../../restore/sharePointTarget';
import { getBinaryPropertyName, getOptions } from '../options';
import { chooseAttachments, restoreContext } from './attachmentChoice';

/** The "Output" parameter's values, as the delivery path names them. */
const OUTPUTS: Record<string, DeliveryOutput> = {
	perAttachment: 'perFile',
	perItem: 'oneItem',
	zip: 'archive',
};

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
		databaseFileLimitField,
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getItemTarget.call(this, itemIndex, scope);
	const output = OUTPUTS[this.getNodeParameter('output', itemIndex, 'perAttachment') as string];
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const choice = await chooseAttachments.call(this, target, itemIndex);
	const { selected } = choice;

	await assertFitsBinaryStore(this, selected, {
		limitMb: options.databaseFileLimitMb,
		oneArchive: output === 'archive',
		itemIndex,
	});
	const download = await saveAttachments.call(this, target, choice, {
		retries: options.retries,
		timeoutMs: options.timeoutMs,
		itemIndex,
	});
	const context = { ...restoreContext(target), apiVersion: download.apiVersion };
	let summary: string | undefined;
	// Every output item carries the same one-line summary of all files.
	const summaryOf = (files: Array<DeliveredFile<AttachmentInfo>>) =>
		(summary ??= restoreSummary(
			'Restored',
			files.map((delivered) => delivered.file),
			target,
		));

	return await deliverDownload(this, download.response, {
		output,
		binaryPropertyName,
		wanted: selected,
		inArchive: download.inArchive,
		limits: archiveLimits(download.inArchive, options),
		fallbackName: 'attachment',
		isUnnamed: (attachment) => !hasServerName(attachment),
		archiveName: `attachments-${target.itemId.slice(-12)}.zip`,
		what: 'attachments',
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => {
				const line = restoreSummary('Restored', selected, target);
				return simplify
					? { fileName: binary.fileName, summary: line }
					: {
							...context,
							fileName: binary.fileName,
							attachments: selected as unknown as IDataObject[],
							summary: line,
						};
			},
			perFile: (delivered, all) =>
				simplify
					? {
							fileName: delivered.binary.fileName,
							sizeBytes: delivered.file.sizeBytes,
							summary: summaryOf(all),
						}
					: { ...describeFile(delivered), ...context, summary: summaryOf(all) },
			oneItem: (files) =>
				simplify
					? {
							fileNames: files.map((delivered) => delivered.binary.fileName),
							summary: summaryOf(files),
						}
					: {
							...context,
							attachments: files.map((delivered) => ({
								...describeFile(delivered),
								binaryPropertyName: delivered.binaryPropertyName,
							})),
							summary: summaryOf(files),
						},
		},
	});
}

function describeFile({ file, binary }: DeliveredFile<AttachmentInfo>): IDataObject {
	return {
		id: file.id,
		name: file.name,
		sizeBytes: file.sizeBytes,
		url: file.url,
		fileName: binary.fileName,
		mimeType: binary.mimeType,
	};
}
