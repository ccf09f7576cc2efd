'use strict';
// Shared set-up for workflow tests: the package's node in n8n's real engine (tools/engine) against
// the VB365 simulator (tools/simulator).
const { startSimulator } = require('../../tools/simulator');
const { runWorkflow, resultItems } = require('../../tools/engine/harness');

const NODE_TYPE = 'n8n-nodes-veeam-m365.veeamM365';
const CREDENTIAL_ID = 'vb365';
const NODE_NAME = 'VB365';

/** Another build of the package (a folder with package.json and dist/) can be tested with VB365_PACKAGE_ROOT. */
const PACKAGE_ROOT = process.env.VB365_PACKAGE_ROOT || undefined;

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
 * Runs Items → VB365 once. `inputItems` are the JSON of the items fed in (parameters can vary
 * per item through expressions); `continueOnFail` sets the node's "On Error" to continue;
 * `credentials` replaces the whole credential map, `credential` overrides fields of the default one.
 */
async function runNode(
	sim,
	{
		parameters,
		credential = {},
		credentials,
		inputItems = [{}],
		continueOnFail = false,
		nodeSettings = {},
		credentialStore,
		binaryDataMode,
	},
) {
	const nodes = [
		{
			id: '1',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '2',
			name: NODE_NAME,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { veeamM365Api: { id: CREDENTIAL_ID, name: 'VB365' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			...nodeSettings,
		},
	];
	const connections = { Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } };
	const started = Date.now();
	const result = await runWorkflow({
		nodes,
		connections,
		credentials: credentials ?? credentialFor(sim, credential),
		credentialStore,
		inputItems,
		packageRoot: PACKAGE_ROOT,
		...(binaryDataMode ? { binaryDataMode } : {}),
	});
	return { ...result, items: result.output[NODE_NAME] ?? [], elapsedMs: Date.now() - started };
}

async function withSimulator(options, fn) {
	const sim = await startSimulator(options);
	try {
		return await fn(sim);
	} finally {
		await sim.stop();
	}
}

module.exports = {
	NODE_TYPE,
	NODE_NAME,
	PACKAGE_ROOT,
	credentialFor,
	itemParameters,
	fixtureItem,
	runNode,
	withSimulator,
	resultItems,
	startSimulator,
};
