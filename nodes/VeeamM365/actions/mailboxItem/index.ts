import type { INodeProperties } from 'n8n-workflow';

import * as exportToPst from './exportToPst.operation';
import * as getAll from './getAll.operation';
import * as saveAsMsg from './saveAsMsg.operation';
import * as search from './search.operation';
import * as sendToAddress from './sendToAddress.operation';
import * as sendToOwner from './sendToOwner.operation';

export { exportToPst, getAll, saveAsMsg, search, sendToAddress, sendToOwner };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mailboxItem'] } },
		options: [
			{
				name: 'Export to PST',
				value: 'exportToPst',
				description:
					'Export mail items, a folder or the mailbox as Outlook PST files (needs 64-bit Outlook on the VB365 server)',
				action: 'Export mail to PST',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the backed-up mail items of a mailbox folder',
				action: 'Get many mail items',
			},
			{
				name: 'Save as MSG',
				value: 'saveAsMsg',
				description: 'Restore mail items as Outlook .msg files for the next nodes',
				action: 'Save mail items as MSG',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Find backed-up mail by subject, sender, date or a Veeam query',
				action: 'Search mail items',
			},
			{
				name: 'Send to Address',
				value: 'sendToAddress',
				description: 'Have VB365 email the restored mail items to an address',
				action: 'Send mail items to an address',
			},
			{
				name: 'Send to Mailbox Owner',
				value: 'sendToOwner',
				description: 'Have VB365 email the restored mail items back to their mailbox',
				action: 'Send mail items to the mailbox owner',
			},
		],
		default: 'search',
	},
	...search.description,
	...getAll.description,
	...saveAsMsg.description,
	...sendToOwner.description,
	...sendToAddress.description,
	...exportToPst.description,
];
