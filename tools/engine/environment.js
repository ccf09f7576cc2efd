'use strict';
// Process-level set-up of n8n-core for in-process runs: a throw-away N8N_USER_FOLDER, the
// binary data mode, and access to the DI container that n8n-core itself uses.

const { DatabaseBinaryStandIn } = require('./database-binary-manager');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SUPPORTED_BINARY_MODES = ['filesystem', 'default', 'database'];
const MANAGED_ENV = {
	N8N_USER_FOLDER: undefined,
	N8N_DEFAULT_BINARY_DATA_MODE: undefined,
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_LOG_LEVEL: 'warn',
};

const state = {
	userFolder: undefined,
	savedEnv: undefined,
	binaryDataReady: false,
	containerUsed: false,
	exitHook: undefined,
};

// The tree holds two @n8n/di copies; only the one n8n-core resolves knows n8n-core's services.
function coreRequire(moduleName) {
	const coreDir = path.dirname(require.resolve('n8n-core'));
	return require(require.resolve(moduleName, { paths: [coreDir] }));
}

function loadCore() {
	require('reflect-metadata');
	return require('n8n-core');
}

function loadSshClientsManager() {
	const coreDir = path.dirname(require.resolve('n8n-core'));
	return require(path.join(coreDir, 'execution-engine', 'ssh-clients-manager.js'))
		.SSHClientsManager;
}

function getContainer() {
	return coreRequire('@n8n/di').Container;
}

function assertBinaryMode(mode) {
	if (!SUPPORTED_BINARY_MODES.includes(mode)) {
		throw new Error(
			`n8n harness: binaryDataMode must be one of ${SUPPORTED_BINARY_MODES.join(', ')} (got "${mode}")`,
		);
	}
}

function removeUserFolder(folder) {
	fs.rmSync(folder, { recursive: true, force: true });
}

// Must run before the first Container.get(): InstanceSettings and BinaryDataConfig read the
// environment when they are instantiated.
function prepareProcessEnvironment(binaryDataMode) {
	assertBinaryMode(binaryDataMode);
	if (state.userFolder) return state.userFolder;

	state.savedEnv = {};
	for (const name of Object.keys(MANAGED_ENV)) state.savedEnv[name] = process.env[name];

	state.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = state.userFolder;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = binaryDataMode;
	for (const [name, value] of Object.entries(MANAGED_ENV)) {
		if (value !== undefined && process.env[name] === undefined) process.env[name] = value;
	}

	const folder = state.userFolder;
	state.exitHook = () => removeUserFolder(folder);
	process.once('exit', state.exitHook);
	return state.userFolder;
}

async function useBinaryDataMode(binaryDataMode) {
	assertBinaryMode(binaryDataMode);
	prepareProcessEnvironment(binaryDataMode);
	const { BinaryDataService, BinaryDataConfig } = loadCore();
	const Container = getContainer();
	const config = Container.get(BinaryDataConfig);
	const service = Container.get(BinaryDataService);
	state.containerUsed = true;
	if (!state.binaryDataReady || config.mode !== binaryDataMode) {
		config.mode = binaryDataMode;
		await service.init();
		state.binaryDataReady = true;
	}
	// n8n's database manager lives in its CLI, not in n8n-core: a stand-in with the same limits.
	if (binaryDataMode === 'database' && !service.managers.database) {
		const { binaryToBuffer, FileTooLargeError } = loadCore();
		const maxFileSizeMb = Number(process.env.N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE || 512);
		service.setManager(
			'database',
			new DatabaseBinaryStandIn({ maxFileSizeMb, binaryToBuffer, FileTooLargeError }),
		);
	}
	return service;
}

function getBinaryDataService() {
	const { BinaryDataService } = loadCore();
	return getContainer().get(BinaryDataService);
}

// Stops what n8n-core leaves running (SSHClientsManager's 60 s interval) and removes the
// temporary user folder. Safe to call more than once.
async function shutdownEnvironment() {
	if (!state.userFolder) return;
	if (state.containerUsed) {
		const Container = getContainer();
		// Every node execution context instantiates it (SSH tunnel helpers); not exported.
		Container.get(loadSshClientsManager()).onShutdown();
		Container.reset();
	}

	removeUserFolder(state.userFolder);
	if (state.exitHook) process.removeListener('exit', state.exitHook);
	for (const [name, value] of Object.entries(state.savedEnv)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	state.userFolder = undefined;
	state.savedEnv = undefined;
	state.binaryDataReady = false;
	state.containerUsed = false;
	state.exitHook = undefined;
}

module.exports = {
	SUPPORTED_BINARY_MODES,
	loadCore,
	getContainer,
	prepareProcessEnvironment,
	useBinaryDataMode,
	getBinaryDataService,
	shutdownEnvironment,
};
