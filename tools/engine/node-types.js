'use strict';
// Loads the package's compiled nodes/credentials (package.json `n8n` block, from dist/) and
// exposes them, together with harness and test-provided node types, as n8n's INodeTypes.

const fs = require('fs');
const path = require('path');
const { NodeHelpers } = require('n8n-workflow');
const { createBuiltinNodeTypes } = require('./builtin-nodes');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function readPackageJson(packageRoot) {
	return JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
}

function instantiateExports(packageRoot, file) {
	const absolute = path.join(packageRoot, file);
	if (!fs.existsSync(absolute)) {
		throw new Error(
			`n8n harness: ${file} does not exist — build the package first (npm run build)`,
		);
	}
	const exported = require(absolute);
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

// Read on every call (not at require time) so builds made after the harness was loaded count.
function loadPackageNodeTypes(packageRoot = REPO_ROOT) {
	const pkg = readPackageJson(packageRoot);
	const nodeTypes = {};
	for (const file of pkg.n8n?.nodes ?? []) {
		for (const instance of instantiateExports(packageRoot, file)) {
			if (!instance.description?.name) continue;
			const { name } = instance.description;
			nodeTypes[`CUSTOM.${name}`] = instance;
			nodeTypes[`${pkg.name}.${name}`] = instance;
		}
	}
	return nodeTypes;
}

function loadPackageCredentialTypes(packageRoot = REPO_ROOT) {
	const pkg = readPackageJson(packageRoot);
	const credentialTypes = {};
	for (const file of pkg.n8n?.credentials ?? []) {
		for (const instance of instantiateExports(packageRoot, file)) {
			if (typeof instance.name === 'string' && Array.isArray(instance.properties)) {
				credentialTypes[instance.name] = instance;
			}
		}
	}
	return credentialTypes;
}

function isPackageNodeType(typeName, packageName) {
	return typeName.startsWith('CUSTOM.') || typeName.startsWith(`${packageName}.`);
}

class HarnessNodeTypes {
	constructor(nodeTypesByName) {
		this.nodeTypesByName = nodeTypesByName;
	}

	getByName(nodeType) {
		const type = this.nodeTypesByName[nodeType];
		if (!type) {
			throw new Error(
				`n8n harness: unknown node type "${nodeType}" (known: ${Object.keys(this.nodeTypesByName).join(', ')})`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * INodeTypes with the harness built-ins, the package's node types (loaded from
 * `<packageRoot>/package.json` `n8n.nodes` only when `includePackage` is true, or 'auto' and one
 * of `usedTypes` names a package type) and `extraNodeTypes` (which win on name clashes).
 */
function createNodeTypes({
	extraNodeTypes = {},
	inputItems,
	includePackage = true,
	usedTypes = [],
	packageRoot = REPO_ROOT,
} = {}) {
	const packageName = readPackageJson(packageRoot).name;
	const wantPackage =
		includePackage === true ||
		(includePackage === 'auto' && usedTypes.some((type) => isPackageNodeType(type, packageName)));
	return new HarnessNodeTypes({
		...createBuiltinNodeTypes({ inputItems }),
		...(wantPackage ? loadPackageNodeTypes(packageRoot) : {}),
		...extraNodeTypes,
	});
}

module.exports = {
	REPO_ROOT,
	HarnessNodeTypes,
	createNodeTypes,
	loadPackageNodeTypes,
	loadPackageCredentialTypes,
};
