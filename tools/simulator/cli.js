#!/usr/bin/env node
'use strict';
// `npm run simulator [-- --port 4443 --profile 8.x ...]`: runs the simulator until Ctrl-C.
const fs = require('node:fs');
const { startSimulator } = require('./index');

const USAGE = `Usage: node tools/simulator/cli.js [options]   (every option also has an env variable)
  --port N                  listen port (SIM_PORT, default 4443; 0 = any free port)
  --host H                  listen address (SIM_HOST, default 127.0.0.1)
  --profile P               8.x | 7.0 | 6.0 | 5.0 | all (SIM_PROFILE, default 8.x)
  --token-lifetime S        access token lifetime in seconds (SIM_TOKEN_LIFETIME, default 3600)
  --refresh-lifetime S      refresh token lifetime in seconds (SIM_REFRESH_LIFETIME, default 86400)
  --content-disposition M   none | filename | filename* | both (SIM_CONTENT_DISPOSITION, default filename*)
  --email M                 configured | unconfigured (SIM_EMAIL, default configured)
  --large-sizes LIST        sizes of the "large" item's attachments, e.g. 512M,512M,512M,512M (SIM_LARGE_SIZES)
  --force-zip64             always write ZIP64 records (SIM_FORCE_ZIP64=1)
  --hostile-items           add the Quarantine list: hostile file names, ZIP bombs (SIM_HOSTILE_ITEMS=1)
  --token-throttle T        limit logins on /token, answered 429: vb365 (1/s, 5/min, 1500/h) or
                            PER_SECOND,PER_MINUTE,PER_HOUR (empty = no limit), add ",no-retry-after"
                            to leave out the Retry-After header (SIM_TOKEN_THROTTLE, default off)
  --username U / --password P   demo credentials (SIM_USERNAME / SIM_PASSWORD)
  --cert-out FILE           write the generated certificate (PEM) to FILE, for curl --cacert (SIM_CERT_OUT)
  --help`;

const FLAGS = {
	port: 'SIM_PORT',
	host: 'SIM_HOST',
	profile: 'SIM_PROFILE',
	'token-lifetime': 'SIM_TOKEN_LIFETIME',
	'refresh-lifetime': 'SIM_REFRESH_LIFETIME',
	'content-disposition': 'SIM_CONTENT_DISPOSITION',
	email: 'SIM_EMAIL',
	'large-sizes': 'SIM_LARGE_SIZES',
	'force-zip64': 'SIM_FORCE_ZIP64',
	'hostile-items': 'SIM_HOSTILE_ITEMS',
	'token-throttle': 'SIM_TOKEN_THROTTLE',
	username: 'SIM_USERNAME',
	password: 'SIM_PASSWORD',
	'cert-out': 'SIM_CERT_OUT',
};
const BOOLEAN_FLAGS = new Set(['force-zip64', 'hostile-items']);

function parseArgs(argv, env) {
	const values = {};
	for (const [flag, name] of Object.entries(FLAGS))
		if (env[name] !== undefined && env[name] !== '') values[flag] = env[name];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return { help: true };
		const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
		if (!m || !(m[1] in FLAGS)) throw new Error(`unknown argument: ${arg}`);
		if (BOOLEAN_FLAGS.has(m[1])) values[m[1]] = m[2] ?? 'true';
		else {
			const v = m[2] ?? argv[++i];
			if (v === undefined) throw new Error(`missing value for --${m[1]}`);
			values[m[1]] = v;
		}
	}
	return values;
}

function parseSize(text) {
	const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)i?B?$/i.exec(text.trim());
	if (!m) throw new Error(`invalid size: ${text}`);
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()];
	return Math.round(Number(m[1]) * unit);
}

function parseThrottle(text) {
	const parts = text.split(',').map((part) => part.trim());
	const noRetryAfter = parts[parts.length - 1].toLowerCase() === 'no-retry-after';
	if (noRetryAfter) parts.pop();
	if (parts.length === 1 && parts[0].toLowerCase() === 'vb365') {
		return { perSecond: 1, perMinute: 5, perHour: 1500, retryAfter: !noRetryAfter };
	}
	const throttle = { retryAfter: !noRetryAfter };
	['perSecond', 'perMinute', 'perHour'].forEach((name, i) => {
		if (parts[i]) throttle[name] = Number(parts[i]);
	});
	return throttle;
}

function toOptions(v) {
	const opts = { port: v.port !== undefined ? Number(v.port) : 4443, profile: v.profile || '8.x' };
	if (v.host) opts.host = v.host;
	if (v['token-lifetime']) opts.accessTokenLifetime = Number(v['token-lifetime']);
	if (v['refresh-lifetime']) opts.refreshTokenLifetime = Number(v['refresh-lifetime']);
	if (v['content-disposition']) opts.contentDisposition = v['content-disposition'];
	if (v.email) opts.emailSettings = v.email;
	if (v['large-sizes']) opts.largeAttachmentSizes = v['large-sizes'].split(',').map(parseSize);
	if (v['force-zip64']) opts.forceZip64 = /^(1|true|yes)$/i.test(v['force-zip64']);
	if (v['hostile-items']) opts.hostileItems = /^(1|true|yes)$/i.test(v['hostile-items']);
	if (v['token-throttle']) opts.tokenThrottle = parseThrottle(v['token-throttle']);
	if (v.username || v.password)
		opts.credentials = {
			...(v.username && { username: v.username }),
			...(v.password && { password: v.password }),
		};
	return opts;
}

async function main() {
	const values = parseArgs(process.argv.slice(2), process.env);
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const sim = await startSimulator(toOptions(values));
	if (values['cert-out']) fs.writeFileSync(values['cert-out'], sim.certificatePem);
	const versions = sim.profile.served.map(
		(n) => `v${n}${sim.profile.deprecated.includes(n) ? ' (deprecated)' : ''}`,
	);
	const large = sim.fixture.item('large').attachments.reduce((n, a) => n + a.sizeBytes, 0);
	console.log(`VB365 REST API simulator (profile ${sim.profile.name}, build ${sim.profile.build})
  URL:          ${sim.url}
  Username:     ${sim.credentials.username}
  Password:     ${sim.credentials.password}
  API versions: ${versions.join(', ')}
  Email:        ${sim.state.emailConfigured() ? 'configured' : 'not configured'}
  Session:      ${sim.fixture.restoreSession.id} (pre-existing, Vesp)
  Large item:   ${(large / 1024 ** 2).toFixed(0)} MiB in ${sim.fixture.item('large').attachments.length} attachments
  Throttle:     ${sim.throttle.enabled ? JSON.stringify(sim.throttle.describe()) : 'off'}
  Certificate:  self-signed, CN=localhost${values['cert-out'] ? ` (written to ${values['cert-out']})` : ''}
  Control:      GET ${sim.url}/__sim/fixture | /__sim/outbox | /__sim/stats, POST /__sim/faults, POST /__sim/reset
Press Ctrl-C to stop.`);
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		await sim.stop();
		console.log('Simulator stopped.');
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

if (require.main === module) {
	main().catch((err) => {
		console.error(`simulator: ${err.message}`);
		process.exit(1);
	});
}

module.exports = { parseArgs, toOptions, parseSize, parseThrottle };
