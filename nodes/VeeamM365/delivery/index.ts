import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { StreamedResponse } from '../transport';
import { discardBody } from '../transport';
import { downloadFailure } from './downloadFailure';
import type { ExpectedFile } from './expectedFile';
import type { FileOutputMode, OutputJson } from './outputItems';
import { toOutputItems } from './outputItems';
import type { FilePlan } from './storeFiles';
import { storeArchive, storeFiles } from './storeFiles';

export type { ExpectedFile } from './expectedFile';
export type { DeliveredFile } from './storeFiles';
export { assertFitsBinaryStore } from './binaryStoreLimit';
export { archiveLimits, unlistedArchiveLimits } from './listedSizeLimits';
export { splitEntryPath } from './entryPath';

/** The files one by one, all on one item, or the server's archive as it came. */
export type DeliveryOutput = FileOutputMode | 'archive';

export interface Delivery<T extends ExpectedFile> extends FilePlan<T> {
	output: DeliveryOutput;
	binaryPropertyName: string;
	json: OutputJson<T> & { archive: (binary: IBinaryData) => IDataObject };
	/** Name of the archive when the server suggests none. */
	archiveName: string;
	/** What is restored, for errors, e.g. "attachments". */
	what: string;
	timeoutMs: number;
	itemIndex: number;
}

/**
 * The one path from a VB365 download to n8n items: a raw file or a ZIP, verified and limited as it
 * streams into the binary store (`ctx` is passed, not bound, to keep the file type generic). Any failure fails the item whole and releases the connection.
 */
export async function deliverDownload<T extends ExpectedFile>(
	ctx: IExecuteFunctions,
	response: StreamedResponse,
	delivery: Delivery<T>,
): Promise<INodeExecutionData[]> {
	try {
		if (delivery.output === 'archive') {
			const binary = await storeArchive.call(ctx, response, delivery.limits, delivery.archiveName);
			return [
				{ json: delivery.json.archive(binary), binary: { [delivery.binaryPropertyName]: binary } },
			];
		}
		const files = await storeFiles(ctx, response, delivery);
		return toOutputItems(files, delivery.output, delivery.binaryPropertyName, delivery.json);
	} catch (error) {
		discardBody(response.body);
		throw downloadFailure(ctx.getNode(), error, delivery);
	}
}
