import type { ApiVersion } from './apiVersion';
import { API_VERSIONS } from './apiVersion';

/** Answers a GET with its status code, or undefined when the server could not be reached. */
export type StatusProbe = (url: string) => Promise<number | undefined>;

/**
 * The REST API versions a server serves: an unserved version prefix answers 404 for every path,
 * a served one asks for a login (401) on `RestoreSessions`. Sends no credentials; used only after
 * a login failed with 404, so a working setup never pays for it.
 */
export async function offeredApiVersions(
	baseUrl: string,
	probe: StatusProbe,
): Promise<ApiVersion[]> {
	const answers = await Promise.all(
		API_VERSIONS.map(async (version) => ({
			version,
			status: await probe(`${baseUrl}/${version}/RestoreSessions`),
		})),
	);
	return answers
		.filter(({ status }) => status !== undefined && status !== 404)
		.map(({ version }) => version);
}

/** The login error for an API version the server does not serve, naming those it does. */
export function unservedVersionMessage(
	version: ApiVersion,
	offered: ApiVersion[],
): string | undefined {
	if (offered.length === 0) return undefined;
	return `VB365 login failed: this server does not offer REST API ${version}; it offers ${offered.join(', ')}. Set "API Version" in the credential to one of them (the newest is best)`;
}
