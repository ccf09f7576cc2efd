import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { searchTeamsFiles } from '../../api/teams';
import {
	optionsCollection,
	parallelItemsField,
	requestOptionFields,
	returnAllFields,
} from '../../descriptions/common.descriptions';
import { channelFields, teamsFolderLocator } from '../../descriptions/teams.descriptions';
import type { RestoreSessionScope } from '../../restore/sessionScope';
import { getTeamsChannelTarget, resolveTeamsFolder } from '../../restore/teamsTarget';
import { fileSearchFields, readFileSearch } from '../fileSearch';
import { getRequestSettings, getResultLimit } from '../options';
import { teamsFileJson } from './fileOutput';

const properties: INodeProperties[] = [
	...channelFields,
	teamsFolderLocator(true),
	...fileSearchFields('e.g. Kickoff deck.pptx or Kickoff*'),
	...returnAllFields,
	optionsCollection([...requestOptionFields, parallelItemsField]),
];

export const runsInParallel = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['teamsFile'], operation: ['search'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const query = readFileSearch.call(this, itemIndex);
	const target = await getTeamsChannelTarget.call(this, itemIndex, scope);
	const settings = { ...getRequestSettings.call(this, itemIndex), itemIndex };
	const folderId = await resolveTeamsFolder.call(this, target, itemIndex, true);
	const found = await searchTeamsFiles.call(
		this,
		target,
		query,
		folderId,
		settings,
		getResultLimit.call(this, itemIndex),
	);
	return found.map((item) => ({ json: { ...teamsFileJson(item, target), query } }));
}
