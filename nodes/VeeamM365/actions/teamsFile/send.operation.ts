import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { assertCanSendEmail } from '../../api/emailSettings';
import { sendTeamsFiles } from '../../api/teams';
import { teamsFileSelectionFields } from '../../descriptions/teams.descriptions';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import {
	getTeamsChannelTarget,
	readTeamsFileSelection,
	withListedFiles,
} from '../../restore/teamsTarget';
import { fileSendFields, readFileMessage } from '../fileSend';
import { getOptions } from '../options';
import { teamsContext, teamsSelectionWords, teamsSummary } from './fileOutput';

export const description = updateDisplayOptions(
	{ show: { resource: ['teamsFile'], operation: ['send'] } },
	[...teamsFileSelectionFields, ...fileSendFields({ name: 'Teams', settings: 'Teams' })],
);

const NO_RECIPIENT = 'Fill in To, e.g. requester@contoso.com.';

/** One request per input item, never repeated: a repeat could send the files twice. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	// A wrong or missing recipient fails before a restore session is opened.
	const message = readFileMessage.call(this, itemIndex, { noRecipientFix: NO_RECIPIENT });
	const target = await getTeamsChannelTarget.call(this, itemIndex, scope);
	const settings = { itemIndex, retries: options.retries, timeoutMs: options.timeoutMs };
	const selection = await withListedFiles.call(
		this,
		target,
		await readTeamsFileSelection.call(this, target, itemIndex),
		settings,
	);
	if (options.checkEmailSettings) {
		await assertCanSendEmail.call(this, 'Vet', itemIndex, settings);
	}
	const { apiVersion } = await sendTeamsFiles.call(this, target, selection, message, {
		itemIndex,
		timeoutMs: options.timeoutMs,
	});
	const summary = teamsSummary('Sent', teamsSelectionWords(selection), target, {
		to: message.to,
	});
	if (this.getNodeParameter('simplify', itemIndex, false)) {
		return [{ json: { sent: true, to: message.to, summary } }];
	}
	return [
		{
			json: {
				sent: true,
				to: message.to,
				from: message.from || undefined,
				subject: message.subject || undefined,
				...(selection.kind === 'files' ? { fileIds: selection.fileIds } : {}),
				...teamsContext(target),
				apiVersion,
				summary,
			},
		},
	];
}
