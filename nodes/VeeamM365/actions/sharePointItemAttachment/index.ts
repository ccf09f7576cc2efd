import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as save from './save.operation';
import * as send from './send.operation';

export { getAll, save, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sharePointItemAttachment'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a backed-up item's attachments",
				action: 'Get many attachments',
			},
			{
				name: 'Save',
				value: 'save',
				description: 'Restore attachments as binary files for the next nodes',
				action: 'Save attachments',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Email attachments from the VB365 server',
				action: 'Send attachments',
			},
		],
		default: 'save',
	},
	...save.description,
	...send.description,
	...getAll.description,
];
