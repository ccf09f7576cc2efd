import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listSiteFolderContent } from '../../api/sharePoint';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import { siteBrowseFields } from '../../descriptions/sharePointDocument.descriptions';
import { getSiteBrowseTarget } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getRequestSettings, getResultLimit } from '../options';
import { selectionContext } from './documentOutput';

const properties: INodeProperties[] = [
	...siteBrowseFields,
	{
		displayName: 'Include Folders',
		name: 'includeFolders',
		type: 'boolean',
		default: true,
		description: 'Whether the folders inside are listed too (before the documents)',
	},
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const { target, parentId } = await getSiteBrowseTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const limit = getResultLimit.call(this, itemIndex);
	const folders = this.getNodeParameter('includeFolders', itemIndex, true)
		? await listSiteFolderContent.call(this, target, 'Folders', parentId, settings, limit)
		: [];
	const left = limit === undefined ? undefined : limit - folders.length;
	const documents =
		left === undefined || left > 0
			? await listSiteFolderContent.call(this, target, 'Documents', parentId, settings, left)
			: [];
	const context = { ...selectionContext(target), parentId };
	const plain = (item: Record<string, unknown>) => {
		const { _links: links, _actions: actions, ...fields } = item;
		void links;
		void actions;
		return fields;
	};
	return [
		...folders.map((folder) => ({ json: { ...plain(folder), ...context, isFolder: true } })),
		...documents.map((document) => ({
			json: { ...plain(document), ...context, isFolder: false },
		})),
	];
}
