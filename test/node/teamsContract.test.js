'use strict';
// Every Teams request the node sends to a v6, v7 or v8 server must match Veeam's OpenAPI spec
// of that version (v8's one-file paths under the channel, v6's file objects without channelId),
// and every answer the node got must too.
const { expectExchangesMatchSpec } = require('../support/recorded-contract');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { rl, runTeams, teamsFile } = require('../support/teams-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all', recordExchanges: true });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

test.each(['v6', 'v7', 'v8'])(
	'%s: get many, search, save and send send only what the spec allows',
	async (apiVersion) => {
		sim.exchanges.length = 0;
		sim.setEmailSettings(true);
		const kickoff = teamsFile(sim, 'kickoff');
		const spec = teamsFile(sim, 'spec');
		const runs = [
			['getAll', { teamsFolderId: rl('Specs/Drafts & Notes', 'path'), returnAll: true }],
			['getAll', { returnAll: false, limit: 1 }],
			...(apiVersion === 'v6'
				? []
				: [['search', { teamsFolderId: rl('Specs', 'path'), fileName: 'Spec*', returnAll: true }]]),
			['save', { teamsFileIds: kickoff.id }],
			['save', { teamsFileIds: [kickoff.id, spec.id] }],
			['save', { saveWhat: 'folder', teamsFolderId: rl('Specs', 'path') }],
			['save', { saveWhat: 'channel' }],
			[
				'send',
				{ teamsFileIds: kickoff.id, to: 'helpdesk@contoso.com', from: 'backup@contoso.com' },
			],
			['send', { teamsFileIds: [kickoff.id, spec.id], to: 'helpdesk@contoso.com' }],
			['send', { saveWhat: 'channel', to: 'helpdesk@contoso.com', text: 'All of General' }],
		];
		for (const [operation, extra] of runs) {
			const result = await runTeams(sim, apiVersion, operation, extra);
			expect({ operation, error: result.error?.message }).toEqual({ operation, error: undefined });
		}
		expect(expectExchangesMatchSpec(sim, apiVersion)).toEqual(
			[
				'TeamsTeam_Get',
				'TeamsChannel_Get',
				'TeamsFile_GetPage',
				'TeamsFile_Get',
				...(apiVersion === 'v6' ? [] : ['TeamsFile_Search']),
				'TeamsFile_Save',
				'TeamsFile_SaveById',
				'TeamsFile_Send',
				'TeamsFile_SendById',
				apiVersion === 'v8' ? 'Organization_Explore' : 'Organization_ExploreAction',
				'RestoreSession_StopAction',
				'VetEmailSettings_Get',
				'token',
			].sort(),
		);
	},
);
