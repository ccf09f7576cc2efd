'use strict';
const https = require('node:https');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

function getToken(sim, version) {
	const form = new URLSearchParams({
		grant_type: 'password',
		username: sim.credentials.username,
		password: sim.credentials.password,
		disable_antiforgery_token: 'true',
	}).toString();
	return new Promise((resolve, reject) => {
		const request = https.request(
			`${sim.url}/${version}/token`,
			{ method: 'POST', ca: sim.certificatePem, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
			(response) => {
				let text = '';
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve(JSON.parse(text).access_token));
			},
		);
		request.on('error', reject);
		request.end(form);
	});
}

const getMany = (item) => ({ resource: 'sharePointItemAttachment', operation: 'getAll', ...itemParameters(item), returnAll: true });

describe('authentication', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.faults.clear();
		sim.requests.length = 0;
	});

	const tokenRequests = () => sim.requests.filter((request) => /\/token$/i.test(request.path));

	test('username and password: one login serves every input item, antiforgery opted out on v7+', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			parameters: getMany(item),
			inputItems: [{}, {}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3 * item.attachments.length);
		expect(tokenRequests()).toHaveLength(1);
		expect(tokenRequests()[0].body).toMatchObject({ grant_type: 'password', disable_antiforgery_token: 'true' });
		expect(result.stats.preAuthenticationRuns).toBe(1);
	});

	test('a pasted access token', async () => {
		const token = await getToken(sim, 'v8');
		sim.requests.length = 0;
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential: { authentication: 'accessToken', accessToken: token, username: '', password: '' },
			parameters: getMany(item),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(item.attachments.length);
		expect(tokenRequests()).toHaveLength(0);
	});

	test('a wrong password fails with a clear message that never shows the password', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, { credential: { password: 'Wrong-Secret-42' }, parameters: getMany(item) });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/login failed: the server rejected the username or password/);
		expect(JSON.stringify(result.run)).not.toContain('Wrong-Secret-42');
		expect(tokenRequests()).toHaveLength(1);
	});

	test('revoked tokens mid-run: one new login, then every item succeeds', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		sim.faults.add({ method: 'GET', path: '/attachments$', revokeTokens: true, times: 1, skip: 0 });
		const result = await runNode(sim, {
			parameters: getMany(item),
			inputItems: [{}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2 * item.attachments.length);
		expect(tokenRequests().length).toBeGreaterThanOrEqual(2);
	});
});

test('token expiry in the middle of a run renews the token and finishes every item', async () => {
	const sim = await startSimulator({ profile: '8.x', accessTokenLifetime: 1 });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		// The first save reaches the server after the token has expired (the server checks on arrival).
		sim.faults.add({ method: 'POST', path: '/attachments/save$', latencyMs: 1300, times: 1 });
		const result = await runNode(sim, {
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item), output: 'zip' },
			inputItems: [{}, {}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const statuses = sim.requests.map((request) => request.status);
		expect(statuses).toContain(401);
		expect(sim.requests.filter((request) => /\/token$/i.test(request.path)).length).toBeGreaterThanOrEqual(2);
	} finally {
		await sim.stop();
	}
});

test('a self-signed server is refused unless "Ignore SSL Issues" is on', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		const refused = await runNode(sim, { credential: { ignoreSslIssues: false }, parameters: getMany(item) });
		expect(refused.status).toBe('error');
		expect(refused.error.message).toMatch(/certificate/i);
		expect(refused.error.message).toMatch(/Ignore SSL Issues/);
		expect(sim.requests).toHaveLength(0);

		const accepted = await runNode(sim, { credential: { ignoreSslIssues: true }, parameters: getMany(item) });
		expect(accepted.error).toBeUndefined();
	} finally {
		await sim.stop();
	}
});

test('Continue On Fail: a bad item gives an error item with its index, the others succeed', async () => {
	const sim = await startSimulator({ profile: '8.x' });
	try {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				...itemParameters(item),
				itemId: { __rl: true, mode: 'id', value: '={{ $json.itemId }}' },
				output: 'zip',
			},
			inputItems: [{ itemId: item.id }, { itemId: 'ACME-42' }, { itemId: item.id }],
			nodeSettings: { onError: 'continueRegularOutput' },
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[0].binary.data).toBeDefined();
		expect(result.items[1].json.error).toMatch(/The Item ID "ACME-42" is not a VB365 ID.*\[parameter "Item"\]/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[2].binary.data).toBeDefined();
	} finally {
		await sim.stop();
	}
});
