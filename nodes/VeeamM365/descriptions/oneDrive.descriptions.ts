import type { INodeProperties } from 'n8n-workflow';

import { sessionFieldsFor } from './common.descriptions';

/** The session fields of the OneDrive operations, with a OneDrive (Veod) session list. */
export const oneDriveSessionFields = sessionFieldsFor(
	'Veod',
	'A OneDrive',
	'searchOneDriveSessions',
	'Whether documents deleted before the restore point can be found too',
);

export const oneDriveLocator: INodeProperties = {
	displayName: 'OneDrive',
	name: 'oneDriveId',
	type: 'resourceLocator',
	default: { mode: 'email', value: '' },
	required: true,
	description: 'The backed-up OneDrive, given by the sign-in address of its owner',
	modes: [
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. anna.meier@contoso.com',
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select the OneDrive...',
			typeOptions: { searchListMethod: 'searchOneDrives', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f0c2a5e-8d1b-4c7e-9a64-2b5d7e1f0c93',
		},
	],
};

export function documentFolderLocator(optional: boolean): INodeProperties {
	return {
		displayName: 'Folder',
		name: 'documentFolderId',
		type: 'resourceLocator',
		default: { mode: 'path', value: '' },
		required: !optional,
		description: optional
			? 'Only in this folder and below. Leave empty for the whole OneDrive.'
			: 'The folder, as a path from the top of the OneDrive (leave empty in Get Many for the top)',
		modes: [
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: 'e.g. Projects/Fabrikam',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. the "id" of a folder Get Many lists',
			},
		],
	};
}

export const documentIdsField: INodeProperties = {
	displayName: 'Document IDs',
	name: 'documentIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5f2c1e0a-9b3d-4e8f-a1c2-6d7e8f9a0b1c (map the ID field of a Search result)',
	description:
		'The ID of each document, as Search or Get Many return it. Several IDs (commas or new lines between them, or an array) are handled in one request.',
};
