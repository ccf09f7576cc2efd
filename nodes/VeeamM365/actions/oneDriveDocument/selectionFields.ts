import type { INodeProperties } from 'n8n-workflow';

import {
	documentFolderLocator,
	documentIdsField,
	oneDriveLocator,
	oneDriveSessionFields,
} from '../../descriptions/oneDrive.descriptions';

/** What Save and Send work on: documents (optionally one version), folders or the whole OneDrive. */
export const selectionFields: INodeProperties[] = [
	...oneDriveSessionFields,
	oneDriveLocator,
	{
		displayName: 'Restore',
		name: 'saveWhat',
		type: 'options',
		default: 'documents',
		options: [
			{
				name: 'Documents',
				value: 'documents',
				description: 'One or more documents by ID, e.g. from a Search',
			},
			{
				name: 'Folder',
				value: 'folder',
				description: 'A folder with everything in it, by its path',
			},
			{
				name: 'Several Folders',
				value: 'folders',
				description: 'Folders by ID, e.g. from a Get Many, in one request',
			},
			{
				name: 'Whole OneDrive',
				value: 'oneDrive',
				description: 'Every file of the OneDrive',
			},
		],
	},
	{ ...documentIdsField, displayOptions: { show: { saveWhat: ['documents'] } } },
	{
		displayName: 'Version',
		name: 'versionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3',
		description:
			'The version of the document (its "versionId" in VB365\'s version list). Leave empty for the version at the restore point.',
		displayOptions: { show: { saveWhat: ['documents'] } },
	},
	{ ...documentFolderLocator(false), displayOptions: { show: { saveWhat: ['folder'] } } },
	{
		displayName: 'Folder IDs',
		name: 'folderIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. the ID of each folder Get Many lists',
		description:
			'The ID of each folder (commas or new lines between them, or an array); every file in them is restored, each keeping its path',
		displayOptions: { show: { saveWhat: ['folders'] } },
	},
];
