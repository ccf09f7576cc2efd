import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as sendTest from './sendTest.operation';

export { get, sendTest };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailSettings'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read the SharePoint explorer email settings and whether the server can send',
				action: 'Get email settings',
			},
			{
				name: 'Send Test Email',
				value: 'sendTest',
				description: 'Have the server send a test message',
				action: 'Send a test email',
			},
		],
		default: 'get',
	},
	...sendTest.description,
];
