'use strict';
// Restore sessions: list, get, stop (v2-v5 Action / v6+ Stop), events, organization.
const render = require('../render');
const lookup = require('../lookup');
const { prop, hasProp } = require('../context');
const { invalid, notFound } = require('../errors');

function timeFilter(ctx, name) {
	const v = ctx.query(name);
	if (v === undefined || v === '') return null;
	const t = Date.parse(v);
	if (Number.isNaN(t)) throw invalid(`The value '${v}' is not valid for ${name}.`);
	return t;
}

function stop(ctx) {
	const s = lookup.workingSession(ctx, ctx.req.params.rid);
	ctx.sim.state.stopSession(s);
}

module.exports = function sessionRoutes(def) {
	def('GET', '/RestoreSessions', {}, (ctx) => {
		const from = timeFilter(ctx, 'startTimeFrom');
		const to = timeFilter(ctx, 'startTimeTo');
		const asc = ctx.version >= 8 && /^true$/i.test(ctx.query('orderAsc') || '');
		const all = [...ctx.sim.state.sessions.values()]
			.filter(
				(s) =>
					(from === null || Date.parse(s.creationTime) >= from) &&
					(to === null || Date.parse(s.creationTime) <= to),
			)
			.sort((a, b) => (asc ? 1 : -1) * (Date.parse(a.creationTime) - Date.parse(b.creationTime)));
		const one = (s) => render.session(ctx, s);
		return ctx.version >= 5 ? ctx.page(all, one) : all.map(one);
	});

	def('GET', '/RestoreSessions/:rid', {}, (ctx) =>
		render.session(ctx, lookup.session(ctx, ctx.req.params.rid)),
	);

	def('POST', '/RestoreSessions/:rid/Stop', { from: 6 }, (ctx, reply) => {
		stop(ctx);
		return reply.code(ctx.version >= 8 ? 204 : 200).send();
	});

	def('POST', '/RestoreSessions/:rid/Action', { to: 5 }, (ctx, reply) => {
		lookup.session(ctx, ctx.req.params.rid);
		const body = ctx.objectBody(true);
		if (!hasProp(body, 'stop') || Object.keys(body).length !== 1 || prop(body, 'stop') !== null) {
			throw invalid('The action is not supported. Use {"stop": null}.');
		}
		stop(ctx);
		return reply.code(200).send();
	});

	def('GET', '/RestoreSessions/:rid/Events', {}, (ctx) => {
		const s = lookup.session(ctx, ctx.req.params.rid);
		return ctx.page(s.events, (e) => render.event(ctx, s, e));
	});

	def('GET', '/RestoreSessions/:rid/Events/:eventId', {}, (ctx) => {
		const s = lookup.session(ctx, ctx.req.params.rid);
		const id = String(ctx.req.params.eventId).toLowerCase();
		const e = s.events.find((x) => x.id === id);
		if (!e) throw notFound(`Restore session event with ID ${ctx.req.params.eventId}`);
		return render.event(ctx, s, e);
	});

	def('GET', '/RestoreSessions/:rid/Organization', {}, (ctx) => {
		const s = lookup.workingSession(ctx, ctx.req.params.rid);
		return render.backupOrganization(ctx, s, ctx.sim.fixture.byId(s.organizationId));
	});
};
