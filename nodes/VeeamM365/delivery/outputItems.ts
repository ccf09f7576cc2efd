import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ExpectedFile } from './expectedFile';
import type { DeliveredFile } from './storeFiles';

/** "One item per file" or "all files on one item" (binary fields data_0, data_1, …). */
export type FileOutputMode = 'perFile' | 'oneItem';

export interface OutputJson<T extends ExpectedFile> {
	/** The JSON of the item that carries one file (all files given for a summary). */
	perFile: (delivered: DeliveredFile<T>, all: Array<DeliveredFile<T>>) => IDataObject;
	/** The JSON of the one item that carries every file, given each file with its binary field. */
	oneItem: (files: Array<DeliveredFile<T> & { binaryPropertyName: string }>) => IDataObject;
}

export function toOutputItems<T extends ExpectedFile>(
	files: Array<DeliveredFile<T>>,
	mode: FileOutputMode,
	binaryPropertyName: string,
	json: OutputJson<T>,
): INodeExecutionData[] {
	if (mode === 'perFile') {
		return files.map((delivered) => ({
			json: json.perFile(delivered, files),
			binary: { [binaryPropertyName]: delivered.binary },
		}));
	}
	const binary: Record<string, IBinaryData> = {};
	const named = files.map((delivered, index) => {
		const field = `${binaryPropertyName}_${index}`;
		binary[field] = delivered.binary;
		return { ...delivered, binaryPropertyName: field };
	});
	return [{ json: json.oneItem(named), binary }];
}
