import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { parseApiVersion } from './apiVersion';
import { normalizeServerUrl } from './serverUrl';

/**
 * The credential keeps its session token as "<fingerprint>.<token>", where the fingerprint is a
 * SHA-256 over the settings the token was issued for: server origin, API version, authentication
 * mode and the login (username + password, or the pasted token). A token is only ever sent while
 * the current settings give the same fingerprint, so editing any of them means a fresh login and
 * the token never reaches a server it did not come from.
 *
 * The hash is one-way and only ever stored inside the credential, which n8n encrypts at rest
 * together with the password itself, so it discloses nothing the credential does not already hold.
 */
export function settingsFingerprint(
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	let origin: string;
	let version: string;
	try {
		origin = normalizeServerUrl(credentials.url);
		version = parseApiVersion(credentials.apiVersion);
	} catch {
		return undefined;
	}
	const mode = String(credentials.authentication ?? 'password');
	const login =
		mode === 'accessToken'
			? [String(credentials.accessToken ?? '').trim()]
			: [String(credentials.username ?? ''), String(credentials.password ?? '')];
	return createHash('sha256')
		.update(JSON.stringify([origin, version, mode, ...login]))
		.digest('hex');
}

/** The value to store in the hidden session token field for a token issued for `credentials`. */
export function bindSessionToken(
	credentials: ICredentialDataDecryptedObject,
	token: string,
): string {
	const fingerprint = settingsFingerprint(credentials);
	return fingerprint === undefined ? '' : `${fingerprint}.${token}`;
}

/**
 * The stored token when it was issued for the current settings, otherwise undefined (a token
 * stored for other settings, or by an older version of this package without a fingerprint).
 */
export function boundSessionToken(credentials: ICredentialDataDecryptedObject): string | undefined {
	const stored = typeof credentials.sessionToken === 'string' ? credentials.sessionToken : '';
	const separator = stored.indexOf('.');
	if (separator <= 0) return undefined;
	const fingerprint = settingsFingerprint(credentials);
	if (fingerprint === undefined || stored.slice(0, separator) !== fingerprint) return undefined;
	const token = stored.slice(separator + 1);
	return token === '' ? undefined : token;
}

/** Whether a request goes to the credential's own server (scheme, host and port). */
export function isRequestToServer(
	credentials: ICredentialDataDecryptedObject,
	request: { url?: string; baseURL?: string },
): boolean {
	let server: string;
	let target: URL;
	try {
		server = normalizeServerUrl(credentials.url);
		target = new URL(String(request.url ?? ''), request.baseURL);
	} catch {
		return false;
	}
	const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port;
	return target.protocol === 'https:' && `https://${target.hostname}:${port}` === server;
}
