export const API_VERSIONS = ['v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2'] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

export function parseApiVersion(value: unknown): ApiVersion {
	const version = String(value ?? '').toLowerCase();
	if ((API_VERSIONS as readonly string[]).includes(version)) {
		return version as ApiVersion;
	}
	throw new Error(
		`Unknown VB365 REST API version "${String(value)}"; use one of ${API_VERSIONS.join(', ')}`,
	);
}

export function versionNumber(version: ApiVersion): number {
	return Number(version.slice(1));
}

/** v2–v5 expose one `…/Action` endpoint per level; v6 replaced it with one endpoint per action. */
export function usesActionEndpoints(version: ApiVersion): boolean {
	return versionNumber(version) <= 5;
}

/** From v7 the token endpoint issues an antiforgery cookie unless told not to. */
export function needsAntiforgeryOptOut(version: ApiVersion): boolean {
	return versionNumber(version) >= 7;
}
