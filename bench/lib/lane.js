'use strict';
// One n8n lane prepared for the benchmark: the packed package installed into a fresh user folder,
// the credential and the workflows imported, and helpers to run and clean up executions.

const fs = require('node:fs');
const path = require('node:path');

const { n8nEnv, n8nOk, writeJson } = require('../../tools/n8n/n8n');
const { installIntoUserFolder } = require('../../tools/n8n/package');
const { binaryStoreDirs } = require('../../tools/n8n/binary-store');
const { executeSampled, assertRunSucceeded } = require('./n8n-exec');

/**
 * Installs the tarball into <workDir>/lane-<id>/user, imports `credential` and `workflows`.
 * Returns { laneDef, env, userFolder, logFile, execute(id, what), reimportCredential(), clearBinaryData() }.
 */
async function prepareLane(laneDef, { tarball, workDir, credential, workflows }) {
	const dir = path.join(workDir, `lane-${laneDef.id}`);
	const userFolder = path.join(dir, 'user');
	const logFile = path.join(dir, 'n8n.log');
	fs.mkdirSync(dir, { recursive: true });
	await installIntoUserFolder(tarball, userFolder);
	// Log level info: `n8n execute --rawOutput` prints the run through the logger.
	const env = await n8nEnv(laneDef, userFolder);
	const credentialFile = writeJson(path.join(dir, 'credentials.json'), [credential]);
	const workflowDir = path.join(dir, 'workflows');
	for (const wf of workflows) writeJson(path.join(workflowDir, `${wf.id}.json`), wf);
	const importCredential = () =>
		n8nOk(laneDef, env, ['import:credentials', `--input=${credentialFile}`], { logFile });
	await importCredential();
	await n8nOk(laneDef, env, ['import:workflow', '--separate', `--input=${workflowDir}`], {
		logFile,
	});

	const clearBinaryData = () => {
		for (const store of binaryStoreDirs(userFolder))
			fs.rmSync(store, { recursive: true, force: true });
	};
	return {
		laneDef,
		env,
		userFolder,
		logFile,
		/** Runs a workflow with memory sampling; throws unless it succeeded. */
		async execute(workflowId, what) {
			const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
			const result = await executeSampled(laneDef, env, workflowId, { logFile, nodeArgs });
			assertRunSucceeded(result, `${what} (lane ${laneDef.id})`);
			return result;
		},
		/** Imports the credential again: its stored session token is dropped, the next run logs in. */
		reimportCredential: importCredential,
		clearBinaryData,
	};
}

module.exports = { prepareLane };
