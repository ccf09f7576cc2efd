'use strict';
// Bad inputs of the Teams File operations (node version 1.1), in the form of catalogue.js.

const VALUE = '={{ $json.value }}';

const rl = (value, mode) => ({ __rl: true, mode, value });

/** Start-and-stop parameters of a Teams File operation on Project Phoenix / General. */
function teams(env, operation, overrides = {}) {
	return {
		resource: 'teamsFile',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: rl(env.sim.fixture.organization('contoso').id, 'id'),
		teamId: rl('Project Phoenix', 'name'),
		channelId: rl('General', 'name'),
		...overrides,
	};
}

const file = (env, key) => env.sim.fixture.teams.file(key).id;
const V1_1 = { typeVersion: 1.1 };

const TEAMS_CASES = [
	{
		id: 'teams-team-name-unknown',
		parameter: 'Team',
		input: 'By Name: `Phoenix` (the team is "Project Phoenix")',
		says: 'No team named "Phoenix" is in the backup',
		fix: 'Teams whose names contain it: Project Phoenix',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'getAll', { teamId: rl(VALUE, 'name') }),
			badValue: 'Phoenix',
			goodValue: 'Project Phoenix',
		}),
	},
	{
		id: 'teams-channel-name-unknown',
		parameter: 'Channel',
		input: 'By Name: `Design` (the channel is "Design Reviews")',
		says: 'The team has no channel named "Design"',
		fix: 'Channels whose names contain it: Design Reviews',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'getAll', { channelId: rl(VALUE, 'name') }),
			badValue: 'Design',
			goodValue: 'Design Reviews',
		}),
	},
	{
		id: 'teams-team-id-malformed',
		parameter: 'Team',
		input: 'By ID: `a/b`',
		says: 'is not a VB365 team ID',
		fix: 'type its name (By Name)',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'getAll', { teamId: rl(VALUE, 'id') }),
			badValue: 'a/b',
			goodValue: env.sim.fixture.teams.team('phoenix').id,
		}),
	},
	{
		id: 'teams-folder-path-unknown',
		parameter: 'Folder',
		input: 'By Path: `Specs/Drafts` (the folder is "Specs/Drafts & Notes")',
		says: 'There is no folder "Drafts" in "Specs"',
		fix: 'The folders there are: Drafts & Notes',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'getAll', { teamsFolderId: rl(VALUE, 'path') }),
			badValue: 'Specs/Drafts',
			goodValue: 'Specs/Drafts & Notes',
		}),
	},
	{
		id: 'teams-search-empty',
		parameter: 'File Name',
		input: 'Search with every criterion empty',
		says: 'No search criteria given',
		fix: 'To list a folder, use Get Many',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'search', { fileName: VALUE }),
			badValue: '',
			goodValue: 'Kickoff*',
		}),
	},
	{
		id: 'teams-file-other-channel',
		parameter: 'File IDs',
		input: 'the ID of a file in another channel of the team',
		says: 'read the Teams file',
		fix: 'each must be a file or folder of the chosen channel',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'save', { teamsFileIds: VALUE }),
			badValue: file(env, 'review'),
			goodValue: file(env, 'kickoff'),
		}),
	},
	{
		id: 'teams-file-id-malformed',
		parameter: 'File IDs',
		input: '`../../Organizations`',
		says: 'is not a VB365 Teams file ID',
		fix: 'as Search or Get Many return it',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'save', { teamsFileIds: VALUE }),
			badValue: '../../Organizations',
			goodValue: file(env, 'kickoff'),
		}),
	},
	{
		id: 'teams-send-no-recipient',
		parameter: 'To',
		input: 'Send with To empty',
		says: 'No recipient given',
		fix: 'Fill in To',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: teams(env, 'send', { teamsFileIds: file(env, 'kickoff'), to: VALUE }),
			badValue: '',
			goodValue: 'requester@contoso.com',
		}),
	},
];

module.exports = { TEAMS_CASES };
