'use strict';
// Builds the package, packs it like `npm publish` would, and installs the tarball into an
// n8n user folder the way n8n's community-package installer lays it out.

const fs = require('node:fs');
const path = require('node:path');

const { REPO_ROOT } = require('./lanes');
const { run, seconds, tail } = require('./process');

const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;
const NODE_TYPE = `${PACKAGE_NAME}.veeamM365`;
const CREDENTIAL_TYPE = 'veeamM365Api';

async function buildPackage() {
	process.stdout.write('Building the package (npm run build) …\n');
	const result = await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: process.env });
	if (result.code !== 0) {
		throw new Error(`npm run build failed:\n${tail(result.stdout + result.stderr, 40)}`);
	}
	process.stdout.write(`  built in ${seconds(result.ms)}\n`);
}

/** `npm pack` into `destDir`; returns { tarball, files }. */
async function packPackage(destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const result = await run(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', destDir],
		{ cwd: REPO_ROOT, env: process.env },
	);
	if (result.code !== 0) throw new Error(`npm pack failed:\n${tail(result.stderr)}`);
	const [info] = JSON.parse(result.stdout);
	const tarball = path.join(destDir, info.filename);
	const files = info.files.map((f) => f.path);
	for (const required of ['package.json', 'dist/nodes/VeeamM365/VeeamM365.node.js', 'dist/credentials/VeeamM365Api.credentials.js']) {
		if (!files.includes(required)) throw new Error(`the packed tarball lacks ${required}`);
	}
	process.stdout.write(`  packed ${info.filename} (${files.length} files, ${info.size} bytes)\n`);
	return { tarball, files };
}

// What the published tarball may contain. `n8n-node build` copies every *.png/*.svg found below
// the project (outside dot-folders and the top-level node_modules) into dist/, so e.g. files the
// demo wrote to ./demo-output would otherwise be published.
const ALLOWED_IN_TARBALL = [
	/^(package\.json|README\.md|LICENSE\.md|CHANGELOG\.md)$/,
	/^dist\/(nodes|credentials|icons)\//,
	/^dist\/(package\.json|tsconfig\.tsbuildinfo)$/,
];

/** Files in the tarball that the package should not publish. */
function strayFiles(files) {
	return files.filter((file) => !ALLOWED_IN_TARBALL.some((pattern) => pattern.test(file)));
}

/**
 * Extracts the tarball to <userFolder>/.n8n/nodes/node_modules/<package>, next to a package.json
 * listing it — the layout n8n's own "Install community node" produces. Nothing else is installed:
 * the package's only peer, n8n-workflow, resolves to n8n's own copy.
 */
async function installIntoUserFolder(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const result = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {});
	if (result.code !== 0) throw new Error(`could not extract ${tarball}: ${result.stderr}`);
	const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: version } }, null, 2)}\n`,
	);
	return target;
}

module.exports = {
	PACKAGE_NAME,
	NODE_TYPE,
	CREDENTIAL_TYPE,
	buildPackage,
	packPackage,
	strayFiles,
	installIntoUserFolder,
};
