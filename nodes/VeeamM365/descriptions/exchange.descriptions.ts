import type { INodeProperties } from 'n8n-workflow';

import { sessionFieldsFor } from './common.descriptions';

/** The session fields of the Exchange operations, with an Exchange (Vex) session list. */
export const exchangeSessionFields = sessionFieldsFor(
	'Vex',
	'An Exchange',
	'searchExchangeSessions',
	'Whether mail deleted before the restore point (Deleted Items, Recoverable Items) can be found too',
);

export const mailboxLocator: INodeProperties = {
	displayName: 'Mailbox',
	name: 'mailboxId',
	type: 'resourceLocator',
	default: { mode: 'email', value: '' },
	required: true,
	description: 'The backed-up mailbox, e.g. the requester of the ticket',
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
			placeholder: 'Select a mailbox...',
			typeOptions: { searchListMethod: 'searchMailboxes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7a619cf6-b7e1-4141-951b-960a2fca061d',
		},
	],
};

export function folderLocator(optional: boolean): INodeProperties {
	return {
		displayName: 'Folder',
		name: 'folderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !optional,
		description: optional
			? 'Search only this folder, e.g. Deleted Items. Leave empty to search every folder of the mailbox.'
			: 'The mailbox folder, e.g. Inbox, Deleted Items or Recoverable Items',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a folder...',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Deleted Items',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. AAMkAGI2TG93AAA=',
			},
		],
	};
}

export const mailItemIdsField: INodeProperties = {
	displayName: 'Item IDs',
	name: 'mailItemIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. AAMkAGI2TG93AAA= (map the ID field of a Search result)',
	description:
		'The ID of each mail item, as Search or Get Many return it. Several IDs (commas or new lines between them, or an array) are handled in one request.',
};
