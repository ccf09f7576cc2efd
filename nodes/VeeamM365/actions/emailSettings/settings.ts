import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { veeamApiRequest } from '../../transport';

export const EMAIL_SETTINGS_HINT =
	'Sending needs the email settings of Veeam Explorer for Microsoft SharePoint on the VB365 server: in the VB365 console open General Options → Notifications (or use PUT /VespEmailSettings), set the SMTP server, port and sender, and enable them.';

export async function getEmailSettings(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: { retries?: number; timeoutMs?: number } = {},
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		path: '/VespEmailSettings',
		action: 'read the email settings',
		itemIndex,
		...settings,
	})) as IDataObject;
}

/** What keeps the server from sending, in the words of its console; empty when it can send. */
export function emailSettingsProblems(settings: IDataObject): string[] {
	const problems: string[] = [];
	if (settings.enableNotification !== true) problems.push('email notifications are turned off');
	if (
		!settings.server &&
		settings.authenticationType !== 'GoogleGmail' &&
		settings.authenticationType !== 'Microsoft365'
	) {
		problems.push('no SMTP server is set');
	}
	if (!settings.from) problems.push('no sender address is set');
	return problems;
}
