'use strict';
// Secret hygiene helpers: n8n's own logger captured at debug level, a deep collector of every
// string an execution produced (errors included: message, description, stack, cause, context),
// and a search for secret values in the encodings they could leak in.
const path = require('node:path');
const { getContainer, prepareProcessEnvironment } = require('../../tools/engine/environment');

/** Forms a secret may take on its way into a log or message. */
function secretVariants(secret) {
	const variants = new Set([
		secret,
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		Buffer.from(secret, 'utf8').toString('base64'),
	]);
	return [...variants].filter((variant) => variant.length >= 8);
}

const ERROR_FIELDS = [
	'name',
	'message',
	'description',
	'stack',
	'cause',
	'context',
	'errorResponse',
	'messages',
	'httpCode',
];

/**
 * Every string reachable from `value` (own properties, enumerable or not, and the usual error
 * fields), visiting each object once. Buffers are skipped: binary data holds file bytes.
 */
function collectStrings(value, out = [], seen = new WeakSet(), depth = 0) {
	if (typeof value === 'string') {
		out.push(value);
		return out;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		out.push(String(value));
		return out;
	}
	if (!value || typeof value !== 'object' || depth > 40) return out;
	if (seen.has(value) || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return out;
	seen.add(value);
	const keys = new Set(Object.getOwnPropertyNames(value));
	if (value instanceof Error) for (const field of ERROR_FIELDS) keys.add(field);
	for (const key of keys) {
		out.push(key);
		let child;
		try {
			child = value[key];
		} catch {
			continue;
		}
		collectStrings(child, out, seen, depth + 1);
	}
	if (value instanceof Map)
		for (const [k, v] of value) collectStrings([k, v], out, seen, depth + 1);
	if (value instanceof Set) for (const v of value) collectStrings(v, out, seen, depth + 1);
	return out;
}

/** Secret shown in a report: enough to tell which one, never the value. */
const mask = (secret) => `${secret.slice(0, 3)}…(${secret.length} chars)`;

/**
 * Searches each source ({ label: value }) for each secret; returns [{ source, secret, form }].
 * Values are flattened with collectStrings, so non-enumerable error fields count too.
 */
function findLeaks(sources, secrets) {
	const leaks = [];
	for (const [source, value] of Object.entries(sources)) {
		const text = collectStrings(value).join('\n');
		for (const secret of secrets) {
			for (const form of secretVariants(secret)) {
				if (text.includes(form))
					leaks.push({ source, secret: mask(secret), form: form === secret ? 'raw' : 'encoded' });
			}
		}
	}
	return leaks;
}

/** Resolves a module from `from` (default: n8n-core), as the tree holds several copies of some. */
function resolveFrom(moduleName, from = path.dirname(require.resolve('n8n-core'))) {
	return require.resolve(moduleName, { paths: [from] });
}

/**
 * Makes n8n's logger (the @n8n/backend-common Logger that n8n-core and n8n-workflow's
 * LoggerProxy use) log at debug level into memory. Call before the first workflow run of the
 * test file. Returns { records, text(), count }: every formatted line and its metadata.
 */
function captureN8nDebugLog() {
	prepareProcessEnvironment('filesystem');
	process.env.N8N_LOG_LEVEL = 'debug';
	const backendCommon = resolveFrom('@n8n/backend-common');
	const { Logger } = require(backendCommon);
	const winstonPath = resolveFrom('winston', path.dirname(backendCommon));
	const winston = require(winstonPath);
	const Transport = require(resolveFrom('winston-transport', path.dirname(winstonPath)));
	const MESSAGE = Symbol.for('message');

	const logger = getContainer().get(Logger);
	if (logger.level !== 'debug') {
		throw new Error(
			`n8n's logger was created at level "${logger.level}", not debug: capture it before the first run`,
		);
	}
	const records = [];
	class MemoryTransport extends Transport {
		log(info, callback) {
			records.push({ line: String(info[MESSAGE] ?? ''), info });
			callback();
		}
	}
	const internal = logger.getInternalLogger();
	internal.clear();
	internal.add(
		new MemoryTransport({
			format: winston.format.combine(winston.format.metadata(), winston.format.json()),
		}),
	);
	return {
		records,
		text: () => records.map((record) => record.line).join('\n'),
		get count() {
			return records.length;
		},
	};
}

module.exports = { secretVariants, collectStrings, findLeaks, captureN8nDebugLog, mask };
