'use strict';
// Shared set-up for workflow tests: the package's node in n8n's real engine against the simulator.
const { startSimulator } = require('../simulator');
const { runWorkflow, resultItems } = require('../helpers/n8n-harness');

const NODE_TYPE = 'n8n-nodes-veeam-m365.veeamM365';
const CREDENTIAL_ID = 'vb365';

function credentialFor(sim, overrides = {}) {
	return {
		veeamM365Api: {
			[CREDENTIAL_ID]: {
				name: 'VB365',
				data: {
					url: sim.url,
					apiVersion: 'v8',
					authentication: 'password',
					username: sim.credentials.username,
					password: sim.credentials.password,
					ignoreSslIssues: true,
					...overrides,
				},
			},
		},
	};
}

/** Parameters addressing one fixture item in the simulator's seeded restore session. */
function itemParameters(item) {
	return {
		restoreSessionId: { __rl: true, mode: 'id', value: item.restoreSessionId },
		siteId: { __rl: true, mode: 'id', value: item.siteId },
		itemId: { __rl: true, mode: 'id', value: item.id },
	};
}

function fixtureItem(sim, key) {
	const item = sim.fixture.items.find((candidate) => candidate.key === key);
	if (!item) throw new Error(`no fixture item "${key}"`);
	return item;
}

/**
 * Runs Items → Veeam node. `parameters` may be a function of the input item index when
 * `inputItems` is given, to vary per-item parameters through expressions.
 */
async function runNode(sim, { parameters, credential = {}, inputItems = [{}], nodeSettings = {}, credentialStore }) {
	const nodes = [
		{ id: '1', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: '2',
			name: 'VB365',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { veeamM365Api: { id: CREDENTIAL_ID, name: 'VB365' } },
			...nodeSettings,
		},
	];
	const connections = { Items: { main: [[{ node: 'VB365', type: 'main', index: 0 }]] } };
	const result = await runWorkflow({
		nodes,
		connections,
		credentials: credentialFor(sim, credential),
		credentialStore,
		inputItems,
	});
	return { ...result, items: result.output.VB365 ?? [] };
}

async function withSimulator(options, fn) {
	const sim = await startSimulator(options);
	try {
		return await fn(sim);
	} finally {
		await sim.stop();
	}
}

module.exports = { NODE_TYPE, credentialFor, itemParameters, fixtureItem, runNode, withSimulator, resultItems, startSimulator };
