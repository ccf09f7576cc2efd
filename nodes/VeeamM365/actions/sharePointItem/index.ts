import type { INodeProperties } from 'n8n-workflow';

import * as search from './search.operation';

export { search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sharePointItem'] } },
		options: [
			{
				name: 'Search',
				value: 'search',
				description: 'Find list items in the backup by title or SharePoint item ID',
				action: 'Search items',
			},
		],
		default: 'search',
	},
	...search.description,
];
