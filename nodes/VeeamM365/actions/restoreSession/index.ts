import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';

export { get, getAll, start, stop };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['restoreSession'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a restore session',
				action: 'Get a restore session',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List restore sessions',
				action: 'Get many restore sessions',
			},
			{
				name: 'Start',
				value: 'start',
				description: "Open an organization's SharePoint backup at a point in time",
				action: 'Start a restore session',
			},
			{
				name: 'Stop',
				value: 'stop',
				description: 'Stop a restore session',
				action: 'Stop a restore session',
			},
		],
		default: 'start',
	},
	...start.description,
	...get.description,
	...getAll.description,
	...stop.description,
];
