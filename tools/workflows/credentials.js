'use strict';
// Credential entries for `n8n import:credentials` (plain `data`, n8n encrypts it).

const { CREDENTIAL_TYPE } = require('../n8n/package');

const CREDENTIAL_IDS = {
	good: 'vb365E2eGood0001',
	wrongPassword: 'vb365E2eBadPw001',
	strictTls: 'vb365E2eTls00001',
};

function credential({ id, name, url, apiVersion = 'v8', username, password, ignoreSslIssues }) {
	return {
		id,
		name,
		type: CREDENTIAL_TYPE,
		data: {
			url,
			apiVersion,
			authentication: 'password',
			username,
			password,
			ignoreSslIssues: Boolean(ignoreSslIssues),
		},
	};
}

/** The simulator's login three ways: right, wrong password, and with its certificate checked. */
function simulatorCredentials(sim) {
	const base = { url: sim.url, username: sim.credentials.username };
	return {
		good: credential({
			...base,
			id: CREDENTIAL_IDS.good,
			name: 'VB365 simulator',
			password: sim.credentials.password,
			ignoreSslIssues: true,
		}),
		wrongPassword: credential({
			...base,
			id: CREDENTIAL_IDS.wrongPassword,
			name: 'VB365 simulator (wrong password)',
			password: `${sim.credentials.password}-wrong`,
			ignoreSslIssues: true,
		}),
		strictTls: credential({
			...base,
			id: CREDENTIAL_IDS.strictTls,
			name: 'VB365 simulator (certificate checked)',
			password: sim.credentials.password,
			ignoreSslIssues: false,
		}),
	};
}

module.exports = { CREDENTIAL_IDS, credential, simulatorCredentials };
