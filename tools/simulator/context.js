'use strict';
// Per-request helpers: version, HAL links, paging, case-insensitive query and body access.
const { invalid } = require('./errors');

const MAX_LIMIT = 10000;
const DEFAULT_LIMIT = 30;

/** Case-insensitive property lookup, as the .NET model binder does. */
function prop(obj, name) {
	if (!obj || typeof obj !== 'object') return undefined;
	if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
	const lower = name.toLowerCase();
	for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
	return undefined;
}

function hasProp(obj, name) {
	if (!obj || typeof obj !== 'object') return false;
	const lower = name.toLowerCase();
	return Object.keys(obj).some((k) => k.toLowerCase() === lower);
}

function splitUrl(url) {
	const i = url.indexOf('?');
	return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i + 1)];
}

class RequestContext {
	constructor(sim, req) {
		this.sim = sim;
		this.req = req;
		this.version = req.routeOptions.config.version;
		const [path, qs] = splitUrl(req.url);
		this.path = path;
		this.search = new URLSearchParams(qs);
		this.host = req.headers.host || `${sim.host}:${sim.port}`;
		this.grant = req.simGrant;
	}

	/** The JSON request body (parsed lazily so each route decides if a body is required). */
	json() {
		const raw = this.req.body;
		if (raw === undefined || raw === null) return undefined;
		if (typeof raw !== 'string') return raw;
		if (raw.trim() === '') return undefined;
		let value;
		try {
			value = JSON.parse(raw);
		} catch {
			throw invalid('The request body is not valid JSON.');
		}
		this.req.simJsonBody = value;
		return value;
	}

	/** A JSON object body; `required` rejects a missing body. */
	objectBody(required, name = 'body') {
		const v = this.json();
		if (v === undefined || v === null) {
			if (required) throw invalid(`The ${name} parameter is required.`);
			return {};
		}
		if (typeof v !== 'object' || Array.isArray(v))
			throw invalid(`The ${name} parameter must be a JSON object.`);
		return v;
	}

	/** Query parameter, name matched case-insensitively. */
	query(name) {
		const lower = name.toLowerCase();
		for (const [k, v] of this.search) if (k.toLowerCase() === lower) return v;
		return undefined;
	}

	/** HAL href: relative from v6 on, absolute https up to v5. */
	href(pathAfterVersion) {
		const rel = `/v${this.version}${pathAfterVersion}`;
		return this.version >= 6 ? rel : `https://${this.host}${rel}`;
	}

	link(pathAfterVersion) {
		return { href: this.href(pathAfterVersion) };
	}

	intQuery(name, dflt, min, max) {
		const raw = this.query(name);
		if (raw === undefined || raw === '') return dflt;
		if (!/^-?\d+$/.test(raw)) throw invalid(`The value '${raw}' is not valid for ${name}.`);
		const n = Number(raw);
		if (n < min) throw invalid(`Parameter ${name} must be at least ${min}.`);
		if (n > max) throw invalid(`Parameter ${name} must not exceed ${max}.`);
		return n;
	}

	paging() {
		return {
			offset: this.intQuery('offset', 0, 0, 2 ** 31 - 1),
			limit: this.intQuery('limit', DEFAULT_LIMIT, 1, MAX_LIMIT),
		};
	}

	pageHref(offset, limit) {
		const params = new URLSearchParams();
		for (const [k, v] of this.search) {
			const l = k.toLowerCase();
			if (l !== 'offset' && l !== 'limit') params.append(k, v);
		}
		params.set('offset', String(offset));
		params.set('limit', String(limit));
		const rel = `${this.path}?${params}`;
		return this.version >= 6 ? rel : `https://${this.host}${rel}`;
	}

	/** Page object {offset, limit, results, _links, totalCount (v<=7)} over `all`. */
	page(all, render, { setId } = {}) {
		const { offset, limit } = this.paging();
		const results = all.slice(offset, offset + limit).map(render);
		const links = { self: { href: this.pageHref(offset, limit) } };
		if (offset > 0) {
			links.first = { href: this.pageHref(0, limit) };
			links.prev = { href: this.pageHref(Math.max(0, offset - limit), limit) };
		}
		if (offset + limit < all.length) links.next = { href: this.pageHref(offset + limit, limit) };
		const page = { offset, limit };
		if (setId) page.setId = setId;
		page.results = results;
		page._links = links;
		if (this.version <= 7) page.totalCount = all.length;
		return page;
	}
}

module.exports = { RequestContext, prop, hasProp, splitUrl, MAX_LIMIT, DEFAULT_LIMIT };
