import type { INodeProperties } from 'n8n-workflow';

import { sessionFieldsFor } from './common.descriptions';

/** The session fields of the Teams operations, with a Teams (Vet) session list. */
export const teamsSessionFields = sessionFieldsFor(
	'Vet',
	'A Teams',
	'searchTeamsSessions',
	'Whether files deleted before the restore point are listed too',
);

export const teamLocator: INodeProperties = {
	displayName: 'Team',
	name: 'teamId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The backed-up team',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a team...',
			typeOptions: { searchListMethod: 'searchTeams', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Project Phoenix',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 6d5a1c2e-0f3b-4a7d-9e21-8c4b5f6a7d90',
		},
	],
};

export const channelLocator: INodeProperties = {
	displayName: 'Channel',
	name: 'channelId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The channel of the team whose files are restored',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a channel...',
			typeOptions: { searchListMethod: 'searchChannels', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. General',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2',
		},
	],
};

export function teamsFolderLocator(optional: boolean): INodeProperties {
	return {
		displayName: 'Folder',
		name: 'teamsFolderId',
		type: 'resourceLocator',
		default: { mode: 'path', value: '' },
		required: !optional,
		description: optional
			? "Only in this folder. Leave empty for the top of the channel's files."
			: "The folder, as a path from the top of the channel's files",
		modes: [
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: 'e.g. Specs/Drafts',
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

/** Session, team and channel: where every Teams file operation works. */
export const channelFields: INodeProperties[] = [
	...teamsSessionFields,
	teamLocator,
	channelLocator,
];

/** What Save and Send work on. */
export const teamsFileSelectionFields: INodeProperties[] = [
	...channelFields,
	{
		displayName: 'Restore',
		name: 'saveWhat',
		type: 'options',
		default: 'files',
		options: [
			{
				name: 'Files',
				value: 'files',
				description: 'One or more files (or folders) by ID, e.g. from a Search',
			},
			{
				name: 'Folder',
				value: 'folder',
				description: 'A folder of the channel with everything in it, by its path',
			},
			{
				name: 'Whole Channel',
				value: 'channel',
				description: 'Every file of the channel',
			},
		],
	},
	{
		displayName: 'File IDs',
		name: 'teamsFileIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5f2c1e0a-9b3d-4e8f-a1c2-6d7e8f9a0b1c (map the ID field of a Search result)',
		description:
			'The ID of each file or folder, as Search or Get Many return it. Several IDs (commas or new lines between them, or an array) are handled in one request.',
		displayOptions: { show: { saveWhat: ['files'] } },
	},
	{ ...teamsFolderLocator(false), displayOptions: { show: { saveWhat: ['folder'] } } },
];
