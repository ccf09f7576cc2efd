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
		version: [1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Save or send backed-up SharePoint item attachments from Veeam Backup for Microsoft 365',
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
				options: [
					{ name: 'Email Setting', value: 'emailSettings' },
					{ name: 'Restore Session', value: 'restoreSession' },
					{ name: 'SharePoint Item', value: 'sharePointItem' },
					{ name: 'SharePoint Item Attachment', value: 'sharePointItemAttachment' },
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
