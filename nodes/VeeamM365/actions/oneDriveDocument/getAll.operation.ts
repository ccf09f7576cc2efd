import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listFolderContent } from '../../api/oneDrive';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import {
	documentFolderLocator,
	oneDriveLocator,
	oneDriveSessionFields,
} from '../../descriptions/oneDrive.descriptions';
import { getOneDriveTarget, resolveDocumentFolder } from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getRequestSettings, getResultLimit } from '../options';
import { documentJson } from './documentOutput';

const properties: INodeProperties[] = [
	...oneDriveSessionFields,
	oneDriveLocator,
	documentFolderLocator(true),
	{
		displayName: 'Include Folders',
		name: 'includeFolders',
		type: 'boolean',
		default: true,
		description: 'Whether the folders inside the folder are listed too (before the documents)',
	},
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getOneDriveTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveDocumentFolder.call(this, target, itemIndex, true);
	const limit = getResultLimit.call(this, itemIndex);
	const folders = this.getNodeParameter('includeFolders', itemIndex, true)
		? await listFolderContent.call(this, target, 'Folders', folderId, settings, limit)
		: [];
	const left = limit === undefined ? undefined : limit - folders.length;
	const documents =
		left === undefined || left > 0
			? await listFolderContent.call(this, target, 'Documents', folderId, settings, left)
			: [];
	const parent = folderId === undefined ? {} : { folderId };
	return [
		...folders.map((folder) => ({
			json: { ...documentJson(folder, target), isFolder: true, ...parent },
		})),
		...documents.map((document) => ({
			json: { ...documentJson(document, target), isFolder: false, ...parent },
		})),
	];
}
