'use strict';
// Parameters and checks for the OneDrive Document workflow tests.
const { runNode } = require('./node-runs');

/** Start-and-stop parameters for the simulator's contoso organization, node version 1.1. */
function oneDriveParameters(sim, operation, extra = {}) {
	return {
		resource: 'oneDriveDocument',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: sim.fixture.organization('contoso').id },
		oneDriveId: { __rl: true, mode: 'email', value: 'anna.meier@contoso.com' },
		...extra,
	};
}

function runOneDrive(sim, apiVersion, operation, extra = {}, run = {}) {
	return runNode(sim, {
		credential: { apiVersion },
		parameters: oneDriveParameters(sim, operation, extra),
		nodeSettings: { typeVersion: 1.1 },
		...run,
	});
}

const oneDriveDocument = (sim, key) => sim.fixture.oneDrive.byKey.document[key];
const oneDriveFolder = (sim, key) => sim.fixture.oneDrive.byKey.folder[key];
const oneDrive = (sim, key) => sim.fixture.oneDrive.byKey.oneDrive[key];

module.exports = { oneDriveParameters, runOneDrive, oneDriveDocument, oneDriveFolder, oneDrive };
