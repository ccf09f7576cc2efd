import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as emailSettings from './actions/emailSettings';
import * as restoreSession from './actions/restoreSession';
import * as sharePointItem from './actions/sharePointItem';
import * as sharePointItemAttachment from './actions/sharePointItemAttachment';
import * as sharePointSite from './actions/sharePointSite';
import { listSearch, loadOptions } from './methods';

export class VeeamM365 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Veeam Backup for Microsoft 365',
		name: 'veeamM365',
		icon: { light: 'file:../../icons/veeam.svg', dark: 'file:../../icons/veeam.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The action in words, e.g. "Save attachments".
		subtitle:
			'={{ ({"sharePointItemAttachment":{"save":"Save attachments","send":"Send attachments","getAll":"Get many attachments"},"sharePointItem":{"search":"Search items"},"sharePointSite":{"getAll":"Get many sites"},"restoreSession":{"start":"Start session","stop":"Stop session","get":"Get session","getAll":"Get many sessions"},"emailSettings":{"get":"Get email settings","sendTest":"Send test email"}})[$parameter.resource]?.[$parameter.operation] ?? $parameter.operation }}',
		description:
			'Restore backed-up SharePoint item attachments from Veeam Backup for Microsoft 365: save them as files or have VB365 email them',
		defaults: { name: 'Veeam Backup for Microsoft 365' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'veeamM365Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// n8n's linter wants these sorted by name, and the node panel lists actions in this
				// order: "Attachment" puts the attachment actions first, which is what the node is for.
				options: [
					{
						name: 'Attachment',
						value: 'sharePointItemAttachment',
						description: 'Attachments of backed-up SharePoint list items',
					},
					{ name: 'Email Setting', value: 'emailSettings' },
					{ name: 'Restore Session', value: 'restoreSession' },
					{ name: 'SharePoint Item', value: 'sharePointItem' },
					{ name: 'SharePoint Site', value: 'sharePointSite' },
				],
				default: 'sharePointItemAttachment',
			},
			...sharePointItemAttachment.description,
			...restoreSession.description,
			...sharePointSite.description,
			...sharePointItem.description,
			...emailSettings.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
