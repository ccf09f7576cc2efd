'use strict';
// Drives every endpoint the simulator serves for v6, v7 and v8 (happy paths and errors) with
// recordExchanges on, then checks each recorded exchange against the reduced Veeam specs.
const contract = require('../contract');
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath } = require('../../tools/simulator/client');
const { driveExchange } = require('./exchange-drive');
const { driveOneDrive } = require('./onedrive-drive');
const { driveSiteDocuments } = require('./sharepoint-docs-drive');
const { driveTeams } = require('./teams-drive');

const VERSIONS = [6, 7, 8];

async function driveVersion(sim, v) {
	const tokens = await login(sim, v);
	const token = tokens.access_token;
	const get = (path) => call(sim, 'GET', `/v${v}${path}`, { token });
	const post = (path, json) => call(sim, 'POST', `/v${v}${path}`, { token, json });
	const put = (path, json) => call(sim, 'PUT', `/v${v}${path}`, { token, json });
	const org = sim.fixture.organization('contoso');
	const helpdesk = sim.fixture.item('helpdesk');
	const site = sim.fixture.site('contracts');
	const list = sim.fixture.list('contracts');
	const missing = '00000000-0000-4000-8000-000000000000';

	// Auth
	await call(sim, 'POST', `/v${v}/token`, {
		form: { grant_type: 'password', username: 'nobody', password: 'wrong' },
	});
	await call(sim, 'POST', `/v${v}/token`, { form: { grant_type: 'client_credentials' } });
	await call(sim, 'POST', `/v${v}/token`, {
		json: {
			grant_type: 'password',
			username: sim.credentials.username,
			password: sim.credentials.password,
		},
	});
	const refreshed = await call(sim, 'POST', `/v${v}/token`, {
		form: {
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			...(v >= 7 ? { disable_antiforgery_token: 'true' } : {}),
		},
	});
	if (v >= 7)
		await call(sim, 'POST', `/v${v}/token/logout`, { token: refreshed.json.access_token });

	// Service, organizations, restore points
	await get('/ServiceInstance');
	// v6 marks extendedView as required (with a default); the simulator accepts it either way.
	await get(v >= 8 ? '/Organizations?limit=1&offset=1' : '/Organizations?extendedView=false');
	await get(`/Organizations/${org.id}${v === 6 ? '?extendedView=true' : ''}`);
	await get(`/Organizations/${missing}`);
	await get(`/RestorePoints?organizationId=${org.id}`);

	// Sessions
	const explore = {
		dateTime: '2024-04-01T00:00:00Z',
		type: 'Vesp',
		showDeleted: false,
		showAllVersions: false,
	};
	if (v >= 8) explore.repositoryId = null;
	const created = await post(`/Organizations/${org.id}/explore`, explore);
	await post(`/Organizations/${org.id}/explore`, { type: 'Exchange' });
	await post(`/Organizations/${missing}/explore`, {});
	const rid = created.json.id;
	await get('/RestoreSessions?limit=2&offset=0');
	await get(`/RestoreSessions?startTimeFrom=2024-01-01T00:00:00Z`);
	await get(`/RestoreSessions/${rid}`);
	await get(`/RestoreSessions/${missing}`);

	// SharePoint navigation
	const sp = `/RestoreSessions/${rid}/Organization/Sites`;
	await get(`${sp}?parentId=root`);
	await get(`${sp}?offset=1&limit=2`);
	await get(`${sp}?parentId=${site.id}`);
	await get(`${sp}/${site.id}`);
	await get(`${sp}/${missing}`);
	await get(`${sp}/${site.id}/Lists`);
	await get(`${sp}/${site.id}/Lists/${list.id}`);
	await get(`${sp}/${site.id}/Items?parentId=root&limit=5${v >= 7 ? '&includeFolders=true' : ''}`);
	await get(`${sp}/${site.id}/Items/${helpdesk.id}`);
	await post(`${sp}/${site.id}/Lists/${list.id}/search?itemType=Items&limit=10`, { query: 'ACME' });
	await post(`${sp}/${site.id}/search?itemType=All`, { query: 'invoice' });
	await get(`${sp}/${site.id}/Items?limit=10001`);

	// Attachments
	const att = `${sp}/${site.id}/Items/${helpdesk.id}/Attachments`;
	const first = helpdesk.attachments[0];
	await get(`${att}?offset=0&limit=2`);
	await get(`${att}/${first.id}`);
	await get(`${att}/${helpdesk.id}${missing}`);
	await post(`${att}/save`, {
		attachments: [{ id: first.id }, { id: helpdesk.attachments[2].id }],
	});
	await post(`${att}/save`, { attachments: [] });
	await post(`${att}/save`, { attachments: [{ id: `${helpdesk.id}${missing}` }] });
	await post(`${att}/${first.id}/save`);

	// Email settings and send
	await get('/VespEmailSettings');
	sim.setEmailSettings(false);
	await post(`${att}/send`, { to: 'agent@contoso.com' });
	await post('/VespEmailSettings/SendTestEmail', { email: 'ops@contoso.com' });
	await put('/VespEmailSettings', {
		enableNotification: true,
		server: 'smtp.contoso.com',
		port: 587,
		from: 'vb365@contoso.com',
		useAuthentication: true,
		useSSL: true,
		username: 'vb365@contoso.com',
		userPassword: 'smtp-password',
	});
	await put('/VespEmailSettings', { port: 'not-a-port' });
	await get('/VespEmailSettings');
	await post('/VespEmailSettings/SendTestEmail', { email: 'ops@contoso.com' });
	await post(`${att}/send`, {
		attachments: [{ id: first.id }],
		from: 'helpdesk@contoso.com',
		to: 'customer@fabrikam.com',
		subject: 'Your files',
		text: 'Attached.',
	});
	await post(`${att}/send`, { to: 'not-an-address' });
	await post(`${att}/${first.id}/send`, {
		to: 'customer@fabrikam.com',
		subject: 'One file',
		text: '',
	});
	await get(`/RestoreSessions/${rid}/Events?limit=10`);

	await driveExchange(sim, v, { get, post });
	await driveOneDrive(sim, v, { get, post });
	await driveSiteDocuments(sim, v, { get, post });
	await driveTeams(sim, v, { get, post, put });

	// Injected server errors
	sim.faults.add({ path: '/ServiceInstance$', version: v, status: 503, retryAfter: 1, times: 1 });
	await get('/ServiceInstance');

	// Stop and the refusals that follow
	await post(`/RestoreSessions/${rid}/Stop`);
	await get(`${sp}?parentId=root`);
	await post(`${att}/save`, { attachments: [] });
	await post(`/RestoreSessions/${rid}/Stop`);
	sim.setEmailSettings(true);
}

describe('simulator: responses and accepted requests follow the Veeam OpenAPI contract', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: 'all', recordExchanges: true });
		for (const v of VERSIONS) await driveVersion(sim, v);
	});
	afterAll(() => sim.stop());

	const exchanges = (v) => sim.exchanges.filter((x) => x.version === v);

	test.each(VERSIONS)('v%i: every contract operation was exercised', (v) => {
		const seen = new Set();
		for (const x of exchanges(v)) {
			const op = contract.findOperation(`v${v}`, x.method, x.url);
			if (op) seen.add(op.operationId);
		}
		const expected = contract.listOperations(`v${v}`).map((o) => o.operationId);
		expect(expected.filter((id) => !seen.has(id))).toEqual([]);
	});

	test.each(VERSIONS)('v%i: accepted requests validate', (v) => {
		const problems = [];
		for (const x of exchanges(v)) {
			if (x.status >= 400 || !contract.findOperation(`v${v}`, x.method, x.url)) continue;
			const r = contract.validateRequest(`v${v}`, x.method, x.url, x.requestBody, {
				contentType: x.requestContentType || undefined,
			});
			if (!r.ok) problems.push(`${x.method} ${x.route} -> ${r.errors.join('; ')}`);
		}
		expect(problems).toEqual([]);
	});

	test.each(VERSIONS)('v%i: responses validate (success and error bodies)', (v) => {
		const problems = [];
		let checked = 0;
		const statuses = new Set();
		for (const x of exchanges(v)) {
			// 401 deliberately has an empty body (no spec declares a 401).
			if (x.status === 401 || !contract.findOperation(`v${v}`, x.method, x.url)) continue;
			const body = x.responseStreamed ? Buffer.from('PK') : x.responseBody;
			const r = contract.validateResponse(
				`v${v}`,
				x.method,
				x.url,
				x.status,
				x.responseContentType || undefined,
				body,
			);
			checked++;
			statuses.add(x.status);
			if (!r.ok) problems.push(`${x.method} ${x.route} ${x.status} -> ${r.errors.join('; ')}`);
		}
		expect(problems).toEqual([]);
		expect(checked).toBeGreaterThan(50);
		expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404, 503]));
	});
});
