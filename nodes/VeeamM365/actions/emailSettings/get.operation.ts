import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { emailSettingsProblems, getEmailSettings } from '../../api/emailSettings';

export const description = updateDisplayOptions(
	{ show: { resource: ['emailSettings'], operation: ['get'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const settings = await getEmailSettings.call(this, 'Vesp', itemIndex);
	const problems = emailSettingsProblems(settings);
	return [{ json: { ...settings, readyToSend: problems.length === 0, problems } }];
}
