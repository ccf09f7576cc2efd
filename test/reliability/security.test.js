'use strict';
// Transport and file-name security: TLS is verified unless the user opts out, credentials never
// follow a redirect to another host, and file names from the server cannot escape or confuse.
const https = require('node:https');
const { shutdownHarness } = require('../../tools/engine/harness');
const { generateCertificate } = require('../../tools/simulator/tls');
const { HOSTILE_NAMES } = require('../../tools/simulator/fixture-hostile');
const { startSimulator, runNode, itemParameters, credentialFor } = require('../support/node-runs');
const { requestsTo, tokenRequests } = require('../support/requests');
const { SERVERS } = require('./servers');
const { actionPath } = require('./operations');

afterAll(async () => {
	await shutdownHarness();
});

/** An HTTPS server on another host name and port that records what reaches it. */
async function startRecorder() {
	const { key, cert } = await generateCertificate();
	const received = [];
	const server = https.createServer({ key, cert }, (request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			received.push({ method: request.method, url: request.url, headers: request.headers, body });
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"results":[]}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `https://localhost:${server.address().port}`,
		received,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

describe('TLS', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(() => sim.stop());

	const getAll = () => ({
		resource: 'sharePointItemAttachment',
		operation: 'getAll',
		returnAll: true,
		...itemParameters(sim.fixture.item('helpdesk')),
	});

	test('an unverifiable certificate is refused by default: not even the login is sent', async () => {
		const credentials = credentialFor(sim);
		delete credentials.veeamM365Api.vb365.data.ignoreSslIssues;
		const result = await runNode(sim, { credentials, parameters: getAll() });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/certificate/i);
		expect(sim.requests).toHaveLength(0);
	});

	test('"Ignore SSL Issues" is the only way past it', async () => {
		const result = await runNode(sim, {
			credential: { ignoreSslIssues: true },
			parameters: getAll(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(sim.fixture.item('helpdesk').attachments.length);
	});
});

describe.each(SERVERS)('redirects on a $label server', (server) => {
	let sim;
	let recorder;
	beforeAll(async () => {
		sim = await startSimulator({ profile: server.profile });
		recorder = await startRecorder();
	});
	afterAll(async () => {
		await sim.stop();
		await recorder.stop();
	});
	beforeEach(() => {
		sim.reset();
		recorder.received.length = 0;
	});

	const item = () => sim.fixture.item('helpdesk');
	const parameters = (operation) => ({
		resource: 'sharePointItemAttachment',
		operation,
		...itemParameters(item()),
		...(operation === 'send' ? { to: 'anna.meier@contoso.com' } : {}),
		...(operation === 'getAll' ? { returnAll: true } : {}),
	});

	/** Nothing that could authenticate reached the other host. */
	function expectNoCredentialsElsewhere() {
		for (const request of recorder.received) {
			expect(request.headers.authorization).toBeUndefined();
			expect(request.headers.cookie).toBeUndefined();
			expect(request.body).not.toContain(sim.credentials.password);
			expect(request.body).not.toContain(encodeURIComponent(sim.credentials.password));
		}
	}

	test.each([
		['the login', 'getAll', 'POST', '/token$'],
		['a lookup', 'getAll', 'GET', '/Attachments$'],
		['the save', 'save', 'POST', null],
		['the send', 'send', 'POST', null],
	])(
		'%s redirected (307) to another host: no credentials follow, the item fails clearly',
		async (_what, operation, method, path) => {
			sim.faults.add({
				method,
				path: path ?? actionPath(operation, server.apiVersion),
				redirect: `${recorder.url}/steal${path ?? '/action'}`,
				redirectStatus: 307,
			});
			const result = await runNode(sim, {
				credential: { apiVersion: server.apiVersion },
				parameters: parameters(operation),
			});
			expect(result.status).toBe('error');
			expect(result.error.message).toMatch(/HTTP 30\d|redirect/i);
			expectNoCredentialsElsewhere();
			expect(recorder.received).toHaveLength(0);
			expect(sim.outbox).toHaveLength(0);
		},
	);

	test('a 302 on the login does not carry the password anywhere', async () => {
		sim.faults.add({
			method: 'POST',
			path: '/token$',
			redirect: `${recorder.url}/token`,
			redirectStatus: 302,
		});
		const result = await runNode(sim, {
			credential: { apiVersion: server.apiVersion },
			parameters: parameters('getAll'),
		});
		expect(result.status).toBe('error');
		expect(tokenRequests(sim)).toHaveLength(1);
		expectNoCredentialsElsewhere();
		expect(recorder.received).toHaveLength(0);
	});
});

/** What a file name handed to the next node may not contain or be. */
function expectSafeFileName(name) {
	expect(typeof name).toBe('string');
	expect(name.length).toBeGreaterThan(0);
	expect(name).not.toMatch(/[/\\]/);
	expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	expect(name).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
	expect(name).not.toMatch(/[<>:"|?*]/);
	expect(name).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i);
	expect(name).not.toMatch(/^\.+$/);
	expect(name).not.toMatch(/[. ]$/);
	expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
}

describe.each(SERVERS)('hostile file names from a $label server', (server) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: server.profile, hostileItems: true });
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	const hostile = () => sim.fixture.item('hostileNames');
	const save = (extra = {}) =>
		runNode(sim, {
			credential: { apiVersion: server.apiVersion },
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				...itemParameters(hostile()),
				...extra,
			},
		});

	test('one item per file: every name is cleaned, unique, and still names the right bytes', async () => {
		expect(hostile().attachments.map((a) => a.name)).toEqual(HOSTILE_NAMES);
		const result = await save();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(HOSTILE_NAMES.length);
		const names = result.items.map((entry) => entry.binary.data.fileName);
		names.forEach(expectSafeFileName);
		expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
		for (const entry of result.items) {
			expect(entry.json.fileName).toBe(entry.binary.data.fileName);
			expect(entry.binary.data.directory).toBeUndefined();
			const bytes = await result.readBinary(entry.binary.data);
			expect(bytes.equals(sim.attachmentContent(entry.json.id))).toBe(true);
		}
		// Recognisable where possible: the last path segment survives, reserved names are defused.
		expect(names).toEqual(
			expect.arrayContaining([
				'passwd',
				'win.ini',
				'evil.dll',
				'_CON.txt',
				'ab.txt',
				'invoicefdp.exe',
			]),
		);
	});

	test('all files on one item: the same clean names', async () => {
		const result = await save({ output: 'perItem', binaryPropertyName: 'file' });
		expect(result.error).toBeUndefined();
		const binaries = Object.values(result.items[0].binary);
		expect(binaries).toHaveLength(HOSTILE_NAMES.length);
		binaries.forEach((binary) => expectSafeFileName(binary.fileName));
	});

	test.each(['filename*', 'filename'])(
		'ZIP as returned: the archive name from Content-Disposition (%s) is cleaned',
		async (mode) => {
			const other = await startSimulator({
				profile: server.profile,
				hostileItems: true,
				contentDisposition: mode,
			});
			try {
				const item = other.fixture.item('hostileNames');
				expect(item.title).toBe('..\\..\\AUX');
				const result = await runNode(other, {
					credential: { apiVersion: server.apiVersion },
					parameters: {
						resource: 'sharePointItemAttachment',
						operation: 'save',
						...itemParameters(item),
						output: 'zip',
					},
				});
				expect(result.error).toBeUndefined();
				const { fileName } = result.items[0].binary.data;
				expectSafeFileName(fileName);
				expect(fileName).toBe('_AUX.zip');
			} finally {
				await other.stop();
			}
		},
	);

	test("the stored binary stays inside n8n's storage folder", async () => {
		const result = await save({
			attachmentSelection: 'byName',
			attachmentNames: ['../../etc/passwd'],
		});
		expect(result.error).toBeUndefined();
		const stored = result.binaryPath(result.items[0].binary.data);
		expect(stored).not.toContain('etc/passwd');
		expect(stored).not.toContain('..');
		expect(requestsTo(sim, 'GET', '/Attachments$')).toHaveLength(1);
	});
});
