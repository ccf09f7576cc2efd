'use strict';
// Exercises the in-process n8n harness with test-only node and credential types against a
// local HTTPS API, and pins the n8n-core 2.8.1 behaviours the package's node relies on.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Readable } = require('stream');
const { NodeOperationError } = require('n8n-workflow');
const {
	runWorkflow,
	shutdownHarness,
	resultItems,
	createNodeTypes,
} = require('../../tools/engine/harness');
const { startTokenApi, patternBytes, USERNAME, PASSWORD } = require('../support/https-token-api');

const CREDENTIAL_ID = 'cred-1';

const testTokenApi = {
	name: 'testTokenApi',
	displayName: 'Test Token API',
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'User Name', name: 'username', type: 'string', default: '' },
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	],
	async preAuthentication(credentials) {
		const response = await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl}/login`,
			body: { username: credentials.username, password: credentials.password },
			json: true,
			skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
		});
		return { sessionToken: response.token };
	},
	authenticate: {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	},
};

const option = (name) => ({ name, value: name });

// Calls the API once per input item through httpRequestWithAuthentication. `onError` lets a
// test inspect the error object the engine hands to the node.
function tokenClientNode({ onError } = {}) {
	return {
		description: {
			displayName: 'Token Client',
			name: 'tokenClient',
			group: ['transform'],
			version: 1,
			description: 'Test node',
			defaults: { name: 'Token Client' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'testTokenApi', required: true }],
			properties: [
				{ displayName: 'Path', name: 'path', type: 'string', default: '/tickets/x' },
				{
					displayName: 'Method',
					name: 'method',
					type: 'options',
					options: ['GET', 'POST'].map(option),
					default: 'GET',
				},
				{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
				{
					displayName: 'Response',
					name: 'responseMode',
					type: 'options',
					options: ['json', 'full', 'binary'].map(option),
					default: 'json',
				},
				{
					displayName: 'Ignore HTTP Status',
					name: 'ignoreStatus',
					type: 'boolean',
					default: false,
				},
			],
		},
		async execute() {
			const items = this.getInputData();
			const credentials = await this.getCredentials('testTokenApi');
			const returnData = [];
			for (let i = 0; i < items.length; i++) {
				const mode = this.getNodeParameter('responseMode', i);
				const method = this.getNodeParameter('method', i);
				const options = {
					method,
					url: `${credentials.baseUrl}${this.getNodeParameter('path', i)}`,
					skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
					json: mode !== 'binary',
					returnFullResponse: mode !== 'json',
					ignoreHttpStatusErrors: this.getNodeParameter('ignoreStatus', i),
				};
				if (method === 'POST') options.body = this.getNodeParameter('body', i);
				if (mode === 'binary') options.encoding = 'stream';
				try {
					const response = await this.helpers.httpRequestWithAuthentication.call(
						this,
						'testTokenApi',
						options,
					);
					if (mode === 'binary') {
						const binary = await this.helpers.prepareBinaryData(
							response.body,
							'download.bin',
							response.headers['content-type'],
						);
						returnData.push({
							json: { statusCode: response.statusCode },
							binary: { data: binary },
							pairedItem: { item: i },
						});
					} else {
						returnData.push({
							json: mode === 'full' ? response : { response },
							pairedItem: { item: i },
						});
					}
				} catch (error) {
					if (onError) await onError(error);
					if (this.continueOnFail()) {
						returnData.push({ json: { error: error.message }, pairedItem: { item: i } });
						continue;
					}
					throw error;
				}
			}
			return [returnData];
		},
	};
}

let api;

beforeAll(async () => {
	api = await startTokenApi();
});

const cleanups = [];

afterAll(async () => {
	for (const cleanup of cleanups) cleanup();
	await api.close();
	await shutdownHarness();
});

beforeEach(() => api.reset());

function credentialData(overrides = {}) {
	return {
		baseUrl: api.baseUrl,
		username: USERNAME,
		password: PASSWORD,
		allowUnauthorizedCerts: true,
		...overrides,
	};
}

async function runTokenClient({
	parameters,
	credentials = credentialData(),
	inputItems,
	onError,
	continueOnFail,
}) {
	return await runWorkflow({
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Items', type: 'test.items' },
			{
				name: 'Client',
				type: 'test.tokenClient',
				parameters,
				credentials: { testTokenApi: { id: CREDENTIAL_ID, name: 'Token API' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Client', type: 'main', index: 0 }]] },
		},
		credentials: { testTokenApi: { [CREDENTIAL_ID]: { name: 'Token API', data: credentials } } },
		inputItems: inputItems ?? [{ ticket: 'A' }],
		continueOnFail,
		extraNodeTypes: { 'test.tokenClient': tokenClientNode({ onError }) },
		extraCredentialTypes: { testTokenApi },
	});
}

const storedData = (result) => result.credentialStore.testTokenApi[CREDENTIAL_ID].data;

describe('httpRequestWithAuthentication + preAuthentication in n8n-core 2.8.1', () => {
	test('logs in once for three items, sends the token as Bearer header and persists it', async () => {
		const result = await runTokenClient({
			parameters: { path: "={{ '/tickets/' + $json.ticket }}" },
			inputItems: [{ ticket: 'A' }, { ticket: 'B' }, { ticket: 'C' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(resultItems(result, 'Client').map((item) => item.json.response)).toEqual([
			{ id: 'A' },
			{ id: 'B' },
			{ id: 'C' },
		]);
		expect(api.logins()).toHaveLength(1);
		expect(JSON.parse(api.logins()[0].body)).toEqual({ username: USERNAME, password: PASSWORD });
		expect(api.requestsTo('/tickets/').map((r) => r.authorization)).toEqual([
			'Bearer tok-1',
			'Bearer tok-1',
			'Bearer tok-1',
		]);
		expect(storedData(result)).toEqual({ ...credentialData(), sessionToken: 'tok-1' });
		expect(result.stats).toMatchObject({
			preAuthenticationCalls: 3,
			preAuthenticationRuns: 1,
			preAuthenticationForcedCalls: 0,
			authenticateCalls: 3,
			updateCredentialsCalls: 1,
		});
	});

	test('a 401 causes exactly one forced re-login and a retry with the same JSON body', async () => {
		const body = { ticket: 'A', note: 'ünïcode ✓' };
		const result = await runTokenClient({
			parameters: { method: 'POST', path: '/echo', body },
			credentials: credentialData({ sessionToken: 'stale-token' }),
			inputItems: [{ n: 1 }, { n: 2 }],
		});

		expect(result.status).toBe('success');
		expect(resultItems(result, 'Client').map((item) => item.json.response)).toEqual([
			{ received: body },
			{ received: body },
		]);
		const echoes = api.requestsTo('/echo');
		expect(echoes.map((r) => r.authorization)).toEqual([
			'Bearer stale-token',
			'Bearer tok-1',
			'Bearer tok-1',
		]);
		expect(echoes.map((r) => JSON.parse(r.body))).toEqual([body, body, body]);
		expect(api.logins()).toHaveLength(1);
		expect(storedData(result).sessionToken).toBe('tok-1');
		expect(result.stats.preAuthenticationForcedCalls).toBe(1);
		expect(result.stats.preAuthenticationRuns).toBe(1);
	});

	test('when the API keeps answering 401 it retries once, then fails with a NodeApiError', async () => {
		const result = await runTokenClient({ parameters: { path: '/always-401' } });

		expect(result.status).toBe('error');
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message).toBe('Authorization failed - please check your credentials');
		expect(result.error.httpCode).toBe('401');
		expect(result.error.description).toBe('Session expired');
		expect(api.requestsTo('/always-401')).toHaveLength(2);
		expect(api.logins()).toHaveLength(2);
		expect(storedData(result).sessionToken).toBe('tok-2');
	});

	test('a rejected login is tried twice (its 401 counts as expired) and the error hides the password', async () => {
		const result = await runTokenClient({
			credentials: credentialData({ password: 'wrong-password-42' }),
		});

		expect(result.status).toBe('error');
		expect(result.error.message).toBe('Authorization failed - please check your credentials');
		expect(api.logins()).toHaveLength(2);
		expect(api.requestsTo('/tickets/')).toHaveLength(0);
		expect(storedData(result).sessionToken).toBeUndefined();
		const serialized = JSON.stringify(result.error) + JSON.stringify(result.runData);
		expect(serialized).not.toContain('wrong-password-42');
	});

	test('a self-signed certificate fails unless skipSslCertificateValidation is set', async () => {
		const rejected = await runTokenClient({
			credentials: credentialData({ allowUnauthorizedCerts: false }),
		});

		expect(rejected.status).toBe('error');
		expect(rejected.error.message).toMatch(/self[- ]signed certificate/i);
		expect(api.requests).toHaveLength(0);

		const accepted = await runTokenClient({
			credentials: credentialData({ allowUnauthorizedCerts: true }),
		});
		expect(accepted.status).toBe('success');
		expect(api.logins()).toHaveLength(1);
	});

	test('returnFullResponse gives { body, headers, statusCode, statusMessage }', async () => {
		const result = await runTokenClient({
			parameters: { path: '/tickets/T-9', responseMode: 'full' },
		});

		const [item] = resultItems(result, 'Client');
		expect(Object.keys(item.json).sort()).toEqual([
			'body',
			'headers',
			'statusCode',
			'statusMessage',
		]);
		expect(item.json).toMatchObject({ body: { id: 'T-9' }, statusCode: 200, statusMessage: 'OK' });
		expect(item.json.headers['content-type']).toBe('application/json');
	});

	test("with encoding 'stream' an HTTP error keeps the unread body stream in error.context.data", async () => {
		const seen = [];
		const onError = async (error) => {
			const chunks = [];
			for await (const chunk of error.context.data) chunks.push(chunk);
			seen.push({
				name: error.name,
				message: error.message,
				description: error.description,
				httpCode: error.httpCode,
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
			});
			delete error.context.data; // an IncomingMessage is not serialisable
		};
		const result = await runTokenClient({
			parameters: { path: '/fail-500', responseMode: 'binary' },
			onError,
		});

		expect(result.status).toBe('error');
		expect(seen).toEqual([
			{
				name: 'NodeApiError',
				message: 'The service was not able to process your request',
				description: 'Request failed with status code 500',
				httpCode: '500',
				body: { message: 'Backend exploded', code: 'E500' },
			},
		]);
	});

	test('JSON error bodies become the NodeApiError description and context.data', async () => {
		const errors = [];
		const result = await runTokenClient({
			parameters: { path: '/fail-500' },
			onError: (error) => errors.push(error),
		});

		expect(result.status).toBe('error');
		expect(errors[0].description).toBe('Backend exploded');
		expect(errors[0].context.data).toEqual({ message: 'Backend exploded', code: 'E500' });
	});

	test('ignoreHttpStatusErrors returns the 401 response and skips the token refresh', async () => {
		const result = await runTokenClient({
			parameters: { path: '/tickets/A', responseMode: 'full', ignoreStatus: true },
			credentials: credentialData({ sessionToken: 'stale-token' }),
		});

		expect(result.status).toBe('success');
		expect(resultItems(result, 'Client')[0].json).toMatchObject({
			statusCode: 401,
			body: { message: 'Session expired' },
		});
		expect(api.logins()).toHaveLength(0);
	});
});

function streamWriterNode(bytes) {
	return {
		description: {
			displayName: 'Stream Writer',
			name: 'streamWriter',
			group: ['transform'],
			version: 1,
			description: 'Test node',
			defaults: { name: 'Stream Writer' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			const chunkSize = 10000;
			async function* chunks() {
				for (let offset = 0; offset < bytes.length; offset += chunkSize) {
					yield bytes.subarray(offset, offset + chunkSize);
				}
			}
			const binary = await this.helpers.prepareBinaryData(
				Readable.from(chunks()),
				'report.pdf',
				'application/pdf',
			);
			return [[{ json: { written: true }, binary: { data: binary }, pairedItem: { item: 0 } }]];
		},
	};
}

async function runStreamWriter(bytes, binaryDataMode) {
	return await runWorkflow({
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Writer', type: 'test.streamWriter' },
		],
		connections: { Start: { main: [[{ node: 'Writer', type: 'main', index: 0 }]] } },
		binaryDataMode,
		extraNodeTypes: { 'test.streamWriter': streamWriterNode(bytes) },
	});
}

describe('binary data', () => {
	test('prepareBinaryData(stream) in filesystem mode writes a file that readBinary returns', async () => {
		const bytes = patternBytes(300 * 1024 + 17);
		const result = await runStreamWriter(bytes, 'filesystem');

		expect(result.status).toBe('success');
		const binary = resultItems(result, 'Writer')[0].binary.data;
		expect(binary).toMatchObject({
			fileName: 'report.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
			data: 'filesystem-v2',
			bytes: bytes.length,
		});
		expect(binary.id).toMatch(/^filesystem-v2:workflows\/.+\/executions\/.+\/binary_data\//);
		expect(fs.statSync(result.binaryPath(binary)).size).toBe(bytes.length);
		expect((await result.readBinary(binary)).equals(bytes)).toBe(true);
	});

	test("binaryDataMode 'default' keeps the data inline as base64", async () => {
		const bytes = patternBytes(4096);
		const result = await runStreamWriter(bytes, 'default');

		const binary = resultItems(result, 'Writer')[0].binary.data;
		expect(binary.id).toBeUndefined();
		expect(Buffer.from(binary.data, 'base64').equals(bytes)).toBe(true);
		expect((await result.readBinary(binary)).equals(bytes)).toBe(true);
		expect(() => result.binaryPath(binary)).toThrow(/inline/);
	});

	test("an authenticated download with encoding 'stream' lands in filesystem binary data", async () => {
		const size = 1024 * 1024 + 3;
		const result = await runTokenClient({
			parameters: { path: `/file?size=${size}`, responseMode: 'binary' },
			credentials: credentialData({ sessionToken: 'stale-token' }),
		});

		expect(result.status).toBe('success');
		const [item] = resultItems(result, 'Client');
		expect(item.json.statusCode).toBe(200);
		expect(item.binary.data).toMatchObject({ fileName: 'download.bin', bytes: size });
		expect((await result.readBinary(item.binary.data)).equals(patternBytes(size))).toBe(true);
		expect(api.requestsTo('/file')).toHaveLength(2); // stale token → 401 → re-login → retry
	});
});

// Fails item 1 with a NodeOperationError; handles it itself when continueOnFail() is true.
const flakyNode = {
	description: {
		displayName: 'Flaky',
		name: 'flaky',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Flaky' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		const items = this.getInputData();
		const returnData = [];
		for (let i = 0; i < items.length; i++) {
			try {
				if (i === 1) {
					throw new NodeOperationError(this.getNode(), `Ticket ${items[i].json.ticket} is broken`, {
						itemIndex: i,
						description: 'Fix the ticket',
					});
				}
				returnData.push({ json: { ok: items[i].json.ticket }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: error.message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	},
};

const alwaysThrowsNode = {
	description: { ...flakyNode.description, name: 'alwaysThrows', displayName: 'Always Throws' },
	async execute() {
		throw new NodeOperationError(this.getNode(), 'Nothing works');
	},
};

// Copies the value of its `value` parameter (usually an expression) into each item.
const evaluateNode = {
	description: {
		...flakyNode.description,
		name: 'evaluate',
		displayName: 'Evaluate',
		properties: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
	},
	async execute() {
		return [
			this.getInputData().map((item, i) => ({
				json: { ...item.json, value: this.getNodeParameter('value', i) },
				pairedItem: { item: i },
			})),
		];
	},
};

function chainWorkflow(middleType, options = {}) {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Items', type: 'test.items' },
			{ name: 'Middle', type: middleType, ...(options.middle ?? {}) },
			{
				name: 'After',
				type: 'test.evaluate',
				parameters: { value: "={{ $('Items').item.json.ticket }}" },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Middle', type: 'main', index: 0 }]] },
			Middle: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
		},
		inputItems: [{ ticket: 'A' }, { ticket: 'B' }, { ticket: 'C' }],
		extraNodeTypes: {
			'test.flaky': flakyNode,
			'test.alwaysThrows': alwaysThrowsNode,
			'test.evaluate': evaluateNode,
			'test.fanOut': fanOutNode,
		},
		continueOnFail: options.continueOnFail,
	};
}

describe('continueOnFail', () => {
	test('continueOnFail: the failing item becomes an error item and the run goes on', async () => {
		const result = await runWorkflow(chainWorkflow('test.flaky', { continueOnFail: ['Middle'] }));

		expect(result.status).toBe('success');
		expect(resultItems(result, 'Middle')).toEqual([
			{ json: { ok: 'A' }, pairedItem: { item: 0 } },
			{ json: { error: 'Ticket B is broken' }, pairedItem: { item: 1 } },
			{ json: { ok: 'C' }, pairedItem: { item: 2 } },
		]);
		expect(resultItems(result, 'After').map((item) => item.json.value)).toEqual(['A', 'B', 'C']);
	});

	test('without continueOnFail the run fails with message, description and itemIndex', async () => {
		const result = await runWorkflow(chainWorkflow('test.flaky'));

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({
			message: 'Ticket B is broken',
			description: 'Fix the ticket',
			itemIndex: 1,
		});
		expect(() => resultItems(result, 'After')).toThrow(/did not run/);
	});

	test("node JSON onError 'continueRegularOutput' makes the engine pass the input items on", async () => {
		const result = await runWorkflow(
			chainWorkflow('test.alwaysThrows', { middle: { onError: 'continueRegularOutput' } }),
		);

		expect(result.status).toBe('success');
		expect(result.runData.Middle[0].error.message).toBe('Nothing works');
		expect(resultItems(result, 'Middle').map((item) => item.json)).toEqual([
			{ ticket: 'A' },
			{ ticket: 'B' },
			{ ticket: 'C' },
		]);
		expect(resultItems(result, 'After')).toHaveLength(3);
	});
});

// Emits two items per input item, in reverse input order, so pairing cannot be guessed.
const fanOutNode = {
	description: { ...flakyNode.description, name: 'fanOut', displayName: 'Fan Out' },
	async execute() {
		const items = this.getInputData();
		const returnData = [];
		for (let i = items.length - 1; i >= 0; i--) {
			for (const part of [1, 2]) returnData.push({ json: { part }, pairedItem: { item: i } });
		}
		return [returnData];
	},
};

describe('pairedItem', () => {
	test("pairedItem survives, so $('Items').item resolves through the node", async () => {
		const result = await runWorkflow(chainWorkflow('test.fanOut'));

		expect(result.status).toBe('success');
		expect(resultItems(result, 'Middle').map((item) => item.pairedItem)).toEqual([
			{ item: 2 },
			{ item: 2 },
			{ item: 1 },
			{ item: 1 },
			{ item: 0 },
			{ item: 0 },
		]);
		expect(
			resultItems(result, 'After').map((item) => `${item.json.value}${item.json.part}`),
		).toEqual(['C1', 'C2', 'B1', 'B2', 'A1', 'A2']);
	});
});

// A minimal community package on disk: one node and one credential with a functional
// `authenticate` and a defaulted `region` property.
function writeFakePackage() {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-fake-package-'));
	fs.mkdirSync(path.join(root, 'dist'));
	fs.writeFileSync(
		path.join(root, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-fake',
			n8n: { nodes: ['dist/Fake.node.js'], credentials: ['dist/FakeApi.credentials.js'] },
		}),
	);
	fs.writeFileSync(
		path.join(root, 'dist', 'FakeApi.credentials.js'),
		`class FakeApi {
			constructor() {
				this.name = 'fakeApi';
				this.displayName = 'Fake API';
				this.properties = [
					{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
					{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' },
					{ displayName: 'Region', name: 'region', type: 'string', default: 'eu-west' },
				];
			}
			async authenticate(credentials, requestOptions) {
				return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: 'Bearer ' + credentials.token } };
			}
		}
		module.exports = { FakeApi };`,
	);
	fs.writeFileSync(
		path.join(root, 'dist', 'Fake.node.js'),
		`class Fake {
			constructor() {
				this.description = {
					displayName: 'Fake', name: 'fake', group: ['transform'], version: 1, description: '',
					defaults: { name: 'Fake' }, inputs: ['main'], outputs: ['main'],
					credentials: [{ name: 'fakeApi', required: true }],
					properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '' }],
				};
			}
			async execute() {
				const credentials = await this.getCredentials('fakeApi');
				const response = await this.helpers.httpRequestWithAuthentication.call(this, 'fakeApi', {
					url: credentials.baseUrl + this.getNodeParameter('path', 0), json: true, skipSslCertificateValidation: true,
				});
				return [[{ json: { ...response, region: credentials.region }, pairedItem: { item: 0 } }]];
			}
		}
		module.exports = { Fake };`,
	);
	return root;
}

describe('harness node types', () => {
	test('package types load from a package folder: both type names, credential defaults, authenticate()', async () => {
		const packageRoot = writeFakePackage();
		cleanups.push(() => fs.rmSync(packageRoot, { recursive: true, force: true }));
		const token = api.issueToken();
		const result = await runWorkflow({
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
				{
					name: 'Custom',
					type: 'CUSTOM.fake',
					parameters: { path: '/tickets/C-1' },
					credentials: { fakeApi: { id: '7', name: 'Fake' } },
				},
				{
					name: 'Packaged',
					type: 'n8n-nodes-fake.fake',
					parameters: { path: '/tickets/P-1' },
					credentials: { fakeApi: { id: '7', name: 'Fake' } },
				},
			],
			connections: {
				Start: { main: [[{ node: 'Custom', type: 'main', index: 0 }]] },
				Custom: { main: [[{ node: 'Packaged', type: 'main', index: 0 }]] },
			},
			credentials: { fakeApi: { 7: { name: 'Fake', data: { baseUrl: api.baseUrl, token } } } },
			packageRoot,
		});

		expect(result.error).toBeUndefined();
		const nodeTypes = createNodeTypes({ packageRoot });
		expect(nodeTypes.getByName('CUSTOM.fake')).toBe(nodeTypes.getByName('n8n-nodes-fake.fake'));
		expect(resultItems(result, 'Custom')[0].json).toEqual({ id: 'C-1', region: 'eu-west' });
		expect(resultItems(result, 'Packaged')[0].json).toEqual({ id: 'P-1', region: 'eu-west' });
		expect(api.requestsTo('/tickets/').map((r) => r.authorization)).toEqual([
			`Bearer ${token}`,
			`Bearer ${token}`,
		]);
	});

	test('test.items emits its `items` parameter (preferred over inputItems) and the trigger one empty item', async () => {
		const result = await runWorkflow({
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
				{ name: 'Items', type: 'test.items', parameters: { items: [{ n: 1 }, { n: 2 }] } },
			],
			connections: { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] } },
			inputItems: [{ ignored: true }],
		});

		expect(resultItems(result, 'Start')).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		expect(resultItems(result, 'Items').map((item) => item.json)).toEqual([{ n: 1 }, { n: 2 }]);
	});

	test('an unknown node type fails with a clear message', async () => {
		await expect(
			runWorkflow({ nodes: [{ name: 'X', type: 'test.doesNotExist' }] }),
		).rejects.toThrow(/unknown node type "test.doesNotExist"/);
	});
});
