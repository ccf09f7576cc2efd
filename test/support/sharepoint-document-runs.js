'use strict';
// Parameters and checks for the SharePoint Document workflow tests.
const { runNode } = require('./node-runs');

/** Start-and-stop parameters for the simulator's contoso organization, node version 1.1. */
function siteDocumentParameters(sim, operation, extra = {}) {
	return {
		resource: 'sharePointDocument',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: sim.fixture.organization('contoso').id },
		siteId: { __rl: true, mode: 'list', value: '' },
		...extra,
	};
}

function runSiteDocument(sim, apiVersion, operation, extra = {}, run = {}) {
	return runNode(sim, {
		credential: { apiVersion },
		parameters: siteDocumentParameters(sim, operation, extra),
		nodeSettings: { typeVersion: 1.1 },
		...run,
	});
}

const byUrl = (value) => ({ __rl: true, mode: 'url', value });
const siteDocument = (sim, key) => sim.fixture.siteDocuments.byKey.document[key];

module.exports = { siteDocumentParameters, runSiteDocument, byUrl, siteDocument };
