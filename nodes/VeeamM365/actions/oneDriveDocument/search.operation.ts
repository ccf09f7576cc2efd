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
import type { DocumentSearch } from '../../helpers/documentQuery';
import { buildDocumentQuery } from '../../helpers/documentQuery';
import { parameterError } from '../../restore/locators';
import { getOneDriveTarget, resolveDocumentFolder } from '../../restore/oneDriveTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getOptionalDate, getRequestSettings, getResultLimit } from '../options';
import { documentJson } from './documentOutput';

const properties: INodeProperties[] = [
	...oneDriveSessionFields,
	oneDriveLocator,
	documentFolderLocator(true),
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Budget 2024.xlsx or Budget*',
		description: 'The name of the file; * stands for any characters',
	},
	{
		displayName: 'Modified After',
		name: 'modifiedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only documents last modified on or after this day (UTC)',
	},
	{
		displayName: 'Modified Before',
		name: 'modifiedBefore',
		type: 'dateTime',
		default: '',
		description: 'Only documents last modified on or before this day (UTC)',
	},
	{
		displayName: 'Raw Query',
		name: 'rawQuery',
		type: 'string',
		default: '',
		placeholder: 'e.g. size:>1000000',
		description:
			"More criteria in Veeam's own item search syntax (criteria:value, see Appendix A of the VB365 User Guide), added to the fields above with AND",
	},
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['oneDriveDocument'], operation: ['search'] } },
	properties,
);

export function readSearch(this: IExecuteFunctions, itemIndex: number): DocumentSearch {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return {
		fileName: text('fileName'),
		modifiedAfter: getOptionalDate.call(this, 'modifiedAfter', 'Modified After', itemIndex),
		modifiedBefore: getOptionalDate.call(this, 'modifiedBefore', 'Modified Before', itemIndex),
		raw: text('rawQuery'),
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const query = buildDocumentQuery(readSearch.call(this, itemIndex));
	if (query === '') {
		throw parameterError(
			this,
			'fileName',
			'No search criteria given',
			'Fill in at least one of File Name, Modified After/Before or Raw Query. To list a folder, use Get Many.',
			itemIndex,
		);
	}
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
