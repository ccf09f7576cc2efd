import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { saveMailItems } from '../../api/exchange';
import type { DeliveredFile, DeliveryOutput } from '../../delivery';
import { archiveLimits, deliverDownload } from '../../delivery';
import {
	binaryPropertyField,
	downloadLimitFields,
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	simplifyField,
} from '../../descriptions/common.descriptions';
import {
	exchangeSessionFields,
	mailboxLocator,
	mailItemIdsField,
} from '../../descriptions/exchange.descriptions';
import { getMailboxTarget, readMailItemIds } from '../../restore/mailboxTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getBinaryPropertyName, getOptions } from '../options';
import { mailContext, mailSummary } from './mailOutput';

interface MailFile {
	id: string;
	/** A stand-in: the file takes the name the server gives it (the subject). */
	name: string;
	sizeBytes?: number;
}

const OUTPUTS: Record<string, DeliveryOutput> = {
	perMail: 'perFile',
	perItem: 'oneItem',
	zip: 'archive',
};

const properties: INodeProperties[] = [
	...exchangeSessionFields,
	mailboxLocator,
	mailItemIdsField,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perMail',
		options: [
			{
				name: 'One Item per Mail',
				value: 'perMail',
				description: 'Each .msg file becomes its own item, ready to attach to a ticket',
			},
			{
				name: 'All Mails on One Item',
				value: 'perItem',
				description: 'One item with a binary field per .msg file, e.g. data_0, data_1',
			},
			{
				name: 'ZIP Archive as Returned',
				value: 'zip',
				description:
					'For several items, the archive of .msg files exactly as VB365 sent it (one item gives its .msg file)',
			},
		],
	},
	binaryPropertyField,
	simplifyField,
	optionsCollection([...requestOptionFields, parallelItemsField, ...downloadLimitFields]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['saveAsMsg'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const itemIds = readMailItemIds.call(this, itemIndex);
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	let output = OUTPUTS[this.getNodeParameter('output', itemIndex, 'perMail') as string];
	// One item comes back as the bare .msg file, not an archive.
	if (output === 'archive' && itemIds.length === 1) output = 'perFile';
	const target = await getMailboxTarget.call(this, itemIndex, scope);

	const download = await saveMailItems.call(this, target, itemIds, {
		retries: options.retries,
		timeoutMs: options.timeoutMs,
		itemIndex,
	});
	const files: MailFile[] = itemIds.map((id) => ({ id, name: `${id}.msg` }));
	const context = { ...mailContext(target), apiVersion: download.apiVersion };
	const summaryOf = (names: string[]) =>
		mailSummary('Restored', itemIds.length, target, { fileNames: names });
	const describe = ({ file, binary }: DeliveredFile<MailFile>): IDataObject => ({
		itemId: file.id,
		fileName: binary.fileName,
		mimeType: binary.mimeType,
		fileSize: binary.fileSize,
	});

	return await deliverDownload(this, download.response, {
		output,
		binaryPropertyName,
		wanted: files,
		inArchive: files,
		limits: archiveLimits(files, options),
		fallbackName: 'mail.msg',
		isUnnamed: () => true,
		acceptUnsizedRawFile: true,
		archiveName: 'mail-items.zip',
		what: 'mail items',
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => {
				const summary = summaryOf([String(binary.fileName)]);
				return simplify
					? { fileName: binary.fileName, summary }
					: { ...context, itemIds, fileName: binary.fileName, summary };
			},
			perFile: (delivered, all) => {
				const summary = summaryOf(all.map((one) => String(one.binary.fileName)));
				return simplify
					? { fileName: delivered.binary.fileName, summary }
					: { ...describe(delivered), ...context, summary };
			},
			oneItem: (all) => {
				const summary = summaryOf(all.map((one) => String(one.binary.fileName)));
				return simplify
					? { fileNames: all.map((one) => one.binary.fileName), summary }
					: {
							...context,
							mails: all.map((one) => ({
								...describe(one),
								binaryPropertyName: one.binaryPropertyName,
							})),
							summary,
						};
			},
		},
	});
}
