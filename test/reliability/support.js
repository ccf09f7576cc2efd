'use strict';
// Shared set-up for the reliability suite: the package's node in n8n's engine against the
// simulator (as in test/node), plus request counting and the two servers every case runs on.
const { runWorkflow } = require('../helpers/n8n-harness');
const { credentialFor, itemParameters, fixtureItem, NODE_TYPE } = require('../node/support');
const { startSimulator } = require('../simulator');

/** Another build of the package (a folder with package.json and dist/) can be tested with VB365_PACKAGE_ROOT. */
const PACKAGE_ROOT = process.env.VB365_PACKAGE_ROOT || undefined;

/** A VBO 5.0 server spoken to in v5 (Action endpoints) and a VB365 8.x server in v8. */
const SERVERS = [
	{ label: 'v5', profile: '5.0', apiVersion: 'v5', sendStatus: 200 },
	{ label: 'v8', profile: '8.x', apiVersion: 'v8', sendStatus: 204 },
];

const NODE_NAME = 'VB365';

/**
 * Runs Items → VB365 once. `continueOnFail` sets the node's "On Error" to continue;
 * `inputItems` are the JSON of the items fed in.
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
			credentials: { veeamM365Api: { id: 'vb365', name: 'VB365' } },
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
		inputItems,
		packageRoot: PACKAGE_ROOT,
	});
	return { ...result, items: result.output[NODE_NAME] ?? [], elapsedMs: Date.now() - started };
}

/** API requests (not /__sim) whose method and path match; `path` is a case-insensitive regex. */
function requestsTo(sim, method, path) {
	const pattern = new RegExp(path, 'i');
	return sim.requests.filter(
		(request) => !request.control && request.method === method && pattern.test(request.path),
	);
}

const tokenRequests = (sim) => requestsTo(sim, 'POST', '/token$');

/** Milliseconds between consecutive requests in a list from `requestsTo`. */
function gapsMs(requests) {
	const times = requests.map((request) => Date.parse(request.at));
	return times.slice(1).map((time, i) => time - times[i]);
}

/** Resolves once `condition()` holds or `ms` have passed (for server work the client gave up on). */
async function waitFor(condition, ms) {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until)
		await new Promise((resolve) => setTimeout(resolve, 25));
}

module.exports = {
	PACKAGE_ROOT,
	SERVERS,
	NODE_NAME,
	runNode,
	requestsTo,
	tokenRequests,
	gapsMs,
	waitFor,
	credentialFor,
	itemParameters,
	fixtureItem,
	startSimulator,
};
