import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as save from './save.operation';
import * as search from './search.operation';
import * as send from './send.operation';

export { getAll, save, search, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sharePointDocument'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the backed-up documents and folders of a library or folder',
				action: 'Get many site documents',
			},
			{
				name: 'Save',
				value: 'save',
				description:
					'Restore a document (or a version of it), a folder or a library as files for the next nodes',
				action: 'Save site documents',
			},
			{
				name: 'Search',
				value: 'search',
				description:
					'Find backed-up documents in a library or folder by file name, modification date or a Veeam query',
				action: 'Search site documents',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Have VB365 email a restored document, folder or library to an address',
				action: 'Send site documents',
			},
		],
		default: 'save',
	},
	...getAll.description,
	...save.description,
	...search.description,
	...send.description,
];
