import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiVersion } from '../helpers/apiVersion';
import { parseApiVersion } from '../helpers/apiVersion';
import { normalizeServerUrl, ServerUrlError } from '../helpers/serverUrl';
import type { FailureContext, RequestFailure } from './errors';
import {
	failureFromResponse,
	failureToError,
	inspectFailure,
	isRetryable,
	retryDelayMs,
} from './errors';

export const CREDENTIAL_TYPE = 'veeamM365Api';

const DEFAULT_RETRIES = 2;

/** Page size used when walking a paged collection; the API allows up to 10000. */
const PAGE_SIZE = 1000;

type Context = IExecuteFunctions | ILoadOptionsFunctions;

export interface ApiContext {
	baseUrl: string;
	version: ApiVersion;
}

/**
 * Server URL and API version per node run: reading the credential means a database read in n8n,
 * and every request reads it once more for the token anyway.
 */
const knownApiContexts = new WeakMap<Context, ApiContext>();

export async function getApiContext(this: Context, itemIndex?: number): Promise<ApiContext> {
	const known = knownApiContexts.get(this);
	if (known) return known;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		const api = {
			baseUrl: normalizeServerUrl(credentials.url),
			version: parseApiVersion(credentials.apiVersion),
		};
		knownApiContexts.set(this, api);
		return api;
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

interface FullResponse {
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

function discardBody(body: unknown): void {
	const destroy = (body as { destroy?: () => void } | undefined)?.destroy;
	if (typeof destroy === 'function') destroy.call(body);
}

/** Runs a request, retrying what `isRetryable` allows, and turns the final failure into a node error. */
async function withRetries(
	this: Context,
	api: ApiContext,
	request: ApiRequest,
	options: IHttpRequestOptions,
): Promise<FullResponse> {
	for (let attempt = 0; ; attempt++) {
		let failure: RequestFailure;
		try {
			const response = await sendOnce.call(this, options);
			if (response.statusCode < 300) return response;
			failure = await failureFromResponse(response);
		} catch (error) {
			failure = await inspectFailure(error);
		}
		const retries = request.retries ?? (request.method === 'GET' ? DEFAULT_RETRIES : 0);
		if (attempt < retries && isRetryable(failure)) {
			await sleep(retryDelayMs(attempt, failure));
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

function buildOptions(api: ApiContext, request: ApiRequest): IHttpRequestOptions {
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

export interface StreamedResponse {
	body: AsyncIterable<Buffer> & object;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/** POSTs an action whose answer is a file and returns the unread response stream. */
export async function veeamApiDownload(
	this: IExecuteFunctions,
	request: ApiRequest,
): Promise<StreamedResponse> {
	const api = await getApiContext.call(this, request.itemIndex);
	const options: IHttpRequestOptions = {
		...buildOptions(api, request),
		headers: { Accept: 'application/octet-stream, application/json' },
		encoding: 'stream',
		returnFullResponse: true,
	};
	const response = (await withRetries.call(this, api, request, options)) as StreamedResponse;
	if (request.timeoutMs !== undefined) watchForSilence(response.body, request.timeoutMs);
	return response;
}

interface DownloadStream {
	destroy?: (error?: Error) => void;
	destroyed?: boolean;
	readableEnded?: boolean;
	socket?: { bytesRead?: number } | null;
}

/** A download is checked for silence ten times per timeout, at most once a second. */
const SILENCE_CHECK_MS = 1000;

/**
 * The request timeout ends with the response headers; a body that stops flowing must fail too.
 * Watches the bytes the connection has received (with n8n's sleep; the stream itself is left
 * alone) and destroys the stream (code ETIMEDOUT) when nothing arrives for `timeoutMs`.
 */
function watchForSilence(body: object, timeoutMs: number): void {
	const stream = body as DownloadStream;
	const received = () => stream.socket?.bytesRead;
	if (typeof stream.destroy !== 'function' || received() === undefined) return;
	const step = Math.min(SILENCE_CHECK_MS, Math.max(50, Math.floor(timeoutMs / 10)));
	void (async () => {
		let last = received();
		let lastChange = Date.now();
		while (!stream.destroyed && !stream.readableEnded) {
			await sleep(step);
			const now = received();
			if (now === undefined) return;
			if (now !== last) {
				last = now;
				lastChange = Date.now();
			} else if (
				Date.now() - lastChange >= timeoutMs &&
				!stream.destroyed &&
				!stream.readableEnded
			) {
				const error = new Error(`no data from the server for ${timeoutMs / 1000} s`);
				stream.destroy?.(Object.assign(error, { code: 'ETIMEDOUT' }));
				return;
			}
		}
	})();
}

/**
 * Reads a collection: v2–v5 may answer a bare array, v6+ a page object
 * `{offset, limit, results, _links}`. Stops at `limit` results when given.
 */
export async function veeamApiRequestAllItems(
	this: Context,
	request: Omit<ApiRequest, 'method'> & { method?: IHttpRequestMethods },
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let offset = 0;
	for (;;) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - results.length);
		const response = await veeamApiRequest.call(this, {
			...request,
			method: request.method ?? 'GET',
			qs: { ...request.qs, offset, limit: pageSize },
		});
		if (Array.isArray(response)) {
			results.push(...(response as IDataObject[]));
			break;
		}
		const page = (response ?? {}) as IDataObject;
		const pageResults = Array.isArray(page.results) ? (page.results as IDataObject[]) : [];
		results.push(...pageResults);
		const hasNext = Boolean((page._links as IDataObject | undefined)?.next);
		if (pageResults.length === 0 || (!hasNext && pageResults.length < pageSize)) break;
		if (limit !== undefined && results.length >= limit) break;
		offset += pageResults.length;
	}
	return limit === undefined ? results : results.slice(0, limit);
}

/** One page of a collection, for pick-lists; bare arrays (v2–v7 for some collections) come whole. */
export async function veeamApiRequestPage(
	this: Context,
	request: Omit<ApiRequest, 'method'> & { method?: IHttpRequestMethods },
	offset: number,
	limit: number,
): Promise<{ results: IDataObject[]; hasMore: boolean }> {
	const response = await veeamApiRequest.call(this, {
		...request,
		method: request.method ?? 'GET',
		qs: { ...request.qs, offset, limit },
	});
	if (Array.isArray(response)) return { results: response as IDataObject[], hasMore: false };
	const page = (response ?? {}) as IDataObject;
	const results = Array.isArray(page.results) ? (page.results as IDataObject[]) : [];
	const hasNext = Boolean((page._links as IDataObject | undefined)?.next);
	return { results, hasMore: hasNext || results.length >= limit };
}
