import type { INodeProperties } from 'n8n-workflow';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function idLocator(
	displayName: string,
	name: string,
	guidCount: number,
	placeholder: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*(${GUID}){${guidCount}}\\s*$`,
							errorMessage: `Not a valid ${displayName}: expected ${guidCount} GUID${guidCount > 1 ? 's' : ''} written together`,
						},
					},
				],
			},
		],
	};
}

export const restoreSessionLocator = idLocator(
	'Restore Session',
	'restoreSessionId',
	1,
	'e.g. 9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	'A running SharePoint (Vesp) restore session',
);

export const siteLocator = idLocator(
	'Site',
	'siteId',
	2,
	'e.g. ef10cefb-…-d3702fc4ac8f6d7caa6b-…-8bf5b0b55ebd',
	'The SharePoint site inside the restore session',
);

export const itemLocator = idLocator(
	'Item',
	'itemId',
	4,
	'e.g. the site ID followed by two more GUIDs',
	'The SharePoint list item whose attachments to use',
);

export const attachmentSelectionFields: INodeProperties[] = [
	{
		displayName: 'Attachments',
		name: 'attachmentSelection',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Every attachment of the item' },
			{ name: 'Selected by ID', value: 'byId' },
			{ name: 'Selected by Name', value: 'byName' },
		],
	},
	{
		displayName: 'Attachment Names or IDs',
		name: 'attachmentIds',
		type: 'multiOptions',
		default: [],
		required: true,
		typeOptions: {
			loadOptionsMethod: 'getAttachments',
			loadOptionsDependsOn: ['restoreSessionId.value', 'siteId.value', 'itemId.value'],
		},
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { attachmentSelection: ['byId'] } },
	},
	{
		displayName: 'Attachment File Names',
		name: 'attachmentNames',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add File Name' },
		default: [],
		placeholder: 'e.g. contract.pdf',
		description: 'File names of the attachments to use, compared without regard to case',
		displayOptions: { show: { attachmentSelection: ['byName'] } },
	},
];

export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Retries on Server Errors',
		name: 'retries',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0, maxValue: 10 },
		description:
			'How many times to repeat a lookup or a save after a 5xx or 429 answer or a reset connection, waiting longer each time. A send is never repeated.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 300,
		typeOptions: { minValue: 1 },
		description: 'How long the server may stay silent before the request is given up',
	},
];

export function optionsCollection(fields: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: fields,
	};
}
