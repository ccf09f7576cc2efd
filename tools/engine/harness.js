'use strict';
// Runs n8n workflow JSON in-process with the real engine (n8n-core WorkflowExecute +
// n8n-workflow), with the package's compiled nodes from dist/, an in-memory credential store
// that follows the n8n CLI's preAuthentication/authenticate rules, and real binary data storage.

const { Workflow } = require('n8n-workflow');
const {
	loadCore,
	useBinaryDataMode,
	getBinaryDataService,
	shutdownEnvironment,
} = require('./environment');
const {
	HarnessCredentialsHelper,
	createCredentialStore,
	createStats,
} = require('./credentials-helper');
const { REPO_ROOT, createNodeTypes, loadPackageCredentialTypes } = require('./node-types');
const { MANUAL_TRIGGER_TYPE, TEST_ITEMS_TYPE } = require('./builtin-nodes');

const BASE_URL = 'http://localhost:5678';
const WORKFLOW_ID = 'harness-workflow';
let executionCounter = 0;

function buildCredentialTypes(credentials, extraCredentialTypes, packageRoot) {
	const needed = Object.keys(credentials).filter((type) => !(type in extraCredentialTypes));
	const fromPackage = needed.length > 0 ? loadPackageCredentialTypes(packageRoot) : {};
	return { ...fromPackage, ...extraCredentialTypes };
}

function applyContinueOnFail(nodes, continueOnFail) {
	if (!continueOnFail) return nodes;
	const builtin = [MANUAL_TRIGGER_TYPE, TEST_ITEMS_TYPE];
	const selected = (node) =>
		continueOnFail === true
			? !builtin.includes(node.type)
			: [].concat(continueOnFail).includes(node.name);
	return nodes.map((node) =>
		selected(node) && node.onError === undefined
			? { ...node, onError: 'continueRegularOutput' }
			: node,
	);
}

function pickStartNode(workflow, startNodeName, pinData = {}) {
	if (startNodeName) return workflow.getNode(startNodeName);
	const nodes = Object.values(workflow.nodes);
	const trigger =
		nodes.find((node) => node.type === MANUAL_TRIGGER_TYPE) ||
		nodes.find((node) => pinData[node.name] && workflow.getParentNodes(node.name).length === 0);
	if (trigger) return trigger;
	return nodes.find((node) => workflow.getParentNodes(node.name).length === 0);
}

function createAdditionalData({ credentialsHelper, hooks, executionId }) {
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		// n8n-core 2.x builds URLs from these; they must be absolute.
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		variables: {},
		userId: 'harness-user',
		executeWorkflow: async () => {
			throw new Error('n8n harness: sub-workflows are not supported');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('n8n harness: task runners are not supported');
		},
	};
}

function collectOutputs(runData) {
	const output = {};
	for (const [nodeName, runs] of Object.entries(runData ?? {})) {
		const lastRun = runs[runs.length - 1];
		output[nodeName] = lastRun?.data?.main?.[0] ?? [];
	}
	return output;
}

// Errors are stored as plain copies; surface the item index NodeOperationError/NodeApiError keep
// in `context`.
function withItemIndex(error) {
	if (error && error.itemIndex === undefined && error.context?.itemIndex !== undefined) {
		error.itemIndex = error.context.itemIndex;
	}
	return error;
}

function firstNodeError(runData) {
	for (const runs of Object.values(runData ?? {})) {
		for (const run of runs) if (run.error) return run.error;
	}
	return undefined;
}

/**
 * Runs a workflow through n8n-core's WorkflowExecute (mode 'manual').
 *
 * @param {object} options
 * @param {object[]} options.nodes n8n node JSON (type, typeVersion, parameters, credentials, onError…)
 * @param {object} [options.connections] n8n connections JSON
 * @param {object} [options.credentials] { [credentialType]: { [id]: { name, data } } }, data decrypted
 * @param {object} [options.credentialStore] the `credentialStore` of an earlier run, to go on with the
 *   data it persisted (e.g. a session token); `credentials` then only names the credential types
 * @param {'filesystem'|'default'} [options.binaryDataMode='filesystem']
 * @param {object[]} [options.inputItems] default JSON items for `test.items` nodes
 * @param {true|string|string[]} [options.continueOnFail] sets onError 'continueRegularOutput' on
 *   all non-harness nodes (true) or on the named nodes, unless the node JSON sets onError
 * @param {object} [options.extraNodeTypes] { [typeName]: INodeType | IVersionedNodeType instance }
 * @param {object} [options.extraCredentialTypes] { [credentialTypeName]: ICredentialType instance }
 * @param {string} [options.startNode] node name to start from (default: manual trigger, pinned
 *   trigger, or first root)
 * @param {object} [options.pinData] { [nodeName]: [{ json }] } pinned output, used by the engine
 *   instead of running the node, as in the editor's "Execute workflow"
 * @param {string} [options.packageRoot] folder whose package.json `n8n` block is loaded (default: repo)
 */
async function runWorkflow({
	nodes,
	connections = {},
	credentials = {},
	binaryDataMode = 'filesystem',
	inputItems,
	continueOnFail,
	extraNodeTypes = {},
	extraCredentialTypes = {},
	startNode,
	pinData,
	packageRoot = REPO_ROOT,
	credentialStore: earlierStore,
} = {}) {
	if (!Array.isArray(nodes) || nodes.length === 0)
		throw new Error('runWorkflow: `nodes` is required');
	await useBinaryDataMode(binaryDataMode);
	const { WorkflowExecute, ExecutionLifecycleHooks } = loadCore();

	const workflowNodes = applyContinueOnFail(structuredClone(nodes), continueOnFail).map(
		(node, i) => ({
			...node,
			id: node.id ?? `harness-node-${i}`,
			position: node.position ?? [i * 200, 0],
			typeVersion: node.typeVersion ?? 1,
			parameters: node.parameters ?? {},
		}),
	);
	const nodeTypes = createNodeTypes({
		extraNodeTypes,
		inputItems,
		includePackage: 'auto',
		usedTypes: workflowNodes.map((node) => node.type),
		packageRoot,
	});
	const workflowData = {
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		nodes: workflowNodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });

	const credentialStore = earlierStore ?? createCredentialStore(credentials);
	const stats = createStats();
	const credentialsHelper = new HarnessCredentialsHelper({
		credentialTypes: buildCredentialTypes(credentials, extraCredentialTypes, packageRoot),
		store: credentialStore,
		stats,
	});

	const executionId = `harness-${process.pid}-${++executionCounter}`;
	let finalRun;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		...workflowData,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finalRun = run;
	});
	const additionalData = createAdditionalData({ credentialsHelper, hooks, executionId });

	const start = pickStartNode(workflow, startNode, pinData);
	if (!start) throw new Error('runWorkflow: no start node found');
	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: start,
		pinData,
	});
	const result = finalRun ?? run;

	const runData = result.data.resultData.runData;
	const error = withItemIndex(result.data.resultData.error ?? firstNodeError(runData));
	return {
		status: result.status === 'success' && !result.data.resultData.error ? 'success' : 'error',
		error,
		output: collectOutputs(runData),
		runData,
		run: result,
		credentialStore,
		stats,
		readBinary,
		binaryPath,
	};
}

/**
 * Calls one of a node's `methods` (listSearch, loadOptions) the way the editor does: in an n8n-core
 * LoadOptionsContext for the node as configured, with the harness credentials helper.
 */
async function callNodeMethod({
	node,
	credentials = {},
	kind,
	method,
	args = [],
	packageRoot = REPO_ROOT,
}) {
	await useBinaryDataMode('filesystem');
	const { LoadOptionsContext } = loadCore();
	const nodeJson = {
		id: 'method-node',
		position: [0, 0],
		typeVersion: 1,
		...structuredClone(node),
	};
	const nodeTypes = createNodeTypes({
		includePackage: true,
		usedTypes: [nodeJson.type],
		packageRoot,
	});
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness method call',
		nodes: [nodeJson],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const credentialStore = createCredentialStore(credentials);
	const stats = createStats();
	const credentialsHelper = new HarnessCredentialsHelper({
		credentialTypes: buildCredentialTypes(credentials, {}, packageRoot),
		store: credentialStore,
		stats,
	});
	const additionalData = createAdditionalData({
		credentialsHelper,
		hooks: undefined,
		executionId: undefined,
	});
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode(nodeJson.name),
		additionalData,
		'parameters',
	);
	const nodeType = nodeTypes.getByNameAndVersion(nodeJson.type, nodeJson.typeVersion);
	const fn = nodeType.methods?.[kind]?.[method];
	if (typeof fn !== 'function')
		throw new Error(`callNodeMethod: ${nodeJson.type} has no ${kind}.${method}`);
	return await fn.call(context, ...args);
}

async function readBinary(binaryData) {
	if (!binaryData) throw new Error('readBinary: no binary data given');
	if (!binaryData.id) return Buffer.from(binaryData.data, 'base64');
	return await getBinaryDataService().getAsBuffer(binaryData);
}

function binaryPath(binaryData) {
	if (!binaryData?.id) throw new Error('binaryPath: binary data is stored inline (no id)');
	return getBinaryDataService().getPath(binaryData.id);
}

function resultItems(result, nodeName) {
	const items = result.output[nodeName];
	if (!items) {
		const ran = Object.keys(result.output).join(', ') || 'none';
		throw new Error(`resultItems: node "${nodeName}" did not run (ran: ${ran})`);
	}
	return items;
}

async function shutdownHarness() {
	await shutdownEnvironment();
}

module.exports = {
	callNodeMethod,
	runWorkflow,
	shutdownHarness,
	resultItems,
	createNodeTypes,
	readBinary,
	binaryPath,
	MANUAL_TRIGGER_TYPE,
	TEST_ITEMS_TYPE,
};
