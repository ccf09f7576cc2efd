import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as sharePointItemAttachment from './actions/sharePointItemAttachment';
import { loadOptions } from './methods';

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
				options: [{ name: 'SharePoint Item Attachment', value: 'sharePointItemAttachment' }],
				default: 'sharePointItemAttachment',
			},
			...sharePointItemAttachment.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
