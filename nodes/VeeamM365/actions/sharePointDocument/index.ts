import type { INodeProperties } from 'n8n-workflow';

import * as save from './save.operation';

export { save };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sharePointDocument'] } },
		options: [
			{
				name: 'Save',
				value: 'save',
				description:
					'Restore a document (or a version of it), a folder or a library as files for the next nodes',
				action: 'Save site documents',
			},
		],
		default: 'save',
	},
	...save.description,
];
