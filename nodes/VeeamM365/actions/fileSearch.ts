import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildDocumentQuery } from '../helpers/documentQuery';
import { parameterError } from '../restore/locators';
import { getOptionalDate } from './options';

/** File Name, Modified After/Before and Raw Query: the search of every file service. */
export function fileSearchFields(fileNamePlaceholder: string): INodeProperties[] {
	return [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: fileNamePlaceholder,
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
	];
}

/** The Veeam query of the search fields; refused when none is filled in. */
export function readFileSearch(this: IExecuteFunctions, itemIndex: number): string {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const query = buildDocumentQuery({
		fileName: text('fileName'),
		modifiedAfter: getOptionalDate.call(this, 'modifiedAfter', 'Modified After', itemIndex),
		modifiedBefore: getOptionalDate.call(this, 'modifiedBefore', 'Modified Before', itemIndex),
		raw: text('rawQuery'),
	});
	if (query === '') {
		throw parameterError(
			this,
			'fileName',
			'No search criteria given',
			'Fill in at least one of File Name, Modified After/Before or Raw Query. To list a folder, use Get Many.',
			itemIndex,
		);
	}
	return query;
}
