import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { searchSiteDocuments } from '../../api/sharePoint';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import { siteBrowseFields } from '../../descriptions/sharePointDocument.descriptions';
import { getSiteBrowseTarget } from '../../restore/sharePointDocumentTarget';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { fileSearchFields, readFileSearch } from '../fileSearch';
import { getRequestSettings, getResultLimit } from '../options';
import { selectionContext } from './documentOutput';

const properties: INodeProperties[] = [
	...siteBrowseFields,
	...fileSearchFields('e.g. Contoso NDA.docx or NDA*'),
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['sharePointDocument'], operation: ['search'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const query = readFileSearch.call(this, itemIndex);
	const { target, parentId, isLibrary } = await getSiteBrowseTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const where = { kind: isLibrary ? ('library' as const) : ('folder' as const), id: parentId };
	const found = await searchSiteDocuments.call(
		this,
		target,
		where,
		query,
		settings,
		getResultLimit.call(this, itemIndex),
	);
	const context = selectionContext(target);
	return found.map((item) => {
		const { _links: links, _actions: actions, ...fields } = item;
		void links;
		void actions;
		return { json: { ...fields, ...context, query } };
	});
}
