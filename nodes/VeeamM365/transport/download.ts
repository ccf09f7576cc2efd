import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ApiRequest } from './request';
import { buildOptions, getApiContext, withRetries } from './request';

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
