'use strict';
// The editor's pick-lists: each listSearch / loadOptions method against the simulator in-process.
const { callNodeMethod, shutdownHarness } = require('../../tools/engine/harness');
const { NODE_TYPE, credentialFor, startSimulator, fixtureItem } = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});
beforeEach(() => {
	sim.faults.clear();
	sim.requests.length = 0;
});

const rl = (value, mode = 'list') => ({ __rl: true, mode, value });

function call(method, parameters, args = [], kind = 'listSearch', credential = {}) {
	return callNodeMethod({
		node: {
			name: 'VB365',
			type: NODE_TYPE,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...parameters },
			credentials: { veeamM365Api: { id: 'vb365', name: 'VB365' } },
		},
		credentials: credentialFor(sim, credential),
		kind,
		method,
		args,
	});
}

test('organizations, searchable', async () => {
	const all = await call('searchOrganizations', {});
	expect(all.results.map((r) => r.value)).toEqual(sim.fixture.organizations.map((o) => o.id));
	const filtered = await call('searchOrganizations', {}, ['CONTOSO']);
	expect(filtered.results).toEqual([{ name: 'contoso.onmicrosoft.com', value: sim.fixture.organizations[0].id }]);
});

test('organizations on v6 send the extendedView the v6 spec requires', async () => {
	await call('searchOrganizations', {}, [], 'listSearch', { apiVersion: 'v6' });
	const request = sim.requests.find((r) => /\/v6\/organizations$/i.test(r.path));
	expect(request.query).toMatch(/extendedView=false/);
});

test('running SharePoint restore sessions only', async () => {
	const { results } = await call('searchRestoreSessions', {});
	expect(results.map((r) => r.value)).toContain(sim.fixture.restoreSession.id);
	expect(results.every((r) => typeof r.name === 'string' && r.name.includes('started'))).toBe(true);
});

test('sites include sub-sites and filter by name or URL; an empty result is an empty list', async () => {
	const parameters = { restoreSessionId: rl(sim.fixture.restoreSession.id) };
	const all = await call('searchSites', parameters);
	const sessionSites = sim.fixture.sites.filter((site) => site.organizationId === sim.fixture.organizations[0].id);
	expect(all.results.map((r) => r.value).sort()).toEqual(sessionSites.map((site) => site.id).sort());
	expect(sessionSites.some((site) => site.parentId)).toBe(true);
	const contracts = await call('searchSites', parameters, ['contracts']);
	expect(contracts.results.map((r) => r.value)).toContain(fixtureItem(sim, 'helpdesk').siteId);
	const none = await call('searchSites', parameters, ['no-such-site-anywhere']);
	expect(none.results).toEqual([]);
});

test('items with title and SharePoint ID, the next page from a pagination token, and search by title', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const parameters = { restoreSessionId: rl(item.restoreSessionId), siteId: rl(item.siteId) };
	const first = await call('searchItems', parameters);
	const siteItems = sim.fixture.items.filter((candidate) => candidate.siteId === item.siteId && !candidate.isFolder);
	expect(first.results.length).toBe(Math.min(siteItems.length, 100));
	expect(first.results.find((r) => r.value === item.id).name).toBe('ACME-42 (ID 42)');
	const next = await call('searchItems', parameters, [undefined, '2']);
	expect(next.results.map((r) => r.value)).toEqual(first.results.slice(2).map((r) => r.value));
	expect(sim.requests.some((r) => /\/items$/i.test(r.path) && /offset=2/.test(r.query))).toBe(true);
	const found = await call('searchItems', parameters, ['acme-42']);
	expect(found.results.map((r) => r.value)).toEqual([item.id]);
});

test('lists of a site given by URL', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const site = sim.fixture.sites.find((candidate) => candidate.id === item.siteId);
	const { results } = await call('searchLists', {
		restoreSessionId: rl(item.restoreSessionId),
		siteId: rl(`${site.url}/`, 'url'),
	});
	expect(results.map((r) => r.value)).toContain(item.listId);
});

test('attachments of the chosen item for the multi-select', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const options = await call(
		'getAttachments',
		{ restoreSessionId: rl(item.restoreSessionId, 'id'), siteId: rl(item.siteId, 'id'), itemId: rl(item.id, 'id') },
		[],
		'loadOptions',
	);
	expect(options.map((o) => o.name)).toEqual(item.attachments.map((a) => a.name));
	expect(options.map((o) => o.value)).toEqual(item.attachments.map((a) => a.id));
});

const explores = () => sim.requests.filter((r) => /explore$/i.test(r.path));
const stops = () => sim.requests.filter((r) => /\/stop$/i.test(r.path));

test('"start and stop" mode browses in a running session of the organization, opening none', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const parameters = { restoreSessionMode: 'startAndStop', organizationId: rl(sim.fixture.organizations[0].id) };
	const sites = await call('searchSites', parameters);
	expect(sites.results.map((r) => r.value)).toContain(item.siteId);
	const items = await call('searchItems', { ...parameters, siteId: rl(item.siteId) });
	expect(items.results.map((r) => r.value)).toContain(item.id);
	expect(explores()).toHaveLength(0);
	expect(stops()).toHaveLength(0);
	const browsed = sim.requests.filter((r) => /\/Organization\/Sites/i.test(r.path));
	expect(browsed.every((r) => r.path.includes(sim.fixture.restoreSession.id))).toBe(true);
});

test('"start and stop" mode with no running session opens one for the first list and reuses it', async () => {
	const fabrikam = sim.fixture.organizations[1];
	const parameters = { restoreSessionMode: 'startAndStop', organizationId: rl(fabrikam.id) };
	const first = await call('searchSites', parameters);
	const second = await call('searchSites', parameters, ['a']);
	const third = await call('searchSites', parameters);
	expect(explores()).toHaveLength(1);
	expect(stops()).toHaveLength(0);
	expect(third.results).toEqual(first.results);
	expect(first.results.length).toBeGreaterThan(0);
	expect(second.results.length).toBeLessThanOrEqual(first.results.length);
	// Sessions of another organization are never used for this one.
	const contosoSites = sim.fixture.sites.filter((site) => site.organizationId === sim.fixture.organizations[0].id);
	expect(first.results.some((r) => contosoSites.some((site) => site.id === r.value))).toBe(false);
});

test('the attachment list works in "start and stop" mode with the item given by URL and no site', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const options = await call(
		'getAttachments',
		{
			restoreSessionMode: 'startAndStop',
			organizationId: rl(sim.fixture.organizations[0].id),
			siteId: rl(''),
			itemId: rl(`${sim.fixture.sites.find((site) => site.id === item.siteId).url}/Lists/Contracts/DispForm.aspx?ID=${item.number}`, 'url'),
		},
		[],
		'loadOptions',
	);
	expect(options.map((o) => o.value)).toEqual(item.attachments.map((a) => a.id));
	expect(options[0].description).toMatch(/^\d+(\.\d+)? (B|kB|MB)$/);
	expect(explores()).toHaveLength(0);
});

test('a missing parent gives a clear error naming it', async () => {
	await expect(call('searchItems', { restoreSessionId: rl(sim.fixture.restoreSession.id), siteId: rl('') })).rejects.toThrow(
		/No site given \[parameter "Site"\]/,
	);
});

test('a server error while listing is reported, not swallowed', async () => {
	sim.faults.add({ method: 'GET', path: '/organizations$', status: 400, times: 1 });
	await expect(call('searchOrganizations', {})).rejects.toThrow(/Could not list the organizations/);
});
