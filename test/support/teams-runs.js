'use strict';
// Parameters and checks for the Teams File workflow tests.
const { runNode } = require('./node-runs');

const rl = (value, mode) => ({ __rl: true, mode, value });

/** Start-and-stop parameters for Project Phoenix / General by name, node version 1.1. */
function teamsParameters(sim, operation, extra = {}) {
	return {
		resource: 'teamsFile',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: rl(sim.fixture.organization('contoso').id, 'id'),
		teamId: rl('Project Phoenix', 'name'),
		channelId: rl('General', 'name'),
		...extra,
	};
}

function runTeams(sim, apiVersion, operation, extra = {}, run = {}) {
	return runNode(sim, {
		credential: { apiVersion },
		parameters: teamsParameters(sim, operation, extra),
		nodeSettings: { typeVersion: 1.1 },
		...run,
	});
}

const teamsFile = (sim, key) => sim.fixture.teams.file(key);
const teamsFolder = (sim, path, channel = 'general') =>
	sim.fixture.teams.folder('phoenix', channel, path);
const runningVet = (sim) =>
	[...sim.state.sessions.values()].filter((s) => s.type === 'Vet' && s.state !== 'Stopped');

module.exports = { rl, teamsParameters, runTeams, teamsFile, teamsFolder, runningVet };
