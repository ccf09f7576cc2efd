import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { addressProblem } from '../../helpers/email';
import { sendTestEmail } from '../../api/emailSettings';

const properties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. helpdesk@contoso.com',
		default: '',
		required: true,
		description: 'Who receives the test message',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['emailSettings'], operation: ['sendTest'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim();
	const problem = addressProblem(email);
	if (problem) {
		throw new NodeOperationError(this.getNode(), `"${email}" ${problem} [parameter "To"]`, {
			itemIndex,
			description: 'Enter one address like name@contoso.com.',
		});
	}
	await sendTestEmail.call(this, 'Vesp', email, itemIndex);
	return [{ json: { sent: true, to: email } }];
}
