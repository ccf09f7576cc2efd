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
		displayOptions: { show: { resource: ['teamsFile'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the backed-up files and folders of a channel folder',
				action: 'Get many channel files',
			},
			{
				name: 'Save',
				value: 'save',
				description: 'Restore files, a folder or a whole channel as files for the next nodes',
				action: 'Save channel files',
			},
			{
				name: 'Search',
				value: 'search',
				description:
					'Find backed-up channel files by file name, modification date or a Veeam query',
				action: 'Search channel files',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Have VB365 email restored channel files to an address',
				action: 'Send channel files',
			},
		],
		default: 'search',
	},
	...search.description,
	...getAll.description,
	...save.description,
	...send.description,
];
