import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { searchDocuments } from '../../api/oneDrive';
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
import { fileSearchFields, readFileSearch } from '../fileSearch';
import { getRequestSettings, getResultLimit } from '../options';
import { documentJson } from './documentOutput';

const properties: INodeProperties[] = [
	...oneDriveSessionFields,
	oneDriveLocator,
	documentFolderLocator(true),
	...fileSearchFields('e.g. Budget 2024.xlsx or Budget*'),
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['search'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const query = readFileSearch.call(this, itemIndex);
	const target = await getOneDriveTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveDocumentFolder.call(this, target, itemIndex, true);
	const found = await searchDocuments.call(
		this,
		target,
		query,
		folderId,
		settings,
		getResultLimit.call(this, itemIndex),
	);
	return found.map((item) => ({ json: { ...documentJson(item, target), query } }));
}
