import type { IDataObject } from 'n8n-workflow';

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A network failure, in words that point at the fix and never echo request data. */
export function describeConnectionFailure(url: string, error: unknown): string {
	const code = (error as { code?: string } | undefined)?.code ?? '';
	if (TLS_CODES.has(code)) {
		return `The certificate of ${url} could not be verified (${code}). Install a trusted certificate on the VB365 server, or turn on "Ignore SSL Issues" in the credential if it uses the self-signed one`;
	}
	if (code === 'ECONNREFUSED') {
		return `Nothing answered at ${url} (connection refused). Check the host and port in the Server URL (VB365 uses 4443 by default) and that the REST API service is enabled`;
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return `The host of ${url} could not be resolved (${code}). Check the Server URL`;
	}
	if (code === 'ECONNRESET' || code === 'EPROTO') {
		return `The connection to ${url} failed (${code}). Check that the Server URL points at the HTTPS port of the VB365 REST API`;
	}
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
		return `${url} did not answer in time (${code})`;
	}
	return `Could not reach ${url}${code ? ` (${code})` : ''}`;
}

export function describeLoginFailure(
	tokenUrl: string,
	statusCode: number | undefined,
	body: IDataObject | undefined,
	error?: unknown,
): string {
	if (error !== undefined) {
		return `VB365 login failed. ${describeConnectionFailure(tokenUrl, error)}`;
	}
	const reason = [body?.error, body?.error_description ?? body?.message]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(': ');
	if (statusCode === 400 || statusCode === 401) {
		return `VB365 login failed: the server rejected the username or password${reason ? ` (${reason})` : ''}. Check the credential, and that MFA is off for this account`;
	}
	if (statusCode === 404) {
		return `VB365 login failed: ${tokenUrl} does not exist. Check the Server URL and that the server offers the selected API version`;
	}
	if (statusCode === 200) {
		return 'VB365 login failed: the token endpoint answered without an access_token';
	}
	return `VB365 login failed with HTTP ${String(statusCode)}${reason ? ` (${reason})` : ''}`;
}
