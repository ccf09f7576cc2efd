import type { INodeProperties } from 'n8n-workflow';

import { restoreSessionFields, siteLocator } from './common.descriptions';

const URL_MODE = (placeholder: string) => ({
	displayName: 'By URL',
	name: 'url',
	type: 'string' as const,
	placeholder,
});

const ID_MODE = {
	displayName: 'By ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. the "id" Get Many returns (needs the Site)',
};

/** From List needs the Site; documents and folders are found by a typed part of their name. */
const LIST_MODE = (searchListMethod: string, placeholder: string, nameRequired: boolean) => ({
	displayName: 'From List',
	name: 'list',
	type: 'list' as const,
	placeholder,
	typeOptions: {
		searchListMethod,
		searchable: true,
		...(nameRequired ? { searchFilterRequired: true } : {}),
	},
});

function documentLocator(
	name: string,
	displayName: string,
	description: string,
	placeholder: string,
	list: ReturnType<typeof LIST_MODE>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'url', value: '' },
		required: true,
		description,
		modes: [URL_MODE(placeholder), list, ID_MODE],
	};
}

const FOLDER_LIST = LIST_MODE('searchSiteFolders', 'Type part of the folder name...', true);

/** Site, what to restore, and the document, version, folder or library. */
export const siteDocumentSelectionFields: INodeProperties[] = [
	...restoreSessionFields,
	{
		...siteLocator,
		description:
			'The SharePoint site in the backup. Leave it empty when giving an address (By URL): the site is taken from it.',
	},
	{
		displayName: 'Restore',
		name: 'saveWhat',
		type: 'options',
		default: 'document',
		options: [
			{ name: 'Document', value: 'document', description: 'One document, or one version of it' },
			{ name: 'Folder', value: 'folder', description: 'A folder with everything in it' },
			{ name: 'Library', value: 'library', description: 'A whole document library' },
		],
	},
	{
		...documentLocator(
			'sharePointDocument',
			'Document',
			'The document, by its address as copied from SharePoint (encoded characters and "?web=1" are fine)',
			'e.g. https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx',
			LIST_MODE('searchSiteDocumentsList', 'Type part of the file name...', true),
		),
		displayOptions: { show: { saveWhat: ['document'] } },
	},
	{
		displayName: 'Version',
		name: 'versionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 512',
		description:
			'The version of the document (its "versionId" in VB365\'s version list). Leave empty for the version at the restore point.',
		displayOptions: { show: { saveWhat: ['document'] } },
	},
	{
		...documentLocator(
			'sharePointFolder',
			'Folder',
			'The folder, by its address in SharePoint',
			'e.g. https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA',
			FOLDER_LIST,
		),
		displayOptions: { show: { saveWhat: ['folder'] } },
	},
	{
		...documentLocator(
			'sharePointLibrary',
			'Library',
			'The document library, by its address in SharePoint',
			'e.g. https://contoso.sharepoint.com/sites/Legal/Shared%20Documents',
			LIST_MODE('searchSiteLibraries', 'Select a library...', false),
		),
		displayOptions: { show: { saveWhat: ['library'] } },
	},
];

/** Get Many: the site, and the folder or library whose content is listed. */
export const siteBrowseFields: INodeProperties[] = [
	...siteDocumentSelectionFields.slice(0, restoreSessionFields.length + 1),
	documentLocator(
		'sharePointFolder',
		'Folder or Library',
		'The folder or library to list, by its address in SharePoint (or its ID with the Site)',
		'e.g. https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA',
		FOLDER_LIST,
	),
];
