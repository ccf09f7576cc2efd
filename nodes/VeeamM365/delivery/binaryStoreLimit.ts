import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const MIB = 1024 * 1024;

/**
 * n8n's binary data mode, read from the ID n8n gives a stored file (`<mode>:<file id>`; no ID
 * means the in-memory `default` mode of n8n 1.x). A node cannot read n8n's settings, so it
 * stores an empty file and looks. Only called when a listed size exceeds the limit.
 */
async function binaryDataMode(ctx: IExecuteFunctions): Promise<string | undefined> {
	try {
		const probe = await ctx.helpers.prepareBinaryData(Buffer.alloc(0), 'binary-mode-check');
		return typeof probe.id === 'string' ? probe.id.split(':')[0] : 'default';
	} catch {
		return undefined;
	}
}

const mb = (bytes: number) => Math.ceil(bytes / MIB);

/**
 * In `database` binary mode n8n holds each file in memory and refuses one larger than
 * N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (512 MiB unless raised, 1024 MiB at most). With the
 * sizes VB365 lists, a file that would be refused fails here, before any byte is downloaded.
 * `limitMb` is the node's copy of that setting (0 turns the check off).
 */
export async function assertFitsBinaryStore(
	ctx: IExecuteFunctions,
	files: Array<{ name?: string; sizeBytes?: number }>,
	{ limitMb, oneArchive, itemIndex }: { limitMb: number; oneArchive: boolean; itemIndex: number },
): Promise<void> {
	if (!(limitMb > 0)) return;
	const sizes = files.map((file) => (typeof file.sizeBytes === 'number' ? file.sizeBytes : 0));
	const stored = oneArchive
		? [{ name: 'the ZIP archive', sizeBytes: sizes.reduce((sum, size) => sum + size, 0) }]
		: files.map((file, i) => ({ name: `"${file.name ?? 'unnamed'}"`, sizeBytes: sizes[i] }));
	const tooLarge = stored.filter((file) => file.sizeBytes > limitMb * MIB);
	if (tooLarge.length === 0) return;
	if ((await binaryDataMode(ctx)) !== 'database') return;
	const largest = tooLarge.reduce((a, b) => (b.sizeBytes > a.sizeBytes ? b : a));
	throw new NodeOperationError(
		ctx.getNode(),
		`${largest.name} is ${mb(largest.sizeBytes)} MB, over the ${limitMb} MB n8n accepts per file in database binary mode [parameter "Options > Database Mode File Limit (MB)"]`,
		{
			itemIndex,
			description: `This n8n keeps binary data in its database (N8N_DEFAULT_BINARY_DATA_MODE=database, the default in queue mode), where each file is held in memory and files over N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (MB, default 512, at most 1024) are refused, so nothing was downloaded. Either raise N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE on every n8n process (main and workers) and set the same value in this option, select fewer or smaller files${oneArchive ? ' or output one item per file' : ''}, or store binary data elsewhere: S3 mode (needs an n8n Enterprise license) or filesystem mode on a single n8n instance.`,
		},
	);
}
