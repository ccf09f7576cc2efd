'use strict';
// The Teams pick-lists in-process against the simulator: running Teams sessions only, teams of
// the browsing session paged and filtered by the server, and the channels of the chosen team.
const { callNodeMethod, shutdownHarness } = require('../../tools/engine/harness');
const { NODE_TYPE, credentialFor, startSimulator } = require('../support/node-runs');
const { rl } = require('../support/teams-runs');

let sim;
let vet;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
beforeEach(() => {
	sim.reset();
	const organizationId = sim.fixture.organization('contoso').id;
	const session = (type) =>
		sim.state.createSession({
			organizationId,
			organizationName: 'contoso.onmicrosoft.com',
			type,
			pointInTime: null,
		});
	session('Veod');
	vet = session('Vet');
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

function call(method, parameters, args = []) {
	return callNodeMethod({
		node: {
			name: 'VB365',
			type: NODE_TYPE,
			typeVersion: 1.1,
			parameters: { resource: 'teamsFile', operation: 'getAll', ...parameters },
			credentials: { veeamM365Api: { id: 'vb365', name: 'VB365' } },
		},
		credentials: credentialFor(sim),
		kind: 'listSearch',
		method,
		args,
	});
}

const inSession = () => ({ restoreSessionMode: 'existing', restoreSessionId: rl(vet.id, 'id') });

test('running Teams sessions only', async () => {
	const { results } = await call('searchTeamsSessions', {});
	expect(results.map((r) => r.value)).toEqual([vet.id]);
});

test('teams: all 42 on one page, and the server filters them by the typed name', async () => {
	const first = await call('searchTeams', inSession());
	expect(first.results).toHaveLength(42);
	expect(first.paginationToken).toBeUndefined();
	expect(first.results.map((r) => r.name)).toContain('Project Phoenix');
	const filtered = await call('searchTeams', inSession(), ['phoe']);
	expect(filtered.results).toEqual([
		{ name: 'Project Phoenix', value: sim.fixture.teams.team('phoenix').id },
	]);
	const filter = sim.requests.filter((r) => /\/teams$/.test(r.path)).pop();
	expect(new URLSearchParams(filter.query).get('displayName')).toBe('phoe');
});

test('channels of the team chosen in the list, or typed by name', async () => {
	const phoenix = sim.fixture.teams.team('phoenix');
	const byId = await call('searchChannels', { ...inSession(), teamId: rl(phoenix.id, 'list') });
	expect(byId.results.map((r) => r.name).sort()).toEqual(['Design Reviews', 'General']);
	const byName = await call(
		'searchChannels',
		{ ...inSession(), teamId: rl('sales emea', 'name') },
		['gen'],
	);
	expect(byName.results).toEqual([
		{ name: 'General', value: sim.fixture.teams.channel('sales', 'general').id },
	]);
});
