'use strict';

// Contract checks for VB365 REST calls against the reduced Veeam OpenAPI specs
// (vb365-vN.reduced.json, produced by reduce-spec.js). See README.md.

const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { VERSIONS, operationIdFor, nameForOperationId } = require('./operations');
const { convertSchema, convertComponents } = require('./openapi-to-json-schema');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const ANY_TYPE = '*/*';

const states = new Map();

function assertVersion(version) {
	if (!VERSIONS.includes(version)) {
		throw new TypeError(
			`unsupported API version ${JSON.stringify(version)}; expected one of ${VERSIONS.join(', ')}`,
		);
	}
}

function readReducedSpec(version) {
	assertVersion(version);
	return require(path.join(__dirname, `vb365-${version}.reduced.json`));
}

/** A private copy of the reduced spec, so callers cannot alter what the validators use. */
function loadReducedSpec(version) {
	return structuredClone(readReducedSpec(version));
}

function createAjv() {
	const ajv = new Ajv({ allErrors: true, strict: true });
	addFormats(ajv); // includes the OpenAPI formats int32, int64, float, double, byte, password, binary
	return ajv;
}

// Per-version state; the ajv instance and validators are created on first use.
function stateFor(version) {
	assertVersion(version);
	let state = states.get(version);
	if (!state) {
		const spec = readReducedSpec(version);
		state = { version, spec, routes: buildRoutes(spec), ajv: null, validators: new Map() };
		states.set(version, state);
	}
	return state;
}

function ajvFor(state) {
	if (!state.ajv) {
		const ajv = createAjv();
		for (const mode of ['request', 'response']) {
			ajv.addSchema(
				convertComponents(state.spec.components.schemas, {
					mode,
					id: schemaDocId(state.version, mode),
				}),
			);
		}
		state.ajv = ajv;
	}
	return state.ajv;
}

function schemaDocId(version, mode) {
	return `vb365-${version}-${mode}.json`;
}

function validatorFor(state, key, openApiSchema, mode) {
	let validate = state.validators.get(key);
	if (!validate) {
		const ajv = ajvFor(state);
		validate = ajv.compile(
			convertSchema(openApiSchema, { mode, refBase: schemaDocId(state.version, mode) }),
		);
		state.validators.set(key, validate);
	}
	return validate;
}

// ---------------------------------------------------------------- routing

function buildRoutes(spec) {
	const routes = [];
	for (const [pathTemplate, item] of Object.entries(spec.paths)) {
		const segments = splitPath(pathTemplate).map((segment) => {
			const match = /^\{([^}]+)\}$/.exec(segment);
			return match ? { param: match[1] } : { literal: segment.toLowerCase() };
		});
		for (const method of HTTP_METHODS) {
			if (item[method]) routes.push({ method, pathTemplate, segments, operation: item[method] });
		}
	}
	return routes;
}

// Drops the leading slash and one trailing slash; inner empty segments stay so they match nothing.
function splitPath(pathname) {
	const segments = pathname.split('/').slice(1);
	if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
	return segments;
}

function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function parseTarget(target) {
	const url = new URL(String(target), 'http://contract.invalid');
	return { segments: splitPath(url.pathname).map(decodeSegment), query: url.searchParams };
}

function matchRoute(route, segments) {
	if (route.segments.length !== segments.length) return null;
	const params = {};
	let literals = 0;
	for (let i = 0; i < segments.length; i++) {
		const expected = route.segments[i];
		if (expected.param) {
			if (segments[i] === '') return null;
			params[expected.param] = segments[i];
		} else if (expected.literal === segments[i].toLowerCase()) {
			literals++;
		} else {
			return null;
		}
	}
	return { params, literals };
}

// Returns the best route for the path regardless of method, plus the methods the path allows.
function resolve(state, method, target) {
	const { segments, query } = parseTarget(target);
	const wanted = String(method).toLowerCase();
	let best = null;
	const allowed = new Set();
	for (const route of state.routes) {
		const match = matchRoute(route, segments);
		if (!match) continue;
		allowed.add(route.method.toUpperCase());
		if (route.method === wanted && (!best || match.literals > best.literals))
			best = { route, ...match };
	}
	return { best, allowed: [...allowed].sort(), query };
}

function describeOperation(state, found) {
	const { operationId } = found.route.operation;
	return {
		operationId,
		name: nameForOperationId(state.version, operationId),
		pathTemplate: found.route.pathTemplate,
		params: found.params,
	};
}

/**
 * findOperation('v8', 'GET', '/v8/restoresessions/<id>?x=1')
 *   -> { operationId, name, pathTemplate, params } | null
 */
function findOperation(version, method, target) {
	const state = stateFor(version);
	const { best } = resolve(state, method, target);
	return best ? describeOperation(state, best) : null;
}

function lookupForValidation(version, method, target) {
	const state = stateFor(version);
	const resolved = resolve(state, method, target);
	if (resolved.best) return { state, found: resolved.best, query: resolved.query };
	const where = `${String(method).toUpperCase()} ${String(target).split('?')[0]}`;
	const hint = resolved.allowed.length ? ` (that path allows: ${resolved.allowed.join(', ')})` : '';
	return { error: `no ${version} operation in the contract matches ${where}${hint}` };
}

// ---------------------------------------------------------------- values and errors

function isEmptyBody(body) {
	if (body === undefined || body === null) return true;
	if (typeof body === 'string') return body.length === 0;
	if (body instanceof ArrayBuffer) return body.byteLength === 0;
	if (ArrayBuffer.isView(body)) return body.byteLength === 0;
	return false;
}

function isBinary(body) {
	return typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}

function bodyText(body) {
	if (typeof body === 'string') return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (ArrayBuffer.isView(body))
		return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
	return null;
}

// Returns { value } or { error }. Objects/arrays/numbers/booleans are taken as already-parsed JSON.
function parseJsonBody(body) {
	const text = bodyText(body);
	if (text === null) return { value: body };
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { error: 'is not valid JSON' };
	}
}

function normalizeMediaType(contentType) {
	if (contentType === undefined || contentType === null || contentType === '') return '';
	return String(contentType).split(';')[0].trim().toLowerCase();
}

function isJsonMediaType(mediaType) {
	return mediaType === JSON_TYPE || /^application\/[^/]+\+json$/.test(mediaType);
}

// ajv errors -> readable strings. Values are never echoed, so secrets in bodies cannot leak.
function formatAjvErrors(errors, subject, mode) {
	const messages = (errors || []).map((error) => {
		const where = `${subject}${error.instancePath}`;
		switch (error.keyword) {
			case 'additionalProperties':
				return `${where}: unknown property "${error.params.additionalProperty}"`;
			case 'required':
				return `${where}: missing required property "${error.params.missingProperty}"`;
			case 'enum':
				return `${where}: must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
			case 'false schema':
				return mode === 'request'
					? `${where}: read-only property must not be sent`
					: `${where}: write-only property must not be returned`;
			default:
				return `${where}: ${error.message}`;
		}
	});
	return [...new Set(messages)];
}

function schemaTypeOf(schema) {
	if (!schema) return undefined;
	return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

// Turns a string from a URL or form into the JSON type its schema declares, when unambiguous.
function coerceString(raw, schema) {
	switch (schemaTypeOf(schema)) {
		case 'integer':
			return /^[+-]?\d+$/.test(raw) ? Number(raw) : raw;
		case 'number':
			return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
		case 'boolean':
			if (/^true$/i.test(raw)) return true;
			if (/^false$/i.test(raw)) return false;
			return raw;
		default:
			return raw;
	}
}

function resolveLocalRef(spec, schema) {
	let current = schema;
	while (current && current.$ref) current = spec.components.schemas[current.$ref.split('/').pop()];
	return current;
}

// ---------------------------------------------------------------- parameters

function checkParameter(state, operationId, param, raw, errors) {
	const subject = `${param.in} parameter ${param.name}`;
	const schema = resolveLocalRef(state.spec, param.schema) || {};
	const key = `param|${operationId}|${param.in}|${param.name}`;
	// Parameters are scalars, so the open ('response') conversion is the right one.
	const validate = validatorFor(state, key, param.schema, 'response');
	const value = coerceString(raw, schema);
	if (!validate(value)) errors.push(...formatAjvErrors(validate.errors, subject, 'request'));
}

function checkPathParameters(state, operation, params, errors) {
	for (const param of (operation.parameters || []).filter((p) => p.in === 'path')) {
		checkParameter(state, operation.operationId, param, params[param.name], errors);
	}
}

function checkQueryParameters(state, operation, query, errors) {
	const declared = (operation.parameters || []).filter((p) => p.in === 'query');
	const seen = new Map();
	for (const [name, value] of query) {
		// ASP.NET binds query names case-insensitively.
		const param = declared.find((p) => p.name.toLowerCase() === name.toLowerCase());
		if (!param) {
			const known = declared.map((p) => p.name).join(', ') || 'none';
			errors.push(`unknown query parameter "${name}" (known: ${known})`);
			continue;
		}
		if (seen.has(param.name)) {
			errors.push(`query parameter ${param.name} given more than once`);
			continue;
		}
		seen.set(param.name, value);
		checkParameter(state, operation.operationId, param, value, errors);
	}
	for (const param of declared) {
		if (param.required && !seen.has(param.name))
			errors.push(`missing required query parameter ${param.name}`);
	}
}

// ---------------------------------------------------------------- request bodies

// Form-encoded only when the body is text that is not JSON, or URLSearchParams (token accepts both).
function chooseRequestMediaType(content, body, explicitType) {
	if (explicitType) return normalizeMediaType(explicitType);
	if (body instanceof URLSearchParams) return FORM_TYPE;
	const isText = bodyText(body) !== null;
	const isJsonText = isText && !parseJsonBody(body).error;
	const acceptsForm = FORM_TYPE in content;
	if (acceptsForm && isText && !(JSON_TYPE in content && isJsonText)) return FORM_TYPE;
	return JSON_TYPE;
}

function formFields(body) {
	if (body instanceof URLSearchParams) return body;
	const text = bodyText(body);
	if (text !== null) return new URLSearchParams(text);
	return new URLSearchParams(Object.entries(body).map(([name, value]) => [name, String(value)]));
}

function parseFormBody(body, schema, errors) {
	const properties = (schema && schema.properties) || {};
	const value = {};
	for (const [name, raw] of formFields(body)) {
		if (name in value) {
			errors.push(`request body field ${name} given more than once`);
			continue;
		}
		value[name] = coerceString(raw, properties[name]);
	}
	return value;
}

function checkRequestBody(state, operation, body, options, errors) {
	const requestBody = operation.requestBody;
	if (!requestBody) {
		if (!isEmptyBody(body)) errors.push('operation takes no request body, but one was given');
		return;
	}
	if (isEmptyBody(body)) {
		if (requestBody.required) errors.push('request body is required');
		return;
	}
	const mediaType = chooseRequestMediaType(requestBody.content, body, options.contentType);
	const media = requestBody.content[mediaType];
	if (!media) {
		errors.push(
			`request content type ${mediaType} is not accepted (declared: ${Object.keys(requestBody.content).join(', ')})`,
		);
		return;
	}
	let value;
	if (mediaType === FORM_TYPE) {
		value = parseFormBody(body, resolveLocalRef(state.spec, media.schema), errors);
	} else {
		const parsed = parseJsonBody(body);
		if (parsed.error) {
			errors.push(`request body ${parsed.error}`);
			return;
		}
		value = parsed.value;
	}
	const validate = validatorFor(
		state,
		`request|${operation.operationId}|${mediaType}`,
		media.schema,
		'request',
	);
	if (!validate(value)) errors.push(...formatAjvErrors(validate.errors, 'request body', 'request'));
}

/**
 * validateRequest(version, method, path, body, options?) -> { ok, operationId, errors }
 * body: undefined/null for none, a parsed JSON value, a JSON string/Buffer, or for form
 * operations (token) a URLSearchParams or form-encoded string. options.contentType picks
 * the media type explicitly; with 'application/x-www-form-urlencoded' a plain object is read
 * as form fields (values as strings).
 */
function validateRequest(version, method, target, body, options = {}) {
	const lookup = lookupForValidation(version, method, target);
	if (lookup.error) return { ok: false, operationId: null, errors: [lookup.error] };
	const { state, found, query } = lookup;
	const operation = found.route.operation;
	const errors = [];
	checkPathParameters(state, operation, found.params, errors);
	checkQueryParameters(state, operation, query, errors);
	checkRequestBody(state, operation, body, options, errors);
	return { ok: errors.length === 0, operationId: operation.operationId, errors };
}

// ---------------------------------------------------------------- responses

function declaredResponse(responses, status) {
	const code = String(status);
	if (responses[code]) return responses[code];
	const isSuccess = /^2\d\d$/.test(code);
	return !isSuccess && responses.default ? responses.default : null;
}

// The specs declare the token response as */*; the real server sends JSON, so */* is read as JSON.
function matchResponseMedia(content, mediaType) {
	if (content[mediaType]) return { key: mediaType, media: content[mediaType] };
	if (content[ANY_TYPE] && mediaType === JSON_TYPE)
		return { key: ANY_TYPE, media: content[ANY_TYPE] };
	return null;
}

/**
 * validateResponse(version, method, path, status, contentType, body) -> { ok, operationId, errors }
 * body: undefined/null/'' /empty Buffer for none; Buffer or string for binary; parsed JSON value,
 * JSON string or Buffer for JSON.
 */
function validateResponse(version, method, target, status, contentType, body) {
	const lookup = lookupForValidation(version, method, target);
	if (lookup.error) return { ok: false, operationId: null, errors: [lookup.error] };
	const { state, found } = lookup;
	const operation = found.route.operation;
	const errors = [];
	const result = () => ({ ok: errors.length === 0, operationId: operation.operationId, errors });

	const response = declaredResponse(operation.responses, status);
	if (!response) {
		errors.push(
			`status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`,
		);
		return result();
	}
	if (!response.content) {
		if (!isEmptyBody(body)) errors.push(`status ${status} declares no body, but one was returned`);
		return result();
	}

	const mediaType = normalizeMediaType(contentType);
	const declaredTypes = Object.keys(response.content).map((t) => (t === ANY_TYPE ? JSON_TYPE : t));
	const matched = matchResponseMedia(response.content, mediaType);
	if (!matched) {
		errors.push(
			`content type ${mediaType || '(none)'} does not match the declared ${declaredTypes.join(', ')} for status ${status}`,
		);
		return result();
	}
	if (isEmptyBody(body)) {
		errors.push(
			`status ${status} declares ${declaredTypes.join(', ')} content, but the body is empty`,
		);
		return result();
	}
	if (!isJsonMediaType(mediaType)) {
		// Binary downloads: the spec's schema for octet-stream ({type: object}) says nothing about bytes.
		if (!isBinary(body))
			errors.push(`${mediaType} body must be bytes (Buffer/string), not a parsed value`);
		return result();
	}
	const parsed = parseJsonBody(body);
	if (parsed.error) {
		errors.push(`response body ${parsed.error}`);
		return result();
	}
	const key = `response|${operation.operationId}|${String(status)}|${matched.key}`;
	const validate = validatorFor(state, key, matched.media.schema, 'response');
	if (!validate(parsed.value))
		errors.push(...formatAjvErrors(validate.errors, 'response body', 'response'));
	return result();
}

/** All contract operations of a version: [{ name, operationId, method, pathTemplate }]. */
function listOperations(version) {
	return stateFor(version).routes.map((route) => ({
		name: nameForOperationId(version, route.operation.operationId),
		operationId: route.operation.operationId,
		method: route.method.toUpperCase(),
		pathTemplate: route.pathTemplate,
	}));
}

module.exports = {
	VERSIONS,
	findOperation,
	validateRequest,
	validateResponse,
	listOperations,
	operationIdFor,
	loadReducedSpec,
};
