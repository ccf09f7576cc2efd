export interface SummaryFile {
	name: string;
	sizeBytes?: number;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Sizes as n8n shows them for binary data (decimal units, three significant digits, e.g.
 * "183 kB"), so the summary and n8n's file panel agree. n8n uses the pretty-bytes package, which
 * a verified node may not depend on, hence this small copy of the convention.
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1) return `${bytes} B`;
	const exponent = Math.min(Math.floor(Math.log10(bytes) / 3), UNITS.length - 1);
	const value = Number((bytes / 1000 ** exponent).toPrecision(3));
	return `${value} ${UNITS[exponent]}`;
}

/** One sentence a ticket comment can carry: what was restored, how big, from which backup. */
export function restoreSummary(
	verb: 'Restored' | 'Sent',
	files: SummaryFile[],
	context: { restoreSessionId: string; pointInTime?: string; to?: string },
): string {
	const sizes = files.map((file) => file.sizeBytes);
	const known = sizes.every((size): size is number => typeof size === 'number');
	const total = known ? ` (${formatBytes(sizes.reduce((sum, size) => sum + size, 0))})` : '';
	const list = files
		.map((file) =>
			typeof file.sizeBytes === 'number'
				? `${file.name} (${formatBytes(file.sizeBytes)})`
				: file.name,
		)
		.join(', ');
	const when =
		context.pointInTime === undefined
			? ''
			: context.pointInTime === 'latest'
				? ' from the latest backup'
				: ` from the backup as of ${context.pointInTime}`;
	const recipient = context.to ? ` to ${context.to}` : '';
	const count = `${files.length} attachment${files.length === 1 ? '' : 's'}`;
	return `${verb} ${count}${total}${recipient}${when} (restore session ${context.restoreSessionId}): ${list}`;
}
