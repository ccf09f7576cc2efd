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

describe('the session token only serves the settings it was issued for', () => {
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

	/** Every bearer token a simulator is shown from now on (its request log redacts them). */
	function watchBearers(server) {
		const seen = [];
		const checkAccess = server.tokens.checkAccess.bind(server.tokens);
		server.tokens.checkAccess = (token) => {
			seen.push(token);
			return checkAccess(token);
		};
		return seen;
	}

	const logins = (server) => server.requests.filter((request) => /\/token$/i.test(request.path));
	const storedData = (result) => result.credentialStore.veeamM365Api.vb365.data;

	async function firstRun(credential = {}) {
		const item = fixtureItem(sim, 'helpdesk');
		const first = await runNode(sim, { parameters: getMany(item), credential });
		expect(first.error).toBeUndefined();
		return { item, store: first.credentialStore };
	}

	test('unchanged settings: the stored token is reused without a new login', async () => {
		const { item, store } = await firstRun();
		sim.requests.length = 0;
		const again = await runNode(sim, { parameters: getMany(item), credentialStore: store });
		expect(again.error).toBeUndefined();
		expect(logins(sim)).toHaveLength(0);
	});

	test('username and password changed to a wrong account: the run fails with the login error', async () => {
		const { item, store } = await firstRun();
		Object.assign(store.veeamM365Api.vb365.data, { username: 'CONTOSO\\someone-else', password: 'Wrong-Secret-42' });
		sim.requests.length = 0;
		const bearers = watchBearers(sim);
		const result = await runNode(sim, { parameters: getMany(item), credentialStore: store });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/login failed: the server rejected the username or password/);
		expect(JSON.stringify(result.run)).not.toContain('Wrong-Secret-42');
		expect(logins(sim).map((request) => request.body.username)).toContain('CONTOSO\\someone-else');
		expect(bearers).toHaveLength(0);
	});

	test('Server URL changed to another server: the old token never reaches it', async () => {
		const other = await startSimulator({ profile: '8.x' });
		try {
			const { item, store } = await firstRun();
			const oldTokens = sim.issuedTokens();
			storedData({ credentialStore: store }).url = other.url;
			const bearers = watchBearers(other);
			const result = await runNode(other, { parameters: getMany(item), credentialStore: store });
			expect(result.error).toBeUndefined();
			expect(bearers.filter((token) => oldTokens.includes(token))).toEqual([]);
			const firstWithToken = other.requests.findIndex((request) => request.headers.authorization);
			expect(firstWithToken).toBeGreaterThan(other.requests.findIndex((request) => /\/token$/i.test(request.path)));
			expect(logins(other)).toHaveLength(1);
		} finally {
			await other.stop();
		}
	});

	test('API version changed: a fresh login for the new version', async () => {
		const { item, store } = await firstRun();
		const v8Tokens = sim.issuedTokens();
		storedData({ credentialStore: store }).apiVersion = 'v7';
		sim.requests.length = 0;
		const bearers = watchBearers(sim);
		const result = await runNode(sim, { parameters: getMany(item), credentialStore: store });
		expect(result.error).toBeUndefined();
		expect(logins(sim).map((request) => request.path)).toEqual(['/v7/token']);
		expect(bearers.filter((token) => v8Tokens.includes(token))).toEqual([]);
	});

	test('a changed pasted access token is used at once', async () => {
		const [first, second] = [await getToken(sim, 'v8'), await getToken(sim, 'v8')];
		const { item, store } = await firstRun({ authentication: 'accessToken', accessToken: first });
		storedData({ credentialStore: store }).accessToken = second;
		sim.requests.length = 0;
		const bearers = watchBearers(sim);
		const result = await runNode(sim, { parameters: getMany(item), credentialStore: store });
		expect(result.error).toBeUndefined();
		expect(new Set(bearers)).toEqual(new Set([second]));
		expect(sim.requests.map((request) => request.status)).not.toContain(401);
	});
});
