#!/usr/bin/env node
'use strict';

// Reduces Veeam's VB365 OpenAPI specs to the operations this project uses.
// Usage: node test/contract/reduce-spec.js [SOURCE_DIR]
// SOURCE_DIR defaults to $VB365_OPENAPI_DIR, else ../shared/vb365-openapi next to the repo.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { VERSIONS, OPERATIONS, operationIdFor } = require('./operations');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const PROSE_KEYWORDS = new Set([
	'description',
	'summary',
	'example',
	'examples',
	'title',
	'externalDocs',
]);
const KEPT_EXTENSIONS = new Set(['x-veeam-page-result']);
const SCHEMA_REF_PREFIX = '#/components/schemas/';

function defaultSourceDir() {
	return process.env.VB365_OPENAPI_DIR || path.resolve(__dirname, '../../../shared/vb365-openapi');
}

function sourceFileName(version) {
	return `vb365_rest_${version}.json`;
}

function reducedFilePath(version) {
	return path.join(__dirname, `vb365-${version}.reduced.json`);
}

function isDropped(key) {
	return PROSE_KEYWORDS.has(key) || (key.startsWith('x-') && !KEPT_EXTENSIONS.has(key));
}

function mapValues(obj, fn) {
	const out = {};
	for (const [key, value] of Object.entries(obj)) out[key] = fn(value);
	return out;
}

// Schema-aware, so a property that happens to be called "description" survives.
function cleanSchema(schema) {
	if (schema === null || typeof schema !== 'object') return schema;
	const out = {};
	for (const [key, value] of Object.entries(schema)) {
		if (isDropped(key)) continue;
		if (key === 'properties') out[key] = mapValues(value, cleanSchema);
		else if (key === 'items' || key === 'additionalProperties' || key === 'not')
			out[key] = cleanSchema(value);
		else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf')
			out[key] = value.map(cleanSchema);
		else out[key] = value;
	}
	return out;
}

function cleanContent(content) {
	return mapValues(content, (media) => ({ schema: cleanSchema(media.schema) }));
}

function cleanOperation(op) {
	const out = { operationId: op.operationId };
	if (op.parameters && op.parameters.length) {
		out.parameters = op.parameters.map((p) => {
			if (p.$ref) throw new Error(`parameter $ref not supported: ${p.$ref}`);
			const param = { in: p.in, name: p.name, schema: cleanSchema(p.schema) };
			if (p.required !== undefined) param.required = p.required;
			return param;
		});
	}
	if (op.requestBody) {
		out.requestBody = { content: cleanContent(op.requestBody.content) };
		if (op.requestBody.required !== undefined) out.requestBody.required = op.requestBody.required;
	}
	out.responses = mapValues(op.responses, (response) =>
		response.content ? { content: cleanContent(response.content) } : {},
	);
	return out;
}

function collectRefs(node, found) {
	if (Array.isArray(node)) {
		node.forEach((n) => collectRefs(n, found));
	} else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') found.add(value);
			else if (key === 'discriminator' && value && value.mapping)
				Object.values(value.mapping).forEach((r) => found.add(r));
			else collectRefs(value, found);
		}
	}
	return found;
}

function schemaNameOf(ref) {
	if (!ref.startsWith(SCHEMA_REF_PREFIX)) throw new Error(`unsupported $ref: ${ref}`);
	return ref.slice(SCHEMA_REF_PREFIX.length);
}

function indexOperations(spec) {
	const byId = new Map();
	for (const [pathTemplate, item] of Object.entries(spec.paths)) {
		for (const method of HTTP_METHODS) {
			const op = item[method];
			if (op && op.operationId) byId.set(op.operationId, { pathTemplate, method, op });
		}
	}
	return byId;
}

/** Returns the reduced document for one spec version. Throws if a listed operation is missing. */
function reduceSpec(spec, version, source = {}) {
	const byId = indexOperations(spec);
	const missing = [];
	const paths = {};
	for (const { name } of OPERATIONS) {
		const operationId = operationIdFor(version, name);
		if (!operationId) continue;
		const found = byId.get(operationId);
		if (!found) {
			missing.push(operationId);
			continue;
		}
		paths[found.pathTemplate] = paths[found.pathTemplate] || {};
		paths[found.pathTemplate][found.method] = cleanOperation(found.op);
	}
	if (missing.length)
		throw new Error(`${version}: operations missing from the spec: ${missing.join(', ')}`);

	const schemas = {};
	const pending = [...collectRefs(paths, new Set())];
	while (pending.length) {
		const name = schemaNameOf(pending.pop());
		if (name in schemas) continue;
		const original = spec.components.schemas[name];
		if (!original) throw new Error(`${version}: dangling $ref to ${name}`);
		schemas[name] = cleanSchema(original);
		pending.push(...collectRefs(schemas[name], new Set()));
	}

	const reduced = {
		openapi: spec.openapi,
		info: { version: spec.info.version },
		paths,
		components: { schemas },
	};
	if (source.file) reduced['x-reduced-from'] = { file: source.file, sha256: source.sha256 };
	return reduced;
}

function sortKeysDeep(value) {
	if (Array.isArray(value)) return value.map(sortKeysDeep);
	if (value && typeof value === 'object') {
		const out = {};
		for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep(value[key]);
		return out;
	}
	return value;
}

function renderJson(value) {
	return JSON.stringify(sortKeysDeep(value), null, 2) + '\n';
}

/** Reads the source spec of `version` from `sourceDir` and returns the reduced file text. */
function buildReducedText(version, sourceDir = defaultSourceDir()) {
	const file = sourceFileName(version);
	const sourcePath = path.join(sourceDir, file);
	if (!fs.existsSync(sourcePath)) {
		throw new Error(
			`source spec not found: ${sourcePath} (pass a directory or set VB365_OPENAPI_DIR)`,
		);
	}
	const raw = fs.readFileSync(sourcePath);
	const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
	return renderJson(reduceSpec(JSON.parse(raw.toString('utf8')), version, { file, sha256 }));
}

function main(argv) {
	const sourceDir = argv[0] ? path.resolve(argv[0]) : defaultSourceDir();
	// Build all versions before writing any, so a failure leaves the committed files untouched.
	const texts = VERSIONS.map((version) => [version, buildReducedText(version, sourceDir)]);
	for (const [version, text] of texts) {
		const target = reducedFilePath(version);
		fs.writeFileSync(target, text);
		const doc = JSON.parse(text);
		const opCount = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
		const schemaCount = Object.keys(doc.components.schemas).length;
		process.stdout.write(
			`${path.relative(process.cwd(), target)}: ${opCount} operations, ${schemaCount} schemas, ${text.length} bytes\n`,
		);
	}
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`reduce-spec: ${error.message}\n`);
		process.exit(1);
	}
}

module.exports = {
	defaultSourceDir,
	sourceFileName,
	reducedFilePath,
	reduceSpec,
	renderJson,
	buildReducedText,
};
