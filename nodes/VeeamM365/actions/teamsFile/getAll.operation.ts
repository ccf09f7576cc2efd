import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listChannelFiles } from '../../api/teams';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import { channelFields, teamsFolderLocator } from '../../descriptions/teams.descriptions';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getTeamsChannelTarget, resolveTeamsFolder } from '../../restore/teamsTarget';
import { getRequestSettings, getResultLimit } from '../options';
import { teamsFileJson } from './fileOutput';

const properties: INodeProperties[] = [
	...channelFields,
	teamsFolderLocator(true),
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['teamsFile'], operation: ['getAll'] } },
	properties,
);

/** The files and folders directly in a folder of the channel, as VB365 lists them. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const target = await getTeamsChannelTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveTeamsFolder.call(this, target, itemIndex, true);
	const listed = await listChannelFiles.call(this, target, folderId, settings, {
		limit: getResultLimit.call(this, itemIndex),
	});
	const parent = folderId === undefined ? {} : { folderId };
	return listed.map((file) => ({ json: { ...teamsFileJson(file, target), ...parent } }));
}
