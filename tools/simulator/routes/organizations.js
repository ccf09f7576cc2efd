'use strict';
// ServiceInstance, Organizations, RestorePoints and creating restore sessions (explore).
const render = require('../render');
const { prop, hasProp } = require('../context');
const { notFound, invalid } = require('../errors');

const TYPES = ['Vex', 'Veod', 'Vesp', 'Vet'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function organization(ctx, id) {
	const org = ctx.sim.fixture.byId(id);
	if (!org || !org.siteIds) throw notFound(`Organization with ID ${id}`);
	return org;
}

/** Accepts ISO 8601 and the legacy "yyyy.MM.dd HH:mm:ss" / "yyyy-MM-dd HH:mm:ss.SSS" forms (UTC). */
function parsePointInTime(value) {
	if (value === undefined || value === null || value === '') return new Date().toISOString();
	if (typeof value !== 'string') throw invalid('dateTime must be a date-time string.');
	const legacy = /^(\d{4})[.-](\d{2})[.-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?$/.exec(
		value.trim(),
	);
	const ms = legacy
		? Date.UTC(
				+legacy[1],
				+legacy[2] - 1,
				+legacy[3],
				+legacy[4],
				+legacy[5],
				+legacy[6],
				Math.round(Number(legacy[7] || 0) * 1000),
			)
		: /^\d{4}-\d{2}-\d{2}T/.test(value)
			? Date.parse(value)
			: NaN;
	if (Number.isNaN(ms)) throw invalid(`The value '${value}' is not a valid dateTime.`);
	return new Date(ms).toISOString();
}

function parseBool(name, v) {
	if (v === undefined || v === null) return false;
	if (typeof v === 'boolean') return v;
	if (typeof v === 'string' && /^(true|false)$/i.test(v.trim()))
		return v.trim().toLowerCase() === 'true';
	throw invalid(`${name} must be a boolean.`);
}

function exploreOptions(ctx, raw) {
	const t = prop(raw, 'type');
	let type = 'Vex';
	if (t !== undefined && t !== null) {
		type = TYPES.find((x) => typeof t === 'string' && x.toLowerCase() === t.toLowerCase());
		if (!type || (type === 'Vet' && ctx.version < 5))
			throw invalid(`The value '${t}' is not a valid restore session type.`);
	}
	const opts = {
		type,
		pointInTime: parsePointInTime(prop(raw, 'dateTime')),
		showDeleted: parseBool('showDeleted', prop(raw, 'showDeleted')),
		showAllVersions: parseBool('showAllVersions', prop(raw, 'showAllVersions')),
		repositoryId: null,
	};
	if (ctx.version >= 8) {
		const repo = prop(raw, 'repositoryId');
		if (repo !== undefined && repo !== null && !(typeof repo === 'string' && UUID.test(repo))) {
			throw invalid('repositoryId must be a UUID.');
		}
		opts.repositoryId = repo ?? null;
	}
	return opts;
}

function explore(ctx, org, raw) {
	const opts = exploreOptions(ctx, raw);
	return ctx.sim.state.createSession({
		organizationId: org.id,
		organizationName: org.name,
		initiatedBy: ctx.grant.userName,
		clientHost: ctx.req.ip,
		...opts,
	});
}

module.exports = function organizationRoutes(def) {
	def('GET', '/ServiceInstance', { from: 6 }, (ctx) => ({
		installationId: ctx.sim.fixture.installationId,
		version: ctx.sim.profile.build,
	}));

	def('GET', '/Organizations', {}, (ctx) => {
		const all = ctx.sim.fixture.organizations;
		const one = (o) => render.organization(ctx, o);
		return ctx.version >= 8 ? ctx.page(all, one) : all.map(one);
	});

	def('GET', '/Organizations/:orgId', {}, (ctx) =>
		render.organization(ctx, organization(ctx, ctx.req.params.orgId)),
	);

	def('GET', '/RestorePoints', {}, (ctx) => {
		const orgId = ctx.query('organizationId');
		const all = ctx.sim.fixture.restorePoints.filter(
			(rp) => !orgId || rp.organizationId.toLowerCase() === orgId.toLowerCase(),
		);
		const one = (rp) => render.restorePoint(ctx, rp);
		return ctx.version >= 7 ? ctx.page(all, one) : all.map(one);
	});

	def('POST', '/Organizations/:orgId/explore', { from: 6 }, (ctx, reply) => {
		const org = organization(ctx, ctx.req.params.orgId);
		const s = explore(ctx, org, ctx.objectBody(false, 'exploreOptions'));
		return reply.code(ctx.version >= 8 ? 201 : 200).send(render.session(ctx, s));
	});

	def('POST', '/Organizations/:orgId/Action', { to: 5 }, (ctx, reply) => {
		const org = organization(ctx, ctx.req.params.orgId);
		const body = ctx.objectBody(true);
		if (!hasProp(body, 'explore') || Object.keys(body).length !== 1) {
			throw invalid('The action is not supported. Use {"explore": {...}}.');
		}
		const raw = prop(body, 'explore');
		if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw)))
			throw invalid('explore must be an object.');
		const s = explore(ctx, org, raw || {});
		return reply.code(201).send(render.session(ctx, s));
	});
};

module.exports.parsePointInTime = parsePointInTime;
