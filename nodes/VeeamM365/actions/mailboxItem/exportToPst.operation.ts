import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { PstScope } from '../../api/exchange';
import { exportMailToPst, PST_LIMIT_GB } from '../../api/exchange';
import { archiveLimits, deliverDownload } from '../../delivery';
import { optionsCollection, requestOptionFields } from '../../descriptions/common.descriptions';
import {
	exchangeSessionFields,
	folderLocator,
	mailboxLocator,
	mailItemIdsField,
} from '../../descriptions/exchange.descriptions';
import { getMailboxTarget, readMailItemIds, resolveFolderId } from '../../restore/mailboxTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getBinaryPropertyName, getOptions } from '../options';
import { mailContext, mailSummary } from './mailOutput';

const properties: INodeProperties[] = [
	{
		displayName:
			'VB365 writes PST files with Microsoft Outlook: 64-bit Outlook must be installed on the VB365 server that runs restore sessions. Save as MSG needs no Outlook.',
		name: 'pstNotice',
		type: 'notice',
		default: '',
	},
	...exchangeSessionFields,
	mailboxLocator,
	{
		displayName: 'Export',
		name: 'pstScope',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'Chosen Items', value: 'items' },
			{ name: 'One Folder', value: 'folder' },
			{ name: 'The Whole Mailbox', value: 'mailbox' },
		],
	},
	{ ...mailItemIdsField, displayOptions: { show: { pstScope: ['items'] } } },
	{ ...folderLocator(false), displayOptions: { show: { pstScope: ['folder'] } } },
	{
		displayName: 'PST Size Limit (GB)',
		name: 'pstSizeLimitGb',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: PST_LIMIT_GB.max },
		description:
			'Split the export into PST files of at most this size (1 to 49 GB); each part becomes its own item. 0 means one PST file.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the PST file in',
	},
	optionsCollection(requestOptionFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mailboxItem'], operation: ['exportToPst'] } },
	properties,
);

function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = Number(ctx.getNodeParameter('pstSizeLimitGb', itemIndex, 0));
	if (value === 0) return 0;
	if (!Number.isFinite(value) || value < PST_LIMIT_GB.min || value > PST_LIMIT_GB.max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${value}" is not a PST size limit VB365 takes [parameter "PST Size Limit (GB)"]`,
			{ itemIndex, description: 'Use 1 to 49 (GB), or 0 for one PST file without a limit.' },
		);
	}
	return value;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const kind = this.getNodeParameter('pstScope', itemIndex, 'items') as PstScope['kind'];
	const limitGb = readLimit(this, itemIndex);
	const binaryPropertyName = getBinaryPropertyName.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex);
	const itemIds = kind === 'items' ? readMailItemIds.call(this, itemIndex) : [];
	const target = await getMailboxTarget.call(this, itemIndex, scope);
	const pstScope: PstScope =
		kind === 'items'
			? { kind, itemIds }
			: kind === 'folder'
				? { kind, folderId: (await resolveFolderId.call(this, target, itemIndex, false)) as string }
				: { kind: 'mailbox' };
	const download = await exportMailToPst.call(this, target, pstScope, limitGb, {
		itemIndex,
		retries: options.retries,
		timeoutMs: options.timeoutMs,
	});
	const context: IDataObject = {
		...mailContext(target),
		apiVersion: download.apiVersion,
		export: kind,
	};
	if (kind === 'items') context.itemIds = itemIds;
	const placeholder = { name: `${target.mailboxEmail ?? 'mailbox'}.pst` };
	return await deliverDownload(this, download.response, {
		output: 'perFile',
		binaryPropertyName,
		wanted: [placeholder],
		inArchive: [placeholder],
		limits: archiveLimits([placeholder], options),
		fallbackName: 'mailbox.pst',
		isUnnamed: () => true,
		acceptUnsizedRawFile: true,
		extraFile: (name) => ({ name }),
		archiveName: 'pst-export.zip',
		what: 'PST export',
		timeoutMs: options.timeoutMs,
		itemIndex,
		json: {
			archive: (binary) => ({ ...context, fileName: binary.fileName }),
			perFile: (delivered, all) => ({
				...context,
				fileName: delivered.binary.fileName,
				fileSize: delivered.binary.fileSize,
				part: all.indexOf(delivered) + 1,
				parts: all.length,
				summary: mailSummary('Exported', kind === 'items' ? itemIds.length : kind, target, {
					fileNames: all.map((one) => String(one.binary.fileName)),
					toPst: true,
				}),
			}),
			oneItem: (all) => ({ ...context, fileNames: all.map((one) => one.binary.fileName) }),
		},
	});
}
