import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { isZipSignature, readZipEntries, verifyZipStream } from '../zip';
import type { ZipLimits } from '../zip';
import type { StreamedResponse } from '../transport';
import { parseContentDisposition } from './contentDisposition';
import type { ExpectedFile, UnnamedCheck } from './expectedFile';
import { sanitizeFileName, uniqueFileNames } from './fileName';
import { peekBytes } from './peek';
import { toNodeReadable } from './readable';

export interface DeliveredFile<T extends ExpectedFile> {
	file: T;
	binary: IBinaryData;
}

export interface FilePlan<T extends ExpectedFile> {
	/** The files to pass on, in output order. */
	wanted: T[];
	/** Everything the answer holds, in archive order (a server may return more than was asked). */
	inArchive: T[];
	limits: ZipLimits;
	/** Name for a file whose listing had no usable name. */
	fallbackName: string;
	isUnnamed?: UnnamedCheck<T>;
	/**
	 * Take a bare answer as the one wanted file even though the listing gave no size (VB365 lists
	 * none for a saved mail): it is then held to `limits.maxTotalBytes` instead of an exact size.
	 */
	acceptUnsizedRawFile?: boolean;
	/**
	 * For answers whose number of files is not known beforehand (a PST export split by size):
	 * archive entries beyond the wanted ones become files too, made by this function.
	 */
	extraFile?: (entryName: string) => T;
	/**
	 * The request asked for the bare file (e.g. `asZip: false`), so the answer is taken as that
	 * file without looking for a ZIP signature: a .docx or .xlsx starts with one too.
	 */
	answerIsRaw?: boolean;
}

/**
 * Streams the files of a download into n8n's binary store: the entries of a ZIP as they arrive
 * (entries not wanted are skipped), or a raw file when exactly one file was asked for.
 */
export async function storeFiles<T extends ExpectedFile>(
	ctx: IExecuteFunctions,
	response: StreamedResponse,
	plan: FilePlan<T>,
): Promise<Array<DeliveredFile<T>>> {
	if (plan.answerIsRaw) return [await storeRawFile(ctx, response, response.body, plan)];
	const { head, stream } = await peekBytes(response.body, 4);
	if (!isZipSignature(head)) return [await storeRawFile(ctx, response, stream, plan)];

	const { wanted, inArchive } = plan;
	const isUnnamed = plan.isUnnamed ?? (() => false);
	const key = (name: string) => name.toLowerCase();
	// Several wanted files may share a name (documents from different folders): each name keeps
	// its files in order, and an entry takes the first one not yet delivered.
	const byName = new Map<string, T[]>();
	for (const file of wanted)
		byName.set(key(file.name), [...(byName.get(key(file.name)) ?? []), file]);
	const take = (name: string) => byName.get(key(name))?.[0];
	const taken = (file: T) => {
		const rest = (byName.get(key(file.name)) ?? []).filter((other) => other !== file);
		if (rest.length > 0) byName.set(key(file.name), rest);
		else byName.delete(key(file.name));
	};
	const fileNames = uniqueFileNames(
		wanted.map((file) => sanitizeFileName(file.name, plan.fallbackName)),
	);
	const delivered: Array<DeliveredFile<T>> = [];
	const extras: T[] = [];
	let position = -1;
	for await (const entry of readZipEntries(stream, plan.limits)) {
		if (!entry.isDirectory) position++;
		const baseName = entry.name.split('/').pop() ?? entry.name;
		// Without a name from the listing, the entry's place in the archive says which it is.
		const unnamed =
			inArchive[position] && isUnnamed(inArchive[position]) ? inArchive[position] : undefined;
		let file = take(entry.name) ?? take(baseName) ?? (unnamed && take(unnamed.name));
		if (!file && !entry.isDirectory && plan.extraFile) {
			file = plan.extraFile(entry.name);
			extras.push(file);
		} else if (file) taken(file);
		if (entry.isDirectory || !file) {
			await entry.skip();
			continue;
		}
		const listedName =
			fileNames[wanted.indexOf(file)] ?? sanitizeFileName(file.name, plan.fallbackName);
		const fileName = isUnnamed(file) ? sanitizeFileName(entry.name, listedName) : listedName;
		const binary = await ctx.helpers.prepareBinaryData(
			toNodeReadable(response.body, entry.data),
			fileName,
		);
		delivered.push({ file, binary });
	}
	if (byName.size > 0) {
		const absent = [...byName.values()]
			.flat()
			.map((file) => `"${file.name}"`)
			.join(', ');
		throw new Error(`the archive from the server lacks ${absent}`);
	}
	// Wanted files in their order, extra ones after them in archive order.
	const order = (file: T) =>
		wanted.includes(file) ? wanted.indexOf(file) : wanted.length + extras.indexOf(file);
	delivered.sort((a, b) => order(a.file) - order(b.file));
	return delivered;
}

/**
 * A bare file is only believable as the one file asked for, at its listed size (or, where the
 * plan allows a file without a listed size, within the size limit). A file the listing had no
 * name for takes the name the server suggests in Content-Disposition.
 */
async function storeRawFile<T extends ExpectedFile>(
	ctx: IExecuteFunctions,
	response: StreamedResponse,
	stream: AsyncIterable<Buffer>,
	plan: FilePlan<T>,
): Promise<DeliveredFile<T>> {
	const [file] = plan.wanted;
	const size = file?.sizeBytes;
	if (plan.wanted.length !== 1 || (size === undefined && !plan.acceptUnsizedRawFile)) {
		throw new Error('the server did not answer with a ZIP archive');
	}
	const listedName = sanitizeFileName(file.name, plan.fallbackName);
	let fileName = listedName;
	if (plan.isUnnamed?.(file)) {
		const header = response.headers['content-disposition'];
		const suggested = parseContentDisposition(Array.isArray(header) ? header[0] : header).fileName;
		if (suggested) fileName = sanitizeFileName(suggested, listedName);
	}
	const bytes =
		size === undefined ? atMost(stream, plan.limits.maxTotalBytes) : exactly(stream, size);
	const binary = await ctx.helpers.prepareBinaryData(
		toNodeReadable(response.body, bytes),
		fileName,
	);
	return { file, binary };
}

/** Passes the bytes through and fails once there are more than `limit` (no limit if undefined). */
async function* atMost(
	source: AsyncIterable<Buffer>,
	limit: number | undefined,
): AsyncGenerator<Buffer> {
	let count = 0;
	for await (const chunk of source) {
		count += chunk.length;
		if (limit !== undefined && count > limit) {
			throw new Error(`the file is larger than the limit of ${limit} bytes`);
		}
		yield chunk;
	}
}

/** Passes the bytes through and fails unless there are exactly `size` of them. */
async function* exactly(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
	let count = 0;
	for await (const chunk of source) {
		count += chunk.length;
		if (count > size) break;
		yield chunk;
	}
	if (count !== size) {
		throw new Error(
			`the server did not answer with a ZIP archive, and the answer is not the ${size}-byte file either`,
		);
	}
}

/** Stores the server's archive as it is, after checking every entry as it streams through. */
export async function storeArchive(
	this: IExecuteFunctions,
	response: StreamedResponse,
	limits: ZipLimits,
	fallbackName: string,
): Promise<IBinaryData> {
	const header = response.headers['content-disposition'];
	const suggested = parseContentDisposition(Array.isArray(header) ? header[0] : header).fileName;
	const fileName = sanitizeFileName(suggested ?? '', fallbackName);
	const bytes = toNodeReadable(response.body, verifyZipStream(response.body, limits));
	return await this.helpers.prepareBinaryData(bytes, fileName, 'application/zip');
}
