import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiVersion } from './apiVersion';
import { parseApiVersion } from './apiVersion';
import { normalizeServerUrl, ServerUrlError } from './serverUrl';
import type { FailureContext, RequestFailure } from './failures';
import { LOGIN_THROTTLED_CODE, throttledRepeatDelayMs } from './loginThrottle';
import {
	failureFromResponse,
	failureToError,
	inspectFailure,
	isRetryable,
	retryDelayMs,
} from './failures';

export const CREDENTIAL_TYPE = 'veeamM365Api';

const DEFAULT_RETRIES = 2;

/** How long a request keeps coming back after throttled logins when it has no timeout of its own. */
const DEFAULT_THROTTLED_LOGIN_DEADLINE_MS = 120_000;

export type Context = IExecuteFunctions | ILoadOptionsFunctions;

export interface ApiContext {
	baseUrl: string;
	version: ApiVersion;
}

/**
 * Server URL and API version from the credential. Read again for every request (n8n reads the
 * credential for each request anyway): nothing is kept between calls, so no run can see another
 * run's settings, and a token another execution stored is picked up at once.
 */
export async function getApiContext(this: Context, itemIndex?: number): Promise<ApiContext> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		return {
			baseUrl: normalizeServerUrl(credentials.url),
			version: parseApiVersion(credentials.apiVersion),
		};
	} catch (error) {
		const reason = error instanceof ServerUrlError ? error.message : (error as Error).message;
		throw new NodeOperationError(this.getNode(), `The credential is not usable: ${reason}`, {
			itemIndex,
			description: 'Open the Veeam Backup for Microsoft 365 credential and correct the Server URL',
		});
	}
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path after the version prefix, starting with '/'. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Describes the request in errors, e.g. "list the attachments". */
	action: string;
	itemIndex?: number;
	hints?: FailureContext['hints'];
	/** Extra attempts after a 5xx/429 or a reset connection. Never set it for a send. */
	retries?: number;
	/** Idle timeout of the request, in milliseconds. */
	timeoutMs?: number;
}

export interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/**
 * One request with its full answer, whatever the status: n8n's error for a failed request keeps
 * neither headers (Retry-After) nor a streamed body. A 401 is repeated once in n8n's throwing
 * mode, as that is when n8n logs in again; the refused request did nothing on the server.
 */
async function sendOnce(this: Context, options: IHttpRequestOptions): Promise<FullResponse> {
	const full = { ...options, returnFullResponse: true };
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
		...full,
		ignoreHttpStatusErrors: true,
	})) as FullResponse;
	if (response.statusCode !== 401) return response;
	discardBody(response.body);
	return (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		full,
	)) as FullResponse;
}

/** Lets go of a response body that will not be read (a stream would hold the connection). */
export function discardBody(body: unknown): void {
	const destroy = (body as { destroy?: () => void } | undefined)?.destroy;
	if (typeof destroy === 'function') destroy.call(body);
}

/** Runs a request, retrying what `isRetryable` allows, and turns the final failure into a node error. */
export async function withRetries(
	this: Context,
	api: ApiContext,
	request: ApiRequest,
	options: IHttpRequestOptions,
): Promise<FullResponse> {
	const startedAt = Date.now();
	const deadline = startedAt + (request.timeoutMs ?? DEFAULT_THROTTLED_LOGIN_DEADLINE_MS);
	for (let attempt = 0, repeat = 0; ; ) {
		let failure: RequestFailure;
		try {
			const response = await sendOnce.call(this, options);
			if (response.statusCode < 300) return response;
			failure = await failureFromResponse(response);
		} catch (error) {
			failure = await inspectFailure(error);
		}
		// The login was throttled, so this request never reached the server (safe to repeat, also
		// for a send). Sent again, it reads the credential again: usually another execution has
		// stored a fresh token by then, and no login is needed.
		if (failure.networkCode === LOGIN_THROTTLED_CODE) {
			const delay = throttledRepeatDelayMs(repeat++, Math.random());
			if (Date.now() + delay <= deadline) {
				await sleep(delay);
				continue;
			}
		}
		const retries = request.retries ?? (request.method === 'GET' ? DEFAULT_RETRIES : 0);
		if (attempt < retries && isRetryable(failure)) {
			await sleep(retryDelayMs(attempt, failure));
			attempt++;
			continue;
		}
		throw failureToError(this.getNode(), failure, {
			action: request.action,
			url: api.baseUrl,
			itemIndex: request.itemIndex,
			hints: request.hints,
		});
	}
}

export function buildOptions(api: ApiContext, request: ApiRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${api.baseUrl}/${api.version}${request.path}`,
		headers: { Accept: 'application/json' },
		json: true,
		disableFollowRedirect: true,
	};
	if (request.body !== undefined) options.body = request.body;
	if (request.qs !== undefined) options.qs = request.qs;
	if (request.timeoutMs !== undefined) options.timeout = request.timeoutMs;
	return options;
}

export async function veeamApiRequest(this: Context, request: ApiRequest): Promise<unknown> {
	const api = await getApiContext.call(this, request.itemIndex);
	const response = await withRetries.call(this, api, request, buildOptions(api, request));
	return response.body;
}
