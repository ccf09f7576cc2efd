'use strict';

const fs = require('fs');
const path = require('path');
const { VERSIONS, OPERATIONS, operationIdFor } = require('./operations');
const {
	defaultSourceDir,
	sourceFileName,
	reducedFilePath,
	reduceSpec,
	renderJson,
	buildReducedText,
} = require('./reduce-spec');
const { listOperations } = require('./index');

const sourceDir = defaultSourceDir();
const haveSources = VERSIONS.every((v) => fs.existsSync(path.join(sourceDir, sourceFileName(v))));

describe('committed reduced specs match the Veeam sources', () => {
	if (!haveSources && /^(1|true)$/i.test(process.env.CI || '')) {
		test('source specs are present in CI', () => {
			throw new Error(
				`VB365 OpenAPI sources not found in ${sourceDir}; CI must provide ../shared/vb365-openapi`,
			);
		});
	}
	const maybe = haveSources ? test : test.skip;
	for (const version of VERSIONS) {
		const label = haveSources ? '' : ` (SKIPPED: ${sourceDir} not found; set VB365_OPENAPI_DIR)`;
		maybe(
			`${version} is up to date; regenerate with node test/contract/reduce-spec.js${label}`,
			() => {
				// Compared as data, so reformatting the committed file (e.g. by prettier) does not matter.
				const committed = JSON.parse(fs.readFileSync(reducedFilePath(version), 'utf8'));
				expect(JSON.parse(buildReducedText(version, sourceDir))).toEqual(committed);
			},
		);
	}
});

describe('reduced spec content', () => {
	const docs = Object.fromEntries(
		VERSIONS.map((v) => [v, JSON.parse(fs.readFileSync(reducedFilePath(v), 'utf8'))]),
	);

	test.each(VERSIONS)('%s has its keys sorted at every level (deterministic output)', (version) => {
		const unsorted = [];
		const walk = (node, where) => {
			if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
			else if (node && typeof node === 'object') {
				const keys = Object.keys(node);
				if (keys.join('\n') !== [...keys].sort().join('\n')) unsorted.push(where || '(root)');
				for (const key of keys) walk(node[key], `${where}/${key}`);
			}
		};
		walk(docs[version], '');
		expect(unsorted).toEqual([]);
	});

	test('renderJson sorts keys recursively and is stable', () => {
		const text = renderJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } });
		expect(text).toBe(renderJson(JSON.parse(text)));
		expect(text.replace(/\s/g, '')).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
	});

	test.each(VERSIONS)('%s holds exactly the project operations', (version) => {
		const expected = OPERATIONS.map((op) => operationIdFor(version, op.name))
			.filter(Boolean)
			.sort();
		expect(
			listOperations(version)
				.map((op) => op.operationId)
				.sort(),
		).toEqual(expected);
	});

	test('only v6 lacks logout; v7 restore points use their own operationId', () => {
		expect(operationIdFor('v6', 'logout')).toBeUndefined();
		expect(
			listOperations('v7').find((op) => op.name === 'RestorePoint_GetRestorePoints').operationId,
		).toBe('RestorePoint_GetRestorePointsV7');
	});

	test.each(VERSIONS)(
		'%s has no prose and no vendor extensions except x-veeam-page-result',
		(version) => {
			const offending = [];
			const walkSchema = (schema, where) => {
				if (!schema || typeof schema !== 'object') return;
				for (const [key, value] of Object.entries(schema)) {
					if (['description', 'summary', 'example', 'examples', 'title'].includes(key))
						offending.push(`${where}.${key}`);
					if (key.startsWith('x-') && key !== 'x-veeam-page-result')
						offending.push(`${where}.${key}`);
					if (key === 'properties')
						for (const [name, sub] of Object.entries(value)) walkSchema(sub, `${where}.${name}`);
					if (key === 'items' || key === 'additionalProperties') walkSchema(value, `${where}[]`);
				}
			};
			for (const [name, schema] of Object.entries(docs[version].components.schemas))
				walkSchema(schema, name);
			for (const item of Object.values(docs[version].paths)) {
				for (const op of Object.values(item)) {
					for (const key of Object.keys(op))
						expect(['operationId', 'parameters', 'requestBody', 'responses']).toContain(key);
				}
			}
			expect(offending).toEqual([]);
			// A property that is merely called "description" must survive the stripping.
			expect(docs[version].components.schemas.RESTSharePointList.properties.description).toEqual({
				type: 'string',
			});
		},
	);

	test.each(VERSIONS)('%s includes every referenced schema and no unreferenced one', (version) => {
		const doc = docs[version];
		const refs = new Set();
		const collect = (node) => {
			if (Array.isArray(node)) node.forEach(collect);
			else if (node && typeof node === 'object') {
				for (const [key, value] of Object.entries(node)) {
					if (key === '$ref') refs.add(value.split('/').pop());
					else collect(value);
				}
			}
		};
		collect(doc);
		expect([...refs].sort()).toEqual(Object.keys(doc.components.schemas).sort());
	});

	test('reduceSpec refuses a spec that lacks a listed operation', () => {
		const spec = {
			openapi: '3.0.1',
			info: { version: 'v8' },
			paths: {},
			components: { schemas: {} },
		};
		expect(() => reduceSpec(spec, 'v8')).toThrow(/operations missing from the spec: token, logout/);
	});
});
