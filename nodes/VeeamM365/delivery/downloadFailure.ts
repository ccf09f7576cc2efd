import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ZipLimitError } from '../zip';

const LIMIT_OPTIONS: Record<string, string> = {
	maxCompressionRatio: 'Max Compression Ratio',
	maxTotalBytes: 'Max Total Size (MB)',
};

/**
 * The error for a download that failed while it streamed into the binary store. Nothing of it
 * reaches the output: the item fails as a whole.
 */
export function downloadFailure(
	node: INode,
	error: unknown,
	context: { what: string; timeoutMs: number; itemIndex: number },
): NodeOperationError {
	return new NodeOperationError(node, failureMessage(error, context), {
		itemIndex: context.itemIndex,
		description: failureDescription(error),
	});
}

function failureDescription(error: unknown): string {
	if (error instanceof ZipLimitError) {
		const option = LIMIT_OPTIONS[error.limit];
		return option
			? `Nothing from this download was passed on. If you trust this server and the file, raise "${option}" under Options (0 turns the check off).`
			: 'Nothing from this download was passed on. The archive unpacks to more than the sizes VB365 listed for the files, so it was refused.';
	}
	return 'Nothing from this download was passed on. Run the node again: VB365 serves an interrupted save again from its temporary folder. If it keeps failing, check the server and the network in between.';
}

function failureMessage(error: unknown, context: { what: string; timeoutMs: number }): string {
	const text = (error as Error)?.message ?? String(error);
	const code = (error as { code?: string })?.code;
	if (error instanceof ZipLimitError) {
		const option = LIMIT_OPTIONS[error.limit];
		return `The archive from VB365 was refused: ${text}${option ? ` [option "${option}"]` : ''}`;
	}
	if (code === 'ETIMEDOUT') {
		return `The download from VB365 stopped: no data for ${context.timeoutMs / 1000} s, the "Timeout (Seconds)" option`;
	}
	if (
		code === 'ECONNRESET' ||
		code === 'ERR_STREAM_PREMATURE_CLOSE' ||
		/aborted|socket hang up/i.test(text)
	) {
		return 'The download from VB365 was interrupted before it was complete';
	}
	return `The ${context.what} could not be restored: ${text}`;
}
