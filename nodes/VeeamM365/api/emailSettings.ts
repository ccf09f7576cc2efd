import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Context } from '../transport';
import { veeamApiRequest } from '../transport';
import type { RestoreSessionType } from './restoreSessionRequests';

interface ExplorerEmailSettings {
	path: string;
	/** Where an admin fixes them, for errors. */
	hint: string;
}

/** Each Veeam Explorer sends with its own email settings. */
const EXPLORERS: Partial<Record<RestoreSessionType, ExplorerEmailSettings>> = {
	Vesp: {
		path: '/VespEmailSettings',
		hint: 'Sending needs the email settings of Veeam Explorer for Microsoft SharePoint on the VB365 server: in the VB365 console open General Options → Notifications (or use PUT /VespEmailSettings), set the SMTP server, port and sender, and enable them.',
	},
	Veod: {
		path: '/VeodEmailSettings',
		hint: 'Sending OneDrive documents needs the email settings of Veeam Explorer for Microsoft OneDrive for Business on the VB365 server: set the SMTP server, port and sender there (or use PUT /VeodEmailSettings), and enable them.',
	},
	Vet: {
		path: '/VetEmailSettings',
		hint: 'Sending Teams files needs the email settings of Veeam Explorer for Microsoft Teams on the VB365 server: set the SMTP server, port and sender there (or use PUT /VetEmailSettings), and enable them.',
	},
	Vex: {
		path: '/VexEmailSettings',
		hint: 'Sending mail items needs the email settings of Veeam Explorer for Microsoft Exchange on the VB365 server: set the SMTP server, port and sender there (or use PUT /VexEmailSettings), and enable them.',
	},
};

function explorer(type: RestoreSessionType): ExplorerEmailSettings {
	const found = EXPLORERS[type];
	if (!found) throw new RangeError(`No email settings are known for ${type}`);
	return found;
}

/** The status hints for a send request: a 400 or 500 there is most often the settings. */
export const EMAIL_SETTINGS_HINTS = {
	Vesp: { 400: explorer('Vesp').hint, 500: explorer('Vesp').hint },
	Vex: { 400: explorer('Vex').hint, 500: explorer('Vex').hint },
	Veod: { 400: explorer('Veod').hint, 500: explorer('Veod').hint },
	Vet: { 400: explorer('Vet').hint, 500: explorer('Vet').hint },
};

export async function getEmailSettings(
	this: Context,
	type: RestoreSessionType,
	itemIndex: number,
	settings: { retries?: number; timeoutMs?: number } = {},
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		path: explorer(type).path,
		action: 'read the email settings',
		itemIndex,
		...settings,
	})) as IDataObject;
}

export async function sendTestEmail(
	this: Context,
	type: RestoreSessionType,
	email: string,
	itemIndex: number,
): Promise<void> {
	const { path, hint } = explorer(type);
	await veeamApiRequest.call(this, {
		method: 'POST',
		path: `${path}/SendTestEmail`,
		body: { email },
		action: 'send the test email',
		itemIndex,
		retries: 0,
		hints: { 400: hint, 500: hint },
	});
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

/** Reads the explorer's email settings and fails, with the fix, when the server cannot send. */
export async function assertCanSendEmail(
	this: Context,
	type: RestoreSessionType,
	itemIndex: number,
	settings: { retries?: number; timeoutMs?: number },
): Promise<void> {
	const problems = emailSettingsProblems(
		await getEmailSettings.call(this, type, itemIndex, settings),
	);
	if (problems.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`The VB365 server cannot send email: ${problems.join(', ')}`,
			{ itemIndex, description: explorer(type).hint },
		);
	}
}
