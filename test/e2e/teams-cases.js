'use strict';
// The Teams File e2e cases of a lane: find a channel file by name and save it as its raw bytes
// (byte-equal in the binary store), a folder as one item per file with its folder path, a send to
// the requester, and bad inputs that become error items. No Teams session may be left running.

const assert = require('node:assert/strict');

const { executeWorkflow, nodeItems } = require('../../tools/n8n/n8n');
const { teamsSaveWorkflow, teamsSendWorkflow } = require('../../tools/workflows');
const { runningSessionsOf, storedBytes, succeeded } = require('./run-checks');

function teamsWorkflows(cred, sim) {
	const organizationId = sim.fixture.organization('contoso').id;
	return [
		teamsSaveWorkflow(cred, organizationId),
		teamsSendWorkflow(cred, organizationId, {
			fileId: sim.fixture.teams.file('kickoff').id,
			otherChannelFileId: sim.fixture.teams.file('review').id,
		}),
	];
}

const runningTeamsSessions = (sim) => runningSessionsOf(sim, 'Vet');

async function runTeamsCases({ tag, needsSetup, laneDef, env, logFile, sim, userFolder }) {
	const kickoff = sim.fixture.teams.file('kickoff');

	await needsSetup(
		`${tag} (t1) Teams: team and channel by name, a file found by name saved raw and byte-equal; a folder as one item per file with its path`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eTeam0001', { logFile }),
				'execute Teams save',
			);
			assert.deepEqual(
				(nodeItems(run, 'Find File') ?? []).map((i) => i.json.id),
				[kickoff.id],
			);
			const [saved] = nodeItems(run, 'Save File') ?? [];
			assert.equal(saved?.binary?.data?.fileName, 'Kickoff deck.pptx');
			assert.ok(
				storedBytes(userFolder, saved.binary.data).equals(sim.teamsFileContent('kickoff')),
				'the stored file equals the backed-up bytes',
			);
			const files = nodeItems(run, 'Save Folder') ?? [];
			assert.deepEqual(files.map((i) => `${i.json.folderPath}/${i.binary.data.fileName}`).sort(), [
				'Specs/Drafts & Notes/draft #1 (final_).txt',
				'Specs/Spec v2.docx',
			]);
			const draft = files.find((i) => i.json.folderPath === 'Specs/Drafts & Notes');
			assert.ok(storedBytes(userFolder, draft.binary.data).equals(sim.teamsFileContent('draft')));
			assert.equal(runningTeamsSessions(sim), 0, 'the Teams sessions it started were stopped');
			return `${saved.binary.data.fileName} (${saved.json.fileSize}); folder: ${files.length} files`;
		},
	);

	await needsSetup(
		`${tag} (t2) Teams: one file sent to the requester; an unknown team and another channel's file become error items`,
		async () => {
			sim.reset();
			const run = succeeded(
				await executeWorkflow(laneDef, env, 'vb365E2eTeam0002', { logFile }),
				'execute Teams send',
			);
			const sends = nodeItems(run, 'Send per Case') ?? [];
			const of = (index) => sends.find((i) => i.pairedItem?.item === index)?.json ?? {};
			assert.equal(of(0).sent, true, JSON.stringify(of(0)));
			assert.match(String(of(1).error), /No team named "Phoenix" is in the backup/);
			assert.match(String(of(2).description), /chosen channel/, JSON.stringify(of(2)));
			assert.deepEqual(
				sim.outbox.map((mail) => [mail.kind, mail.to, mail.fileIds]),
				[['teamsSend', 'requester@contoso.com', [kickoff.id]]],
			);
			assert.equal(runningTeamsSessions(sim), 0, 'the Teams sessions it started were stopped');
			return `errors: ${of(1).error} | ${of(2).error}`;
		},
	);
}

/** (g5) examples/restore-teams-channel-file.json from its pinned ticket form. */
async function runTeamsExample(client, sim, example, executeFromPinnedTrigger) {
	sim.reset();
	const execution = await executeFromPinnedTrigger(client, example);
	const data = typeof execution.data === 'string' ? execution.data : JSON.stringify(execution.data);
	assert.match(data, /Kickoff deck\.pptx/, 'the restored file is in the execution data');
	const sessions = [...sim.state.sessions.values()].filter((s) => s.type === 'Vet');
	assert.ok(sessions.length > 0, 'the example opened Teams restore sessions');
	assert.equal(runningTeamsSessions(sim), 0, 'the Teams sessions it started were stopped');
	assert.deepEqual(sim.outbox, [], 'Send to Requester is disabled: nothing was sent');
	return `execution ${execution.id}: ${execution.status}`;
}

module.exports = { teamsWorkflows, runTeamsCases, runTeamsExample };
