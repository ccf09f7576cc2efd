import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { saveTeamsFiles } from '../../api/teams';
import { teamsFileSelectionFields } from '../../descriptions/teams.descriptions';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import {
	getTeamsChannelTarget,
	holdsFolders,
	readTeamsFileSelection,
	withListedFiles,
} from '../../restore/teamsTarget';
import { deliverSavedFiles, fileSaveFields, listedFile } from '../fileSave';
import { getOptions } from '../options';
import { teamsContext, teamsSelectionWords, teamsSummary } from './fileOutput';

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['teamsFile'], operation: ['save'] } },
	[
		...teamsFileSelectionFields,
		...fileSaveFields(
			'For several files, a folder or the channel, the archive exactly as VB365 sent it (one file gives its file)',
		),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex);
	const target = await getTeamsChannelTarget.call(this, itemIndex, scope);
	const settings = { retries: options.retries, timeoutMs: options.timeoutMs, itemIndex };
	const selection = await withListedFiles.call(
		this,
		target,
		await readTeamsFileSelection.call(this, target, itemIndex),
		settings,
	);
	const folders = holdsFolders(selection);
	const files =
		selection.kind === 'files' && !folders
			? (selection.listed ?? []).map((listed) => listedFile(String(listed.id), listed))
			: [];
	return await deliverSavedFiles.call(this, itemIndex, {
		files,
		single: selection.kind === 'files' && !folders && selection.fileIds.length === 1,
		unlisted: folders,
		download: async () => await saveTeamsFiles.call(this, target, selection, settings),
		context: teamsContext(target),
		summary: (fileNames) =>
			teamsSummary('Restored', teamsSelectionWords(selection), target, { fileNames }),
		what: selection.kind === 'channel' ? 'channel' : folders ? 'folder' : 'files',
	});
}
