import type { INodeProperties } from 'n8n-workflow';

interface LocatorSpec {
	displayName: string;
	/** Not required: an empty value has a meaning (e.g. a Site taken from the Item URL). */
	optional?: boolean;
	name: string;
	idPlaceholder: string;
	description: string;
	searchListMethod: string;
	urlPlaceholder?: string;
}

/**
 * No locator mode carries a `validation` regex: n8n 2.x runs each one in a VM with a 250 ms
 * timeout before every execution, and on a busy worker that fails the whole execution
 * ("Regular expression execution timed out"). The node checks every value itself
 * (`restore/locators.ts`), with an error that names the parameter and the fix.
 */
function locator(spec: LocatorSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !spec.optional,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${/^[aeiou]/i.test(spec.displayName) ? 'an' : 'a'} ${spec.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlPlaceholder ?? '',
			},
		],
	};
	// Only sites, lists and items have SharePoint URLs.
	if (!spec.urlPlaceholder) property.modes = property.modes?.filter((mode) => mode.name !== 'url');
	return property;
}

export const organizationLocator = locator({
	displayName: 'Organization',
	name: 'organizationId',
	idPlaceholder: 'e.g. 8d3c1f6e-2b7a-4e41-9c55-0f3e8a6b7d21',
	description: 'The Microsoft 365 organization backed up by VB365',
	searchListMethod: 'searchOrganizations',
});

export const restoreSessionLocator = locator({
	displayName: 'Running Session',
	name: 'restoreSessionId',
	idPlaceholder: 'e.g. 9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	description:
		'A running SharePoint (Vesp) restore session, e.g. one started by the Restore Session → Start operation',
	searchListMethod: 'searchRestoreSessions',
});

export const siteLocator = locator({
	displayName: 'Site',
	name: 'siteId',
	optional: true,
	idPlaceholder: 'e.g. two GUIDs written together',
	description:
		'The SharePoint site (sub-sites included) in the backup. Leave it empty when the Item is given by URL: the site is taken from that URL.',
	searchListMethod: 'searchSites',
	urlPlaceholder: 'e.g. https://contoso.sharepoint.com/sites/Contracts',
});

export const listLocator = locator({
	displayName: 'List',
	name: 'listId',
	idPlaceholder: 'e.g. 03729225-435d-4f4c-9793-7ed186a89f7f',
	description: 'The SharePoint list in the site',
	searchListMethod: 'searchLists',
	urlPlaceholder: 'e.g. https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts',
});

export const itemLocator = locator({
	displayName: 'Item',
	name: 'itemId',
	idPlaceholder: 'e.g. the site ID followed by two more GUIDs',
	description: 'The SharePoint list item whose attachments to use',
	searchListMethod: 'searchItems',
	urlPlaceholder:
		'e.g. https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42',
});

/** What a new restore session opens: the organization's backup at a point in time. */
export const exploreFields: INodeProperties[] = [
	organizationLocator,
	{
		displayName: 'Point in Time',
		name: 'pointInTime',
		type: 'dateTime',
		default: '',
		description:
			'Restore the data as it was at this time (the latest backup before it is used). Leave empty for the latest backup.',
	},
	{
		displayName: 'Show Deleted Items',
		name: 'showDeleted',
		type: 'boolean',
		default: true,
		description:
			'Whether items deleted from SharePoint before the restore point can be restored too',
	},
	{
		displayName: 'Show All Versions',
		name: 'showAllVersions',
		type: 'boolean',
		default: false,
		description: 'Whether earlier versions of items are shown in the session',
	},
];

const SESSION_MODE_OPTIONS = [
	{
		name: 'Start One for This Run and Stop It Afterwards',
		value: 'startAndStop',
		description:
			'Opens the backup of an organization at a point in time, and always stops the session at the end, also when items fail',
	},
	{
		name: 'Use a Running Session',
		value: 'existing',
		description: 'A SharePoint restore session that is already running',
	},
];

/**
 * Where the restore session comes from; "startAndStop" makes one node do the whole job. Version 1
 * defaulted to "existing"; n8n stores only values that differ from the default, so that default
 * stays for version 1 nodes and 1.1 defaults to start-and-stop.
 */
export const restoreSessionFields: INodeProperties[] = [
	{
		displayName: 'Restore Session',
		name: 'restoreSessionMode',
		type: 'options',
		default: 'existing',
		options: SESSION_MODE_OPTIONS,
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Restore Session',
		name: 'restoreSessionMode',
		type: 'options',
		default: 'startAndStop',
		options: SESSION_MODE_OPTIONS,
		displayOptions: { hide: { '@version': [1] } },
	},
	{
		...restoreSessionLocator,
		displayOptions: { show: { restoreSessionMode: ['existing'] } },
	},
	...exploreFields.map((field) => ({
		...field,
		displayOptions: { show: { restoreSessionMode: ['startAndStop'] } },
	})),
];

/** Return All + Limit, as n8n's Get Many operations have them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const attachmentSelectionFields: INodeProperties[] = [
	{
		displayName: 'Attachments',
		name: 'attachmentSelection',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Every attachment of the item' },
			{
				name: 'Chosen From a List',
				value: 'byId',
				description: "Pick them from the item's attachments (or give their IDs by expression)",
			},
			{
				name: 'By File Name',
				value: 'byName',
				description: 'Type the file names, e.g. from the ticket',
			},
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
			loadOptionsDependsOn: [
				'restoreSessionMode',
				'restoreSessionId.value',
				'organizationId.value',
				'siteId.value',
				'itemId.value',
			],
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

/** Offered by operations that only read (see `runsInParallel` in the router). */
export const parallelItemsField: INodeProperties = {
	displayName: 'Parallel Items',
	name: 'parallelItems',
	type: 'number',
	default: 4,
	typeOptions: { minValue: 1, maxValue: 16 },
	description:
		'How many input items to work on at the same time. n8n opens a new connection for every request, so waiting for the server overlaps; 1 processes the items one after the other. Outputs keep the input order either way.',
};

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

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return only the file names and a one-line summary (what was restored, sizes, backup and session) instead of all details',
};

/** Where a save puts the restored file. */
export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** The limits a save of documents or mail applies to what it downloads and unpacks. */
/** n8n's per-file limit in database binary mode, checked against the listed sizes (binaryStoreLimit.ts). */
export const databaseFileLimitField: INodeProperties = {
	displayName: 'Database Mode File Limit (MB)',
	name: 'databaseFileLimitMb',
	type: 'number',
	default: 512,
	typeOptions: { minValue: 0 },
	description:
		'Only when n8n stores binary data in its database (the default in queue mode): the N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE of your n8n, which the node cannot read. A file VB365 lists as larger fails before it is downloaded. 0 turns the check off.',
};

export const downloadLimitFields: INodeProperties[] = [
	{
		displayName: 'Max Compression Ratio',
		name: 'maxCompressionRatio',
		type: 'number',
		default: 1000,
		typeOptions: { minValue: 0 },
		description:
			'Refuse an archive entry that expands more than this many times its compressed size (0 turns the check off)',
	},
	{
		displayName: 'Max Total Size (MB)',
		name: 'maxTotalSizeMb',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Refuse a download larger than this. 0 means no limit.',
	},
];

/**
 * The session fields of one Veeam Explorer's operations: its own running-session list and words.
 * `service` is "an Exchange", "a OneDrive", "a Teams"; `deleted` describes Show Deleted Items.
 */
export function sessionFieldsFor(
	type: string,
	service: string,
	searchListMethod: string,
	deleted: string,
): INodeProperties[] {
	return restoreSessionFields.map((field) => {
		if (field.name === 'restoreSessionId') {
			return {
				...field,
				description: `A running ${service.replace(/^an? /i, '')} (${type}) restore session`,
				modes: field.modes?.map((mode) =>
					mode.name === 'list'
						? { ...mode, typeOptions: { searchListMethod, searchable: true } }
						: mode,
				),
			};
		}
		if (field.name === 'restoreSessionMode') {
			return {
				...field,
				options: field.options?.map((option) =>
					'value' in option && option.value === 'existing'
						? { ...option, description: `${service} restore session that is already running` }
						: option,
				),
			};
		}
		if (field.name === 'showDeleted') return { ...field, description: deleted };
		return field;
	});
}
