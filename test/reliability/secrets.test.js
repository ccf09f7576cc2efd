'use strict';
// Secret hygiene beyond the fault matrix (which scans every one of its cases): the scan itself is
// shown to find what it looks for, and login failures and pasted tokens leave no trace.
const { LoggerProxy, NodeApiError } = require('n8n-workflow');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, runNode, itemParameters, credentialFor } = require('../support/node-runs');
const { captureN8nDebugLog, findLeaks, collectStrings, secretVariants } = require('./secrets');

const log = captureN8nDebugLog();
const PASSWORD = 'Secret "pw" & +more/=%41';

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x', credentials: { password: PASSWORD } });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});
beforeEach(() => sim.reset());

const getAll = () => ({
	resource: 'sharePointItemAttachment',
	operation: 'getAll',
	returnAll: true,
	...itemParameters(sim.fixture.item('helpdesk')),
});

/** Everything one run left behind that a user or operator could read. */
function traces(result, logFrom) {
	return {
		'run data': result.run,
		error: result.error,
		'output items': result.items,
		'n8n debug log': log.records.slice(logFrom),
		'server request log': sim.requests,
	};
}

describe('the scan finds what it looks for', () => {
	test('in non-enumerable error fields, nested causes and encoded forms', () => {
		const secret = 'Hunter2-Secret+Value';
		const inner = new Error(`token=${encodeURIComponent(secret)}`);
		const outer = new Error('outer', { cause: inner });
		Object.defineProperty(outer, 'description', { value: 'nothing here', enumerable: false });
		const cyclic = { outer };
		cyclic.self = cyclic;
		expect(findLeaks({ cyclic }, [secret])).toEqual([
			{ source: 'cyclic', secret: 'Hun…(20 chars)', form: 'encoded' },
		]);
		expect(findLeaks({ clean: { message: 'no secret' } }, [secret])).toEqual([]);
		expect(secretVariants(PASSWORD)).toEqual(
			expect.arrayContaining([
				PASSWORD,
				encodeURIComponent(PASSWORD),
				Buffer.from(PASSWORD).toString('base64'),
			]),
		);
	});

	test("in n8n's debug log", () => {
		const from = log.count;
		LoggerProxy.debug('planted', {
			error: new NodeApiError(
				{ name: 'x', type: 'x', typeVersion: 1, parameters: {} },
				{ message: 'planted-debug-secret-42' },
			),
		});
		expect(log.count).toBeGreaterThan(from);
		expect(findLeaks({ log: log.records.slice(from) }, ['planted-debug-secret-42'])).not.toEqual(
			[],
		);
	});

	test('in run data and output of a real run (the password used as an email subject)', async () => {
		const from = log.count;
		const result = await runNode(sim, {
			parameters: {
				...getAll(),
				operation: 'send',
				returnAll: undefined,
				to: 'anna@contoso.com',
				subject: PASSWORD,
			},
		});
		expect(result.error).toBeUndefined();
		const sources = Object.keys(
			Object.fromEntries(findLeaks(traces(result, from), [PASSWORD]).map((l) => [l.source])),
		);
		expect(sources).toEqual(expect.arrayContaining(['run data', 'output items']));
	});
});

describe('no secret in errors, output, n8n debug log or request log', () => {
	test('a wrong password: neither the wrong nor the right one shows', async () => {
		const from = log.count;
		const wrong = 'Wrong & "secret" %20 pw';
		const result = await runNode(sim, { credential: { password: wrong }, parameters: getAll() });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/rejected the username or password/);
		expect(findLeaks(traces(result, from), [wrong, PASSWORD, ...sim.issuedTokens()])).toEqual([]);
	});

	test('a pasted access token that the server then refuses is not echoed', async () => {
		const from = log.count;
		const token = 'Pasted-Token-That-Is-Secret-0123456789';
		const result = await runNode(sim, {
			credential: { authentication: 'accessToken', accessToken: token, username: '', password: '' },
			parameters: getAll(),
		});
		expect(result.status).toBe('error');
		expect(findLeaks(traces(result, from), [token])).toEqual([]);
	});

	test('a valid pasted token, then a server error: the token does not show', async () => {
		const password = await runNode(sim, { parameters: getAll() });
		expect(password.error).toBeUndefined();
		const [token] = sim.issuedTokens();
		const from = log.count;
		sim.faults.add({ method: 'GET', path: '/Attachments$', status: 500, retryAfter: 0 });
		const credentials = credentialFor(sim, { authentication: 'accessToken', accessToken: token });
		const result = await runNode(sim, {
			credentials,
			parameters: { ...getAll(), options: { retries: 0 } },
		});
		expect(result.status).toBe('error');
		expect(findLeaks(traces(result, from), [token, PASSWORD])).toEqual([]);
	});

	test('the debug log was really captured for these runs', () => {
		expect(
			log.records.some((record) =>
				/Running node \\?"VB365\\?" finished with error/.test(record.line),
			),
		).toBe(true);
		expect(collectStrings(log.records).join('\n')).toMatch(
			/Workflow execution finished with error/,
		);
	});
});
