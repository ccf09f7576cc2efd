'use strict';
const {
	settingsFingerprint,
	bindSessionToken,
	boundSessionToken,
	isRequestToServer,
} = require('../../dist/nodes/VeeamM365/transport/sessionBinding');

const settings = {
	url: 'vb365.contoso.local',
	apiVersion: 'v8',
	authentication: 'password',
	username: 'CONTOSO\\restore-operator',
	password: 'Restore!2024',
};

describe('session token binding', () => {
	test('the fingerprint follows server, version, mode and login, and ignores how the URL is written', () => {
		const base = settingsFingerprint(settings);
		expect(base).toMatch(/^[0-9a-f]{64}$/);
		expect(settingsFingerprint({ ...settings, url: 'https://vb365.contoso.local:4443/v8/' })).toBe(base);
		for (const change of [
			{ url: 'vb365-dr.contoso.local' },
			{ url: 'vb365.contoso.local:4444' },
			{ apiVersion: 'v7' },
			{ username: 'CONTOSO\\someone-else' },
			{ password: 'Restore!2025' },
			{ authentication: 'accessToken', accessToken: 'abc' },
		]) {
			expect(settingsFingerprint({ ...settings, ...change })).not.toBe(base);
		}
		expect(settingsFingerprint({ ...settings, url: 'http://vb365' })).toBeUndefined();
	});

	test('the fingerprint does not contain the password', () => {
		expect(bindSessionToken(settings, 'tok')).not.toContain(settings.password);
	});

	test('a stored token is returned only for the settings it was bound to', () => {
		const stored = bindSessionToken(settings, 'eyJhbGciOi.JIUzI1NiJ9.sig');
		expect(boundSessionToken({ ...settings, sessionToken: stored })).toBe('eyJhbGciOi.JIUzI1NiJ9.sig');
		expect(boundSessionToken({ ...settings, password: 'other', sessionToken: stored })).toBeUndefined();
		expect(boundSessionToken({ ...settings, sessionToken: 'unbound-token-of-an-older-version' })).toBeUndefined();
		expect(boundSessionToken({ ...settings, sessionToken: '' })).toBeUndefined();
	});

	test('a request counts as going to the server only on its own scheme, host and port', () => {
		const server = 'https://vb365.contoso.local:4443';
		expect(isRequestToServer(settings, { url: `${server}/v8/RestoreSessions` })).toBe(true);
		expect(isRequestToServer(settings, { baseURL: server, url: '/v8/RestoreSessions' })).toBe(true);
		expect(isRequestToServer(settings, { url: 'https://vb365.contoso.local/v8/x' })).toBe(false);
		expect(isRequestToServer(settings, { url: 'https://evil.example:4443/v8/x' })).toBe(false);
		expect(isRequestToServer(settings, { url: 'http://vb365.contoso.local:4443/v8/x' })).toBe(false);
		expect(isRequestToServer({ ...settings, url: '' }, { url: `${server}/v8/x` })).toBe(false);
	});
});
