import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as emailSettings from './actions/emailSettings';
import * as mailboxItem from './actions/mailboxItem';
import * as oneDriveDocument from './actions/oneDriveDocument';
import * as teamsFile from './actions/teamsFile';
import * as restoreSession from './actions/restoreSession';
import * as sharePointDocument from './actions/sharePointDocument';
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
			'={{ ({"sharePointItemAttachment":{"save":"Save attachments","send":"Send attachments","getAll":"Get many attachments"},"sharePointItem":{"search":"Search items"},"sharePointSite":{"getAll":"Get many sites"},"restoreSession":{"start":"Start session","stop":"Stop session","get":"Get session","getAll":"Get many sessions"},"emailSettings":{"get":"Get email settings","sendTest":"Send test email"},"mailboxItem":{"search":"Search mail","getAll":"Get many mail items","saveAsMsg":"Save mail as MSG","sendToOwner":"Send mail to mailbox owner","sendToAddress":"Send mail to address","exportToPst":"Export mail to PST"},"oneDriveDocument":{"search":"Search OneDrive","getAll":"Get many OneDrive documents","save":"Save OneDrive documents","send":"Send OneDrive documents"},"sharePointDocument":{"getAll":"Get many SharePoint documents","save":"Save SharePoint documents","search":"Search SharePoint documents","send":"Send SharePoint documents"},"teamsFile":{"getAll":"Get many Teams files","save":"Save Teams files","search":"Search Teams files","send":"Send Teams files"}})[$parameter.resource]?.[$parameter.operation] ?? $parameter.operation }}',
		description:
			'Restore Microsoft 365 data backed up by Veeam Backup for Microsoft 365 (SharePoint item attachments, Exchange mail): save it as files or have VB365 email it',
		defaults: { name: 'Veeam Backup for Microsoft 365' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'veeamM365Api', required: true }],
		properties: [
			// n8n's linter wants the resources sorted by name, and the node panel lists actions in
			// this order: "Attachment" puts the attachment actions first. Version 1 keeps its list;
			// 1.1 adds Exchange mail items, OneDrive and SharePoint documents, Teams files.
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
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
				displayOptions: { show: { '@version': [1] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Attachment',
						value: 'sharePointItemAttachment',
						description: 'Attachments of backed-up SharePoint list items',
					},
					{ name: 'Email Setting', value: 'emailSettings' },
					{
						name: 'Mail Item',
						value: 'mailboxItem',
						description: 'Backed-up Exchange mail: search it, save it as MSG or send it back',
					},
					{
						name: 'OneDrive Document',
						value: 'oneDriveDocument',
						description: 'Backed-up OneDrive files and folders: search, save as files or send',
					},
					{ name: 'Restore Session', value: 'restoreSession' },
					{
						name: 'SharePoint Document',
						value: 'sharePointDocument',
						description:
							'Backed-up files, folders and libraries of SharePoint sites, by their address',
					},
					{ name: 'SharePoint Item', value: 'sharePointItem' },
					{ name: 'SharePoint Site', value: 'sharePointSite' },
					{
						name: 'Teams File',
						value: 'teamsFile',
						description:
							'Backed-up files of Microsoft Teams channels: search, save as files or send',
					},
				],
				default: 'sharePointItemAttachment',
				displayOptions: { hide: { '@version': [1] } },
			},
			...sharePointItemAttachment.description,
			...restoreSession.description,
			...sharePointSite.description,
			...sharePointItem.description,
			...emailSettings.description,
			...mailboxItem.description,
			...oneDriveDocument.description,
			...sharePointDocument.description,
			...teamsFile.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
