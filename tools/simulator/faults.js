'use strict';
// Fault injection rules (see README.md "Fault rules") and the body transforms that apply them.
const { Transform } = require('node:stream');

const ACTION_KEYS = [
	'latencyMs',
	'status',
	'resetAfterBytes',
	'truncateAfterBytes',
	'corruptAt',
	'corruptEntryDataAt',
	'corruptCrc',
	'dripBytes',
	'nullFields',
	'setFields',
	'revokeTokens',
	'redirect',
	'dropConnection',
	'stallAfterBytes',
];
const BODY_KEYS = [
	'stallAfterBytes',
	'resetAfterBytes',
	'truncateAfterBytes',
	'corruptAt',
	'corruptEntryDataAt',
	'dripBytes',
];

function validateRule(rule) {
	if (!rule || typeof rule !== 'object') throw new Error('a fault rule must be an object');
	if (!ACTION_KEYS.some((k) => rule[k] !== undefined)) {
		throw new Error(`a fault rule needs one of: ${ACTION_KEYS.join(', ')}`);
	}
	if (rule.path !== undefined) new RegExp(rule.path, 'i');
	if (
		rule.status !== undefined &&
		!(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)
	) {
		throw new Error('status must be an HTTP error code (400-599)');
	}
	if (rule.redirect !== undefined && !/^https?:\/\//i.test(String(rule.redirect))) {
		throw new Error('redirect must be an absolute http(s) URL');
	}
	if (
		rule.redirectStatus !== undefined &&
		!(
			Number.isInteger(rule.redirectStatus) &&
			rule.redirectStatus >= 300 &&
			rule.redirectStatus <= 399
		)
	) {
		throw new Error('redirectStatus must be an HTTP redirect code (300-399)');
	}
	if (
		rule.stallAfterBytes !== undefined &&
		!(Number.isInteger(rule.stallAfterBytes) && rule.stallAfterBytes >= 0)
	) {
		throw new Error('stallAfterBytes must be a non-negative integer');
	}
	if (rule.dripBytes !== undefined && !(rule.dripBytes > 0))
		throw new Error('dripBytes must be > 0');
	if (rule.nullFields !== undefined && !Array.isArray(rule.nullFields))
		throw new Error('nullFields must be an array');
	if (rule.setFields !== undefined && typeof rule.setFields !== 'object')
		throw new Error('setFields must be an object');
	if (rule.skip !== undefined && !(Number.isInteger(rule.skip) && rule.skip >= 0)) {
		throw new Error('skip must be a non-negative integer');
	}
	if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
		throw new Error('times must be a positive integer');
	}
}

class FaultRules {
	constructor() {
		this.rules = [];
		this.nextId = 1;
	}

	/** Adds a rule (or an array of rules); returns the stored rule(s) with their ids. */
	add(rule) {
		if (Array.isArray(rule)) return rule.map((r) => this.add(r));
		validateRule(rule);
		const stored = { ...rule, id: rule.id || `fault-${this.nextId++}`, hits: 0, skipped: 0 };
		this.rules.push(stored);
		return stored;
	}

	remove(id) {
		this.rules = this.rules.filter((r) => r.id !== id);
	}

	clear() {
		this.rules = [];
	}

	list() {
		return this.rules.map((r) => ({ ...r }));
	}

	/** Rules matching this request; each match consumes one of the rule's `times`. */
	take({ method, path, version }) {
		const matched = [];
		for (const r of this.rules) {
			if (r.method && String(r.method).toUpperCase() !== method) continue;
			if (r.path && !new RegExp(r.path, 'i').test(path)) continue;
			if (r.version !== undefined) {
				const vs = Array.isArray(r.version) ? r.version : [r.version];
				if (!vs.map(Number).includes(version)) continue;
			}
			if (r.skipped < (r.skip || 0)) {
				r.skipped++;
				continue;
			}
			r.hits++;
			matched.push(r);
		}
		this.rules = this.rules.filter((r) => r.times === undefined || r.hits < r.times);
		return matched;
	}
}

/** Merges matched rules into one effective action set (later rules win on conflicts). */
function mergeActions(rules) {
	const out = {};
	for (const r of rules) for (const k of ACTION_KEYS) if (r[k] !== undefined) out[k] = r[k];
	if (rules.length) out.dripIntervalMs = rules.reduce((v, r) => r.dripIntervalMs ?? v, 100);
	for (const r of rules) if (r.retryAfter !== undefined) out.retryAfter = r.retryAfter;
	for (const r of rules) if (r.message !== undefined) out.message = r.message;
	for (const r of rules) if (r.redirectStatus !== undefined) out.redirectStatus = r.redirectStatus;
	for (const r of rules) if (r.stallMs !== undefined) out.stallMs = r.stallMs;
	return out;
}

const hasBodyFault = (a) => BODY_KEYS.some((k) => a[k] !== undefined);

/** Replaces fields by name anywhere in a JSON value (HAL _links/_actions left alone). */
function rewriteJson(value, nullFields = [], setFields = {}) {
	if (Array.isArray(value)) return value.map((v) => rewriteJson(v, nullFields, setFields));
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [k, v] of Object.entries(value)) {
		if (k === '_links' || k === '_actions') out[k] = v;
		else if (nullFields.includes(k)) out[k] = null;
		else if (Object.prototype.hasOwnProperty.call(setFields, k)) out[k] = setFields[k];
		else out[k] = rewriteJson(v, nullFields, setFields);
	}
	return out;
}

/**
 * A Transform for response bodies: corrupts, truncates, drips or resets after some bytes.
 * @param {object} a merged actions
 * @param {{onTruncate:Function, onReset:Function}} hooks
 */
function bodyFaultStream(a, hooks) {
	let seen = 0;
	let corruptTarget = a.corruptAt;
	let stallAt = a.stallAfterBytes;
	let headerBuf = a.corruptEntryDataAt !== undefined ? Buffer.alloc(0) : null;
	let stopped = false;
	let dead = false;
	const timers = new Set();
	const later = (fn, ms) => {
		const t = setTimeout(() => {
			timers.delete(t);
			fn();
		}, ms);
		timers.add(t);
	};

	function corrupt(chunk, start) {
		if (corruptTarget === undefined) return chunk;
		if (corruptTarget < start || corruptTarget >= start + chunk.length) return chunk;
		const copy = Buffer.from(chunk);
		copy[corruptTarget - start] ^= 0xa5;
		corruptTarget = undefined;
		return copy;
	}

	function emit(stream, chunk, done) {
		if (!a.dripBytes) {
			stream.push(chunk);
			return done();
		}
		let off = 0;
		const step = () => {
			if (dead) return;
			stream.push(chunk.subarray(off, off + a.dripBytes));
			off += a.dripBytes;
			if (off >= chunk.length) done();
			else later(step, a.dripIntervalMs);
		};
		later(step, a.dripIntervalMs);
	}

	function handle(stream, chunk, cb) {
		const start = seen;
		if (stallAt !== undefined && start + chunk.length > stallAt) {
			// Send what comes before the stall point, go quiet, then carry on with the rest.
			const head = chunk.subarray(0, stallAt - start);
			const tail = chunk.subarray(stallAt - start);
			stallAt = undefined;
			const resume = () => later(() => handle(stream, tail, cb), a.stallMs ?? 10000);
			if (head.length === 0) return resume();
			return handle(stream, head, resume);
		}
		seen += chunk.length;
		chunk = corrupt(chunk, start);
		const limit = a.truncateAfterBytes ?? a.resetAfterBytes;
		if (limit !== undefined && seen >= limit) {
			const head = chunk.subarray(0, Math.max(0, limit - start));
			stopped = true;
			emit(stream, head, () => {
				if (a.truncateAfterBytes !== undefined) {
					stream.push(null);
					hooks.onTruncate();
					cb();
				} else {
					hooks.onReset();
				}
			});
			return;
		}
		emit(stream, chunk, () => cb());
	}

	return new Transform({
		transform(chunk, _enc, cb) {
			if (stopped) return cb();
			if (headerBuf) {
				// Locate the first entry's data from its local file header: 30 + name + extra.
				headerBuf = Buffer.concat([headerBuf, chunk]);
				if (headerBuf.length < 30) return cb();
				const dataStart = 30 + headerBuf.readUInt16LE(26) + headerBuf.readUInt16LE(28);
				corruptTarget = dataStart + a.corruptEntryDataAt;
				chunk = headerBuf;
				headerBuf = null;
			}
			handle(this, chunk, cb);
		},
		flush(cb) {
			if (headerBuf && headerBuf.length) this.push(headerBuf);
			cb();
		},
		destroy(err, cb) {
			dead = true;
			for (const t of timers) clearTimeout(t);
			timers.clear();
			cb(err);
		},
	});
}

module.exports = {
	FaultRules,
	mergeActions,
	hasBodyFault,
	rewriteJson,
	bodyFaultStream,
	validateRule,
};
