'use strict';
// Test-control routes under /__sim (no version prefix, no token): faults, outbox, stats, reset.

function jsonBody(req) {
	if (typeof req.body !== 'string' || req.body.trim() === '') return undefined;
	return JSON.parse(req.body);
}

module.exports = function controlRoutes(app, sim) {
	const bad = (reply, err) => reply.code(400).send({ message: err.message });

	app.get('/__sim/fixture', async () => sim.fixture);
	app.get('/__sim/stats', async () => sim.stats);
	app.get('/__sim/attachments/:id/content', async (req, reply) => {
		const att = sim.fixture.attachment(req.params.id);
		if (!att) return reply.code(404).send({ message: 'no such attachment' });
		return reply
			.header('content-type', 'application/octet-stream')
			.send(sim.attachmentStream(att.id));
	});
	app.get('/__sim/requests', async () => sim.requests);
	app.get('/__sim/outbox', async () => sim.outbox);
	app.delete('/__sim/outbox', async (req, reply) => {
		sim.outbox.length = 0;
		return reply.code(204).send();
	});
	app.get('/__sim/faults', async () => sim.faults.list());
	app.post('/__sim/faults', async (req, reply) => {
		try {
			return reply.code(201).send(sim.faults.add(jsonBody(req)));
		} catch (err) {
			return bad(reply, err);
		}
	});
	app.delete('/__sim/faults', async (req, reply) => {
		sim.faults.clear();
		return reply.code(204).send();
	});
	app.delete('/__sim/faults/:id', async (req, reply) => {
		sim.faults.remove(req.params.id);
		return reply.code(204).send();
	});
	app.post('/__sim/revoke-tokens', async (req, reply) => {
		sim.revokeAllTokens();
		return reply.code(204).send();
	});
	app.put('/__sim/email-settings', async (req, reply) => {
		try {
			const body = jsonBody(req);
			sim.setEmailSettings(body && 'configured' in body ? body.configured : body);
			return reply.code(204).send();
		} catch (err) {
			return bad(reply, err);
		}
	});
	app.get('/__sim/token-throttle', async () => sim.throttle.describe());
	app.put('/__sim/token-throttle', async (req, reply) => {
		try {
			sim.setTokenThrottle(jsonBody(req) ?? null);
			return reply.code(200).send(sim.throttle.describe());
		} catch (err) {
			return bad(reply, err);
		}
	});
	app.post('/__sim/reset', async (req, reply) => {
		sim.reset();
		return reply.code(204).send();
	});
};
