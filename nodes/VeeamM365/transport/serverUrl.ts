export const DEFAULT_PORT = 4443;

export class ServerUrlError extends Error {}

/**
 * Reduces what a user pastes (`vb365.contoso.local`, `https://host:4443/`, `https://host/v8/`) to the
 * origin the REST API lives on. VB365 serves REST over HTTPS only, on port 4443 unless reconfigured.
 */
export function normalizeServerUrl(input: unknown): string {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (raw === '') {
		throw new ServerUrlError('The Server URL is empty');
	}
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	const url = parseUrl(withScheme);
	if (!url) {
		throw new ServerUrlError(`The Server URL "${raw}" is not a valid URL`);
	}
	if (url.protocol !== 'https:') {
		throw new ServerUrlError(
			`The Server URL must start with https:// (VB365 serves its REST API over HTTPS only), not ${url.protocol}//`,
		);
	}
	if (url.username || url.password) {
		throw new ServerUrlError('The Server URL must not contain a user name or password');
	}
	const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
	return `https://${url.hostname}:${port}`;
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
