'use strict';
// Workflows of the Teams File operations for the e2e lanes: find a channel file by name and save
// it as its raw bytes, save a folder (one item per file, with folder paths), send a file to the
// requester, and bad inputs with "On Error: Continue".

const { locator, manualTrigger, jsonItem, splitOut, veeamNode, workflow } = require('./nodes');

/** The node on the Teams File resource, version 1.1, team and channel by name, start-and-stop. */
function teamsNode(id, name, cred, organizationId, parameters, position, extra = {}) {
	return veeamNode(
		id,
		name,
		cred,
		{
			resource: 'teamsFile',
			restoreSessionMode: 'startAndStop',
			organizationId: locator(organizationId),
			teamId: locator('Project Phoenix', 'name'),
			channelId: locator('General', 'name'),
			...parameters,
		},
		position,
		{ typeVersion: 1.1, ...extra },
	);
}

const KICKOFF_SEARCH = { operation: 'search', fileName: 'Kickoff*', returnAll: true };

function teamsSaveWorkflow(cred, organizationId) {
	return workflow('vb365E2eTeam0001', 'E2E: find a Teams channel file and save it as it is', [
		manualTrigger('tm-start'),
		teamsNode('tm-search', 'Find File', cred, organizationId, KICKOFF_SEARCH, [220, 0]),
		teamsNode(
			'tm-save',
			'Save File',
			cred,
			organizationId,
			{ operation: 'save', teamsFileIds: '={{ $json.id }}' },
			[440, 0],
		),
		teamsNode(
			'tm-folder',
			'Save Folder',
			cred,
			organizationId,
			{ operation: 'save', saveWhat: 'folder', teamsFolderId: locator('Specs', 'path') },
			[660, 0],
			{ executeOnce: true },
		),
	]);
}

/** One good send, then an unknown team and a file of another channel: continue on fail. */
function teamsSendWorkflow(cred, organizationId, { fileId, otherChannelFileId }) {
	const cases = [
		{ team: 'Project Phoenix', fileId },
		{ team: 'Phoenix', fileId },
		{ team: 'Project Phoenix', fileId: otherChannelFileId },
	];
	return workflow('vb365E2eTeam0002', 'E2E: send a Teams channel file; bad inputs continue', [
		manualTrigger('tm-start'),
		jsonItem('tm-cases', 'Send Cases', { cases }, [220, 0]),
		splitOut('tm-split', 'One Item per Case', 'cases', [440, 0]),
		teamsNode(
			'tm-send',
			'Send per Case',
			cred,
			organizationId,
			{
				operation: 'send',
				teamId: locator('={{ $json.team }}', 'name'),
				teamsFileIds: '={{ $json.fileId }}',
				to: 'requester@contoso.com',
				subject: 'Your restored Teams file',
			},
			[660, 0],
			{ onError: 'continueRegularOutput' },
		),
	]);
}

module.exports = { teamsSaveWorkflow, teamsSendWorkflow };
