'use strict';
const https = require('node:https');
const path = require('node:path');
const { X509Certificate } = require('node:crypto');
const { spawn } = require('node:child_process');
const { startSimulator } = require('../../tools/simulator');
const { call, login, itemPath } = require('../../tools/simulator/client');
const { parseArgs, toOptions, parseSize } = require('../../tools/simulator/cli');

describe('simulator: lifecycle', () => {
	test('TLS certificate: CN localhost, SAN localhost + 127.0.0.1, trusted via certificatePem', async () => {
		const sim = await startSimulator();
		try {
			const cert = new X509Certificate(sim.certificatePem);
			expect(cert.subject).toBe('CN=localhost');
			expect(cert.subjectAltName).toContain('DNS:localhost');
			expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
			expect(sim.url).toBe(`https://127.0.0.1:${sim.port}`);
			// Without the certificate the TLS handshake fails.
			await expect(
				new Promise((resolve, reject) => {
					https.get(`${sim.url}/__sim/stats`, { agent: false }, resolve).on('error', reject);
				}),
			).rejects.toThrow(/self.signed|certificate/i);
			const byName = await new Promise((resolve, reject) => {
				https
					.get(
						`https://localhost:${sim.port}/__sim/stats`,
						{ ca: sim.certificatePem, agent: false },
						(res) => {
							res.resume();
							resolve(res.statusCode);
						},
					)
					.on('error', reject);
			});
			expect(byName).toBe(200);
		} finally {
			await sim.stop();
		}
	});

	test('stats.connections counts TLS connections; keep-alive reuses one', async () => {
		const sim = await startSimulator();
		const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const t = (await login(sim, 8)).access_token;
			const before = sim.stats.connections;
			for (let i = 0; i < 5; i++)
				expect((await call(sim, 'GET', '/v8/Organizations', { token: t, agent })).status).toBe(200);
			expect(sim.stats.connections).toBe(before + 1);
			expect(sim.stats.requests).toBe(6);
		} finally {
			agent.destroy();
			await sim.stop();
		}
	});

	test('stop() ends idle keep-alive sockets, slow downloads and pending latency promptly', async () => {
		const sim = await startSimulator();
		const agent = new https.Agent({ keepAlive: true });
		const t = (await login(sim, 8)).access_token;
		await call(sim, 'GET', '/v8/Organizations', { token: t, agent });
		sim.faults.add({ path: '/save$', dripBytes: 10, dripIntervalMs: 1000 });
		sim.faults.add({ path: '/ServiceInstance$', latencyMs: 60000 });
		const download = await call(
			sim,
			'POST',
			`/v8${itemPath(sim.fixture.item('helpdesk'))}/Attachments/save`,
			{
				token: t,
				json: {},
				stream: true,
			},
		);
		const downloadEnded = new Promise((resolve) => {
			download.on('close', resolve);
			download.on('error', () => {});
			download.resume();
		});
		const pending = call(sim, 'GET', '/v8/ServiceInstance', { token: t }).catch((e) => e);
		await new Promise((r) => setTimeout(r, 100));
		const started = Date.now();
		await sim.stop();
		expect(Date.now() - started).toBeLessThan(2000);
		await downloadEnded;
		expect(download.complete).toBe(false);
		const aborted = await pending;
		expect(aborted.status).toBeUndefined();
		expect(aborted.message).toMatch(/socket hang up|ECONNRESET/i);
		agent.destroy();
	});
});

describe('simulator: CLI', () => {
	test('argument and environment parsing', () => {
		expect(parseSize('512M')).toBe(512 * 1024 * 1024);
		expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
		expect(parseSize('4096')).toBe(4096);
		expect(() => parseSize('lots')).toThrow(/invalid size/);
		const v = parseArgs(
			['--port', '8443', '--profile=7.0', '--force-zip64', '--large-sizes', '1M,2M'],
			{
				SIM_EMAIL: 'unconfigured',
				SIM_TOKEN_LIFETIME: '5',
				SIM_CONTENT_DISPOSITION: 'none',
			},
		);
		expect(toOptions(v)).toEqual({
			port: 8443,
			profile: '7.0',
			forceZip64: true,
			largeAttachmentSizes: [1048576, 2097152],
			emailSettings: 'unconfigured',
			accessTokenLifetime: 5,
			contentDisposition: 'none',
		});
		expect(toOptions(parseArgs([], {}))).toEqual({ port: 4443, profile: '8.x' });
		expect(() => parseArgs(['--nope'], {})).toThrow(/unknown argument/);
		expect(() => parseArgs(['--port'], {})).toThrow(/missing value/);
	});

	test('`node tools/simulator/cli.js` prints URL, credentials and versions, serves, and stops on SIGINT', async () => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, '..', '..', 'tools', 'simulator', 'cli.js'), '--port', '0', '--profile', '8.x'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		const exited = new Promise((resolve) =>
			child.on('exit', (code, signal) => resolve({ code, signal })),
		);
		await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15000);
			child.stdout.on('data', () => {
				if (out.includes('Ctrl-C')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		expect(out).toMatch(/URL:\s+https:\/\/127\.0\.0\.1:\d+/);
		expect(out).toContain('CONTOSO\\restore-operator');
		expect(out).toContain('Restore!2024');
		expect(out).toContain('v5 (deprecated), v6, v7, v8');
		const url = /URL:\s+(\S+)/.exec(out)[1];
		const status = await new Promise((resolve, reject) => {
			https
				.get(`${url}/__sim/stats`, { rejectUnauthorized: false, agent: false }, (res) => {
					res.resume();
					resolve(res.statusCode);
				})
				.on('error', reject);
		});
		expect(status).toBe(200);
		child.kill('SIGINT');
		expect(await exited).toEqual({ code: 0, signal: null });
		expect(out).toContain('Simulator stopped.');
	});
});
