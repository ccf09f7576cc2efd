/**
 * VB365 v6+ limits logins on /token (by default 1 per second, 5 per minute, 1500 per hour) and
 * answers HTTP 429 beyond that. A login waits for the server's Retry-After (or a growing backoff
 * without it) as long as the waits fit in LOGIN_WAIT_BUDGET_MS, then gives up with
 * LoginThrottledError so the request can be repeated: by then another execution has usually
 * stored a fresh token in the credential, and the repeat needs no login at all.
 */
export const LOGIN_WAIT_BUDGET_MS = 20_000;

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 8000;

/**
 * n8n wraps what preAuthentication throws in a NodeApiError that keeps only the message and an
 * `httpCode`; this code is how the transport tells "the login was throttled" from other failures.
 */
export const LOGIN_THROTTLED_CODE = 'VB365_LOGIN_THROTTLED';

export class LoginThrottledError extends Error {
	readonly httpCode = LOGIN_THROTTLED_CODE;

	constructor(
		message: string,
		readonly retryAfterSeconds: number | undefined,
	) {
		super(message);
		this.name = 'LoginThrottledError';
	}
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	if (/^\d+$/.test(text.trim())) return Number(text.trim());
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The wait before login attempt `attempt + 1`: the server's Retry-After, else 1 s, 2 s, 4 s, 8 s. */
export function loginRetryDelayMs(attempt: number, retryAfterSeconds: number | undefined): number {
	if (retryAfterSeconds !== undefined) return Math.max(retryAfterSeconds * 1000, 250);
	return Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
}

export function describeThrottledLogin(
	waitedMs: number,
	retryAfterSeconds: number | undefined,
	serverMessage: unknown,
): string {
	const server =
		typeof serverMessage === 'string' && serverMessage !== '' ? ` (${serverMessage})` : '';
	const next =
		retryAfterSeconds !== undefined ? ` The server asks to wait ${retryAfterSeconds} s.` : '';
	return `VB365 login refused: too many logins on the token endpoint (HTTP 429)${server}. Waited ${Math.round(waitedMs / 1000)} s.${next} Run fewer executions at once, or raise the token limits of the VB365 REST API (EndpointTokensPerSecond, ...PerMinute, ...PerHour)`;
}

const REPEAT_FIRST_MS = 1000;
const REPEAT_MAX_MS = 8000;

/**
 * The wait before a request whose login was throttled is sent again (1 s, 2 s, 4 s, then 8 s,
 * each with up to 50 % jitter so waiting executions do not all come back in the same second).
 */
export function throttledRepeatDelayMs(repeat: number, random: number): number {
	const base = Math.min(REPEAT_FIRST_MS * 2 ** repeat, REPEAT_MAX_MS);
	return Math.round(base * (1 + random / 2));
}
