'use strict';
// Checks every service's e2e cases share: an execution that ran clean, a stored file's bytes,
// the restore sessions of one Veeam Explorer still running.

const assert = require('node:assert/strict');
const fs = require('node:fs');

const { findStoredBinary } = require('../../tools/n8n/binary-store');

/** The run JSON of an `n8n execute` that exited 0 without a workflow error. */
function succeeded(result, what) {
	assert.ok(
		result.run,
		`no run JSON in the output of ${what}\n${(result.stdout + result.stderr).slice(-3000)}`,
	);
	assert.equal(result.code, 0, `${what}: exit ${result.code ?? result.signal}`);
	const error = result.run.data?.resultData?.error;
	assert.equal(error, undefined, `${what} reported an error: ${error?.message}`);
	return result.run;
}

/** The bytes n8n stored for a binary (filesystem mode). */
function storedBytes(userFolder, binary) {
	const stored = findStoredBinary(userFolder, binary.id);
	assert.ok(stored, `binary ${binary.id} not found in the binary data folder`);
	return fs.readFileSync(stored);
}

/** How many restore sessions of this type (Vex, Veod, Vesp, Vet) are still running. */
const runningSessionsOf = (sim, type) =>
	[...sim.state.sessions.values()].filter((s) => s.type === type && s.state !== 'Stopped').length;

module.exports = { succeeded, storedBytes, runningSessionsOf };
