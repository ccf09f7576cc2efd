import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeConnectionFailure } from './connectionFailures';
import { LOGIN_THROTTLED_CODE } from './loginThrottle';

const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface RequestFailure {
	statusCode?: number;
	serverMessage?: string;
	errorCode?: string;
	networkCode?: string;
	/** Set when the failure happened before any HTTP response, e.g. a refused login. */
	plainMessage?: string;
	/** Seconds from a Retry-After header. */
	retryAfterSeconds?: number;
	/** Location header of a redirect. */
	location?: string;
}

type Cause = {
	code?: string;
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
};

type Wrapper = {
	cause?: Cause;
	httpCode?: string | null;
	message?: string;
	context?: { data?: unknown };
} & Cause;

/**
 * n8n wraps request failures in NodeApiError, which keeps neither the axios error nor its
 * headers: the status or network code is left in `httpCode`, a JSON error body in `context.data`.
 */
export async function inspectFailure(error: unknown): Promise<RequestFailure> {
	const wrapper = (error ?? {}) as Wrapper;
	const cause: Cause = (wrapper.cause as Cause) ?? wrapper;
	const httpCode = typeof wrapper.httpCode === 'string' ? wrapper.httpCode : undefined;
	const numeric = httpCode !== undefined && /^\d{3}$/.test(httpCode);
	const statusCode = cause.response?.status ?? (numeric ? Number(httpCode) : undefined);
	let networkCode = cause.code ?? (numeric ? undefined : httpCode);
	// axios reports a connection cut off in the middle of a body as a bad response.
	if (networkCode === 'ERR_BAD_RESPONSE' && /aborted/i.test(wrapper.message ?? '')) {
		networkCode = 'ECONNRESET';
	}
	const body = await readErrorBody(cause.response?.data ?? wrapper.context?.data);
	const failure: RequestFailure = { statusCode, networkCode };
	if (typeof body?.message === 'string') failure.serverMessage = body.message;
	if (typeof body?.errorCode === 'string') failure.errorCode = body.errorCode;
	const retryAfter = retryAfterSeconds(cause.response?.headers?.['retry-after']);
	if (retryAfter !== undefined) failure.retryAfterSeconds = retryAfter;
	const throttledLogin = failure.networkCode === LOGIN_THROTTLED_CODE;
	if (statusCode === undefined && (!failure.networkCode || throttledLogin) && wrapper.message) {
		failure.plainMessage = wrapper.message;
	}
	return failure;
}

/** A response with an error status, read in full (status, Retry-After, body). */
export async function failureFromResponse(response: {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}): Promise<RequestFailure> {
	const body = await readErrorBody(response.body);
	const failure: RequestFailure = { statusCode: response.statusCode };
	if (typeof body?.message === 'string') failure.serverMessage = body.message;
	if (typeof body?.errorCode === 'string') failure.errorCode = body.errorCode;
	const retryAfter = retryAfterSeconds(response.headers['retry-after']);
	if (retryAfter !== undefined) failure.retryAfterSeconds = retryAfter;
	const location = response.headers.location;
	if (typeof location === 'string') failure.location = location;
	return failure;
}

function retryAfterSeconds(header: unknown): number | undefined {
	if (header === undefined || header === null || header === '') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds;
	const date = Date.parse(String(header));
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function readErrorBody(data: unknown): Promise<IDataObject | undefined> {
	if (data === undefined || data === null) return undefined;
	if (typeof data === 'object' && !isAsyncIterable(data) && !(data instanceof Uint8Array)) {
		return data as IDataObject;
	}
	let text = '';
	if (typeof data === 'string') text = data;
	else if (data instanceof Uint8Array) text = Buffer.from(data).toString('utf8');
	else text = await readBounded(data as AsyncIterable<Uint8Array>);
	try {
		const parsed = JSON.parse(text);
		return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
	} catch {
		return text ? { message: text.slice(0, 500) } : undefined;
	}
}

async function readBounded(stream: AsyncIterable<Uint8Array>): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			chunks.push(Buffer.from(chunk));
			size += chunk.length;
			if (size >= MAX_ERROR_BODY_BYTES) break;
		}
	} catch {
		// A broken error body still leaves the status code to report.
	}
	return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY_BYTES);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

export interface FailureContext {
	/** What the node was doing, e.g. "save the attachments". */
	action: string;
	/** Url the request went to, for connection failures (no secrets in it). */
	url: string;
	itemIndex?: number;
	/** Overrides the text for a given status code. */
	hints?: Partial<Record<number, string>>;
}

export function failureToError(
	node: INode,
	failure: RequestFailure,
	context: FailureContext,
): NodeApiError {
	const { message, description } = explainFailure(failure, context);
	const payload: JsonObject = { message, description };
	if (failure.statusCode) payload.httpCode = String(failure.statusCode);
	return new NodeApiError(node, payload, {
		message,
		description,
		httpCode: failure.statusCode ? String(failure.statusCode) : undefined,
		itemIndex: context.itemIndex,
	});
}

export function explainFailure(
	failure: RequestFailure,
	context: FailureContext,
): { message: string; description: string } {
	const status = failure.statusCode;
	const server = failure.serverMessage ? ` The server said: ${failure.serverMessage}` : '';
	const hint = status !== undefined ? context.hints?.[status] : undefined;
	if (status === undefined) {
		if (failure.networkCode === 'ECONNABORTED' || failure.networkCode === 'ETIMEDOUT') {
			return {
				message: `Could not ${context.action}: the VB365 server did not answer in time`,
				description:
					'Raise "Timeout (Seconds)" in the node options if the server is just slow, or check its load.',
			};
		}
		if (failure.plainMessage) {
			return {
				message: failure.plainMessage,
				description: `This stopped the node before it could ${context.action}.`,
			};
		}
		return {
			message: `Could not ${context.action}: the VB365 server could not be reached`,
			description: describeConnectionFailure(context.url, { code: failure.networkCode }),
		};
	}
	if (status === 401) {
		return {
			message: `Could not ${context.action}: VB365 refused the credentials (HTTP 401)`,
			description:
				hint ??
				'The token was refused even after logging in again. Check the Username and Password (or the Access Token) in the credential, and that the account may still use the REST API.',
		};
	}
	if (status >= 300 && status < 400) {
		const target = failure.location ? ` to ${failure.location}` : '';
		return {
			message: `Could not ${context.action}: the server answered with a redirect${target} (HTTP ${status})`,
			description:
				'The node does not follow redirects, so the credentials never go to another address. Set the Server URL to the address the VB365 REST API answers on.',
		};
	}
	if (status === 403) {
		return {
			message: `Could not ${context.action}: access denied (HTTP 403)`,
			description: `${hint ?? 'The account lacks the rights for this restore operation in VB365.'}${server}`,
		};
	}
	if (status === 404) {
		return {
			message: `Could not ${context.action}: not found (HTTP 404)`,
			description: `${hint ?? 'Check the IDs, and that the restore session is still running.'}${server}`,
		};
	}
	if (status >= 500) {
		return {
			message: `Could not ${context.action}: the VB365 server failed (HTTP ${status})`,
			description: `${hint ?? 'Try again later; the VB365 logs on the server say more.'}${server}`,
		};
	}
	return {
		message: `Could not ${context.action}: the server refused the request (HTTP ${status})`,
		description: `${hint ?? 'Check the node parameters.'}${server}`,
	};
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

/** Server hiccups worth another try; a 4xx, a timeout or a refused connection is not. */
export function isRetryable(failure: RequestFailure): boolean {
	if (failure.statusCode !== undefined) return RETRYABLE_STATUS.has(failure.statusCode);
	return failure.networkCode !== undefined && RETRYABLE_NETWORK.has(failure.networkCode);
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Exponential backoff (0.5 s, 1 s, 2 s, …), or the server's Retry-After, both capped at 30 s. */
export function retryDelayMs(attempt: number, failure: RequestFailure): number {
	const wanted =
		failure.retryAfterSeconds !== undefined
			? failure.retryAfterSeconds * 1000
			: BASE_DELAY_MS * 2 ** attempt;
	return Math.min(wanted, MAX_DELAY_MS);
}
