'use strict';
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath } = require('../../tools/simulator/client');

describe('simulator: organizations and SharePoint navigation', () => {
	let sim;
	let tokens;
	let rid;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all' });
		tokens = await login(sim, 8);
		rid = sim.fixture.restoreSession.id;
	});
	afterAll(() => sim.stop());
	const get = (path) => call(sim, 'GET', path, { token: tokens.access_token });
	const post = (path, json) => call(sim, 'POST', path, { token: tokens.access_token, json });
	const sp = (v) => `/v${v}/RestoreSessions/${rid}/Organization`;

	test('Organizations: bare array to v7, page in v8; by id', async () => {
		const v7 = await get('/v7/Organizations');
		expect(Array.isArray(v7.json)).toBe(true);
		expect(v7.json.map((o) => o.id)).toEqual(sim.fixture.organizations.map((o) => o.id));
		const v8 = await get('/v8/Organizations');
		expect(v8.json).toMatchObject({ offset: 0, limit: 30 });
		expect(v8.json.totalCount).toBeUndefined();
		expect(v8.json.results.map((o) => o.name)).toEqual([
			'contoso.onmicrosoft.com',
			'fabrikam.onmicrosoft.com',
		]);
		const org = sim.fixture.organization('fabrikam');
		const one = await get(`/v8/Organizations/${org.id.toUpperCase()}`);
		expect(one.json).toMatchObject({
			id: org.id,
			name: org.name,
			type: 'Office365',
			isBackedup: true,
		});
	});

	test('RestorePoints: array in v6, page from v7, filtered by organizationId', async () => {
		const org = sim.fixture.organization('contoso');
		const v6 = await get(`/v6/RestorePoints?organizationId=${org.id}`);
		expect(v6.json).toHaveLength(3);
		const v8 = await get(`/v8/RestorePoints?organizationId=${org.id}`);
		expect(v8.json.results.map((r) => r.backupTime)).toEqual([
			'2024-01-07T22:00:00Z',
			'2024-03-03T22:00:00Z',
			'2024-05-05T22:00:00Z',
		]);
		expect(v8.json.results.every((r) => r.organizationId === org.id)).toBe(true);
		expect((await get('/v8/RestorePoints')).json.results).toHaveLength(5);
	});

	test('restore session organization', async () => {
		const res = await get(`/v8/RestoreSessions/${rid}/organization`);
		expect(res.json).toMatchObject({
			id: sim.fixture.organization('contoso').id,
			name: 'contoso.onmicrosoft.com',
		});
	});

	test('Sites parentId: omitted = all, root/null = top level, site id = its subsites', async () => {
		const names = async (q) => (await get(`${sp(8)}/Sites${q}`)).json.results.map((s) => s.name);
		expect(await names('')).toEqual(['Contracts', 'Legal', 'Marketing', 'Events']);
		expect(await names('?parentId=root')).toEqual(['Contracts', 'Marketing']);
		expect(await names('?parentId=null')).toEqual(['Contracts', 'Marketing']);
		expect(await names(`?parentId=${sim.fixture.site('contracts').id}`)).toEqual(['Legal']);
		expect(await names(`?parentId=${sim.fixture.site('legal').id}`)).toEqual([]);
		const bad = await get(`${sp(8)}/Sites?parentId=${'0'.repeat(72)}`);
		expect(bad.status).toBe(404);
	});

	test('site ids are two GUIDs; item ids site + 2; attachment ids item + 1', () => {
		const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
		const site = sim.fixture.site('contracts');
		const item = sim.fixture.item('helpdesk');
		const att = item.attachments[0];
		expect(site.id).toMatch(new RegExp(`^(${guid}){2}$`));
		expect(item.id.startsWith(site.id)).toBe(true);
		expect(item.id).toMatch(new RegExp(`^(${guid}){4}$`));
		expect(att.id.startsWith(item.id)).toBe(true);
		expect(att.id).toMatch(new RegExp(`^(${guid}){5}$`));
	});

	test('site and list by id; lists of a site', async () => {
		const site = sim.fixture.site('contracts');
		expect((await get(`${sp(8)}/Sites/${site.id}`)).json).toMatchObject({
			id: site.id,
			name: 'Contracts',
			url: site.url,
		});
		const lists = await get(`${sp(8)}/Sites/${site.id}/Lists`);
		expect(lists.json.results.map((l) => l.name)).toEqual(['Contracts', 'Archive']);
		expect(lists.json.results[0].siteId).toBe(site.id);
		const v7 = await get(`${sp(7)}/Sites/${site.id}/Lists`);
		expect(v7.json.results[0].siteId).toBeUndefined();
		const list = sim.fixture.list('archive');
		expect((await get(`${sp(8)}/Sites/${site.id}/Lists/${list.id}`)).json.name).toBe('Archive');
		const otherSite = sim.fixture.site('marketing');
		expect((await get(`${sp(8)}/Sites/${otherSite.id}/Lists/${list.id}`)).status).toBe(404);
	});

	test('item JSON per version: isFolder from v7, siteId in v8, version string', async () => {
		const item = sim.fixture.item('helpdesk');
		const path = `/RestoreSessions/${rid}/Organization/Sites/${item.siteId}/Items/${item.id}`;
		const v6 = (await get(`/v6${path}`)).json;
		const v7 = (await get(`/v7${path}`)).json;
		const v8 = (await get(`/v8${path}`)).json;
		expect(v6).toMatchObject({
			id: item.id,
			title: 'ACME-42',
			name: '42_.000',
			version: '1.0',
			versionId: 512,
		});
		expect(v6.isFolder).toBeUndefined();
		expect(v7.isFolder).toBe(false);
		expect(v7.siteId).toBeUndefined();
		expect(v8.siteId).toBe(item.siteId);
		for (const k of ['createdBy', 'creationTime', 'modifiedBy', 'modificationTime'])
			expect(v8[k]).toEqual(expect.any(String));
	});

	test('Items parentId: root, folder id, undocumented list id; includeFolders (v7+)', async () => {
		const site = sim.fixture.site('contracts');
		const titles = async (v, q) =>
			(await get(`${sp(v)}/Sites/${site.id}/Items?limit=100${q}`)).json.results.map((i) => i.title);
		const all = await titles(8, '');
		expect(all).toContain('Renewal 2023 Fabrikam');
		expect(all).not.toContain('2023');
		const root = await titles(8, '&parentId=root');
		expect(root).toContain('ACME-42');
		expect(root).not.toContain('Renewal 2023 Fabrikam');
		const folder = sim.fixture.item('archiveFolder2023');
		expect(await titles(8, `&parentId=${folder.id}`)).toEqual([
			'Renewal 2023 Fabrikam',
			'Termination notice 2023',
		]);
		expect(await titles(8, `&parentId=${sim.fixture.list('contracts').id}`)).toEqual([]);
		expect(await titles(8, '&parentId=root&includeFolders=true')).toContain('2023');
		expect(await titles(6, '&parentId=root&includeFolders=true')).not.toContain('2023');
	});

	test('per-list and per-site search: case-insensitive substring, itemType filter', async () => {
		const site = sim.fixture.site('contracts');
		const list = sim.fixture.list('contracts');
		const search = async (q, body, v = 8) =>
			post(`${sp(v)}/Sites/${site.id}/Lists/${list.id}/search${q}`, body);
		const hit = await search('', { query: 'acme-42' });
		expect(hit.status).toBe(200);
		expect(hit.json.results.map((i) => i.id)).toEqual([sim.fixture.item('helpdesk').id]);
		expect(hit.json.setId).toMatch(/^[0-9a-f-]{36}$/);
		const everything = await search('?limit=100', {});
		expect(everything.json.results).toHaveLength(
			sim.fixture.items.filter((i) => i.listId === list.id).length,
		);
		const archive = sim.fixture.list('archive');
		const folders = await post(
			`${sp(8)}/Sites/${site.id}/Lists/${archive.id}/search?itemType=Folders`,
			{ query: '' },
		);
		expect(folders.json.results.map((i) => i.name)).toEqual(['2023']);
		const items = await post(
			`${sp(8)}/Sites/${site.id}/Lists/${archive.id}/search?itemType=items`,
			{ query: '2023' },
		);
		expect(items.json.results.map((i) => i.title)).toEqual([
			'Renewal 2023 Fabrikam',
			'Termination notice 2023',
		]);
		expect((await search('?itemType=Docs', { query: 'x' })).status).toBe(400);
		expect((await search('', undefined)).status).toBe(400);
		const siteWide = await post(`${sp(8)}/Sites/${site.id}/search`, { query: 'invoice' });
		expect(siteWide.json.results.map((i) => i.title)).toEqual([
			'Invoice INV-1001',
			'Invoice INV-1002',
		]);
	});

	test('paging: offset/limit, next/prev links, totalCount only v6/v7, limits', async () => {
		const many = sim.fixture.item('many');
		const base = `/RestoreSessions/${rid}/Organization/Sites/${many.siteId}/Items/${many.id}/Attachments`;
		const first = (await get(`/v8${base}`)).json;
		expect(first.results).toHaveLength(30);
		expect(first.totalCount).toBeUndefined();
		expect(first._links.next.href).toBe(`/v8${base}?offset=30&limit=30`);
		expect(first._links.prev).toBeUndefined();
		const second = (await get(first._links.next.href)).json;
		expect(second.offset).toBe(30);
		expect(second.results).toHaveLength(many.attachments.length - 30);
		expect(second._links.next).toBeUndefined();
		expect(second._links.prev.href).toBe(`/v8${base}?offset=0&limit=30`);
		expect([...first.results, ...second.results].map((a) => a.id)).toEqual(
			many.attachments.map((a) => a.id),
		);
		const v7 = (await get(`/v7${base}?limit=10&offset=40`)).json;
		expect(v7).toMatchObject({ offset: 40, limit: 10, totalCount: many.attachments.length });
		expect((await get(`/v8${base}?limit=10000`)).json.results).toHaveLength(
			many.attachments.length,
		);
		for (const q of ['limit=10001', 'limit=0', 'offset=-1', 'limit=abc']) {
			const res = await get(`/v8${base}?${q}`);
			expect(res.status).toBe(400);
			expect(res.json.errorCode).toBe('ParameterValidationFailure');
		}
		const v5 = (await get(`${sp(5)}/Sites?limit=1`)).json;
		expect(v5._links.next.href).toBe(
			`https://127.0.0.1:${sim.port}/v5/RestoreSessions/${rid}/Organization/Sites?offset=1&limit=1`,
		);
	});

	test('a session explored before the first backup is empty', async () => {
		const org = sim.fixture.organization('contoso');
		const s = await post(`/v8/Organizations/${org.id}/explore`, {
			type: 'Vesp',
			dateTime: '2023-01-01T00:00:00Z',
		});
		expect(s.status).toBe(201);
		const sites = await get(`/v8/RestoreSessions/${s.json.id}/Organization/Sites`);
		expect(sites.json.results).toEqual([]);
		const item = sim.fixture.item('helpdesk');
		expect(
			(
				await get(
					`/v8/RestoreSessions/${s.json.id}/Organization/Sites/${item.siteId}/Items/${item.id}`,
				)
			).status,
		).toBe(404);
	});

	test("another organization's sites are not visible in a session", async () => {
		const fab = sim.fixture.item('fabrikamTask');
		const res = await get(`/v8${itemPath({ ...fab, restoreSessionId: rid, itemId: fab.id })}`);
		expect(res.status).toBe(404);
	});
});
