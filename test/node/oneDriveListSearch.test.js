'use strict';
// The OneDrive pick-lists in-process against the simulator: running OneDrive sessions only, and
// OneDrives of the browsing session, paged and filtered by owner name or URL.
const { callNodeMethod, shutdownHarness } = require('../../tools/engine/harness');
const { NODE_TYPE, credentialFor, startSimulator } = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const rl = (value, mode = 'list') => ({ __rl: true, mode, value });

function call(method, parameters, args = []) {
	return callNodeMethod({
		node: {
			name: 'VB365',
			type: NODE_TYPE,
			typeVersion: 1.1,
			parameters: { resource: 'oneDriveDocument', operation: 'search', ...parameters },
			credentials: { veeamM365Api: { id: 'vb365', name: 'VB365' } },
		},
		credentials: credentialFor(sim),
		kind: 'listSearch',
		method,
		args,
	});
}

test('running OneDrive sessions only', async () => {
	sim.reset();
	const organizationId = sim.fixture.organization('contoso').id;
	const veod = sim.state.createSession({
		organizationId,
		organizationName: 'contoso.onmicrosoft.com',
		type: 'Veod',
		pointInTime: null,
	});
	const { results } = await call('searchOneDriveSessions', {});
	expect(results.map((r) => r.value)).toEqual([veod.id]);
});

test('OneDrives of a running session: a first page, the next one by token, a filter by name', async () => {
	sim.reset();
	const organizationId = sim.fixture.organization('contoso').id;
	const veod = sim.state.createSession({
		organizationId,
		organizationName: 'contoso.onmicrosoft.com',
		type: 'Veod',
		pointInTime: null,
	});
	const inSession = { restoreSessionMode: 'existing', restoreSessionId: rl(veod.id, 'id') };
	const first = await call('searchOneDrives', inSession);
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toBe('100');
	const anna = sim.fixture.oneDrive.byKey.oneDrive.anna;
	const last = await call('searchOneDrives', inSession, ['', '1000']);
	expect(last.results.map((r) => r.name)).toContain('Anna Meier');
	const filtered = await call('searchOneDrives', inSession, ['anna_meier', '1000']);
	expect(filtered.results).toEqual([{ name: 'Anna Meier', value: anna.id, url: anna.url }]);
});
