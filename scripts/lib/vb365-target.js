'use strict';
// Where the demo and `npm start` get their VB365 server from: the embedded simulator by default,
// or a real server when VB365_URL is set.

const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function realServerFromEnv(env = process.env) {
	const url = (env.VB365_URL || '').trim();
	if (!url) return undefined;
	const missing = ['VB365_USERNAME', 'VB365_PASSWORD'].filter((name) => !env[name]);
	if (missing.length > 0) {
		throw new Error(`VB365_URL is set, so ${missing.join(' and ')} must be set too`);
	}
	return {
		url,
		username: env.VB365_USERNAME,
		password: env.VB365_PASSWORD,
		apiVersion: (env.VB365_API_VERSION || 'v8').trim(),
		ignoreSslIssues: /^(1|true|yes)$/i.test(env.VB365_IGNORE_SSL || ''),
	};
}

/**
 * Starts the embedded simulator, or describes the real server. Resolves with
 * { kind: 'simulator' | 'real', server: {url, username, password, apiVersion, ignoreSslIssues}, sim?, stop() }.
 */
async function openTarget({ port = 0 } = {}) {
	const real = realServerFromEnv();
	if (real) return { kind: 'real', server: real, stop: async () => {} };
	const { startSimulator } = require(path.join(REPO_ROOT, 'tools', 'simulator'));
	let sim;
	try {
		sim = await startSimulator({ port, profile: '8.x' });
	} catch (error) {
		if (port === 0 || error.code !== 'EADDRINUSE') throw error;
		sim = await startSimulator({ port: 0, profile: '8.x' });
	}
	return {
		kind: 'simulator',
		sim,
		server: {
			url: sim.url,
			username: sim.credentials.username,
			password: sim.credentials.password,
			apiVersion: 'v8',
			ignoreSslIssues: true,
		},
		stop: () => sim.stop(),
	};
}

module.exports = { REPO_ROOT, openTarget, realServerFromEnv };
