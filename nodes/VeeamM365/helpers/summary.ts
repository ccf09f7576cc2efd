export interface SummaryFile {
	name: string;
	sizeBytes?: number;
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(1)} ${units[unit]}`;
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
