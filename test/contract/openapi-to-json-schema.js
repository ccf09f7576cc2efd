'use strict';

// Converts OpenAPI 3.0 schema objects into JSON Schema (draft-07) that ajv can compile.
//
// mode 'response': the schema as declared (additionalProperties only where the spec says so);
//   writeOnly properties are forbidden and not required.
// mode 'request': additionally every object schema with `properties` and no declared
//   `additionalProperties` becomes closed (additionalProperties: false), and readOnly
//   properties are forbidden and not required, so fields the API does not know are reported.

const SCHEMA_REF_PREFIX = '#/components/schemas/';
const DROPPED = new Set([
	'discriminator',
	'xml',
	'externalDocs',
	'example',
	'examples',
	'description',
	'title',
]);

function convertSchema(schema, options) {
	if (schema === null || typeof schema !== 'object') return schema;
	const { mode, refBase } = options;
	const out = {};
	for (const [key, value] of Object.entries(schema)) {
		if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue;
		if (key === '$ref') out.$ref = rewriteRef(value, refBase);
		else if (key === 'properties') out.properties = convertProperties(value, options);
		else if (key === 'items' || key === 'additionalProperties' || key === 'not')
			out[key] = convertSchema(value, options);
		else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf')
			out[key] = value.map((s) => convertSchema(s, options));
		else out[key] = value;
	}

	if (schema.properties) {
		const forbidden = Object.keys(schema.properties).filter((name) =>
			isForbidden(schema.properties[name], mode),
		);
		if (out.required) {
			out.required = out.required.filter((name) => !forbidden.includes(name));
			if (!out.required.length) delete out.required;
		}
		if (mode === 'request' && !('additionalProperties' in schema)) out.additionalProperties = false;
	}

	return schema.nullable === true ? makeNullable(out) : out;
}

function convertProperties(properties, options) {
	const out = {};
	for (const [name, propertySchema] of Object.entries(properties)) {
		out[name] = isForbidden(propertySchema, options.mode)
			? false
			: convertSchema(propertySchema, options);
	}
	return out;
}

function isForbidden(propertySchema, mode) {
	if (!propertySchema || typeof propertySchema !== 'object') return false;
	return mode === 'request' ? propertySchema.readOnly === true : propertySchema.writeOnly === true;
}

function makeNullable(schema) {
	if (typeof schema.type === 'string') {
		const nullable = { ...schema, type: [schema.type, 'null'] };
		if (Array.isArray(schema.enum) && !schema.enum.includes(null))
			nullable.enum = [...schema.enum, null];
		return nullable;
	}
	if (Array.isArray(schema.type)) {
		return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
	}
	return { anyOf: [schema, { type: 'null' }] };
}

function rewriteRef(ref, refBase) {
	if (!ref.startsWith(SCHEMA_REF_PREFIX)) throw new Error(`unsupported $ref: ${ref}`);
	return `${refBase}#/definitions/${ref.slice(SCHEMA_REF_PREFIX.length)}`;
}

/** Converts all component schemas into one JSON Schema document with `definitions`. */
function convertComponents(schemas, { mode, id }) {
	const definitions = {};
	for (const [name, schema] of Object.entries(schemas))
		definitions[name] = convertSchema(schema, { mode, refBase: id });
	return { $id: id, definitions };
}

module.exports = { convertSchema, convertComponents };
