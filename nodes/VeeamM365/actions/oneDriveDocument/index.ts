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
		displayOptions: { show: { resource: ['oneDriveDocument'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the backed-up documents and folders of a OneDrive folder',
				action: 'Get many documents',
			},
			{
				name: 'Save',
				value: 'save',
				description:
					'Restore documents (or a version of one) or a folder as files for the next nodes',
				action: 'Save documents',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Find backed-up documents by file name, modification date or a Veeam query',
				action: 'Search documents',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Have VB365 email restored documents or a folder to an address',
				action: 'Send documents',
			},
		],
		default: 'search',
	},
	...search.description,
	...getAll.description,
	...save.description,
	...send.description,
];
