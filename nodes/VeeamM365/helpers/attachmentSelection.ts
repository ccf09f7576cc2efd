import type { IDataObject } from 'n8n-workflow';

export interface AttachmentInfo {
	id: string;
	name: string;
	sizeBytes?: number;
	url?: string;
}

export type SelectionMode = 'all' | 'byId' | 'byName';

export interface Selection {
	mode: SelectionMode;
	values: string[];
}

export interface SelectionResult {
	selected: AttachmentInfo[];
	/** Requested IDs or names that the item does not have. */
	missing: string[];
}

const fallbackName = (id: string) => `attachment-${id.slice(-12)}`;

/** False when the server listed no name and `name` is a stand-in made from the ID. */
export function hasServerName(attachment: AttachmentInfo): boolean {
	return attachment.name !== fallbackName(attachment.id);
}

/** v2 calls the size `size`; v3+ `sizeBytes`. A server may also answer null where a value is promised. */
export function toAttachmentInfo(raw: IDataObject): AttachmentInfo {
	const id = String(raw.id ?? '');
	const size = raw.sizeBytes ?? raw.size;
	const info: AttachmentInfo = {
		id,
		name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : fallbackName(id),
	};
	if (typeof size === 'number' && Number.isFinite(size)) info.sizeBytes = size;
	if (typeof raw.url === 'string') info.url = raw.url;
	return info;
}

/** Accepts an array, or a string of values separated by commas or new lines. */
export function parseList(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((entry) => String(entry ?? ''))
		: String(value ?? '').split(/[,\n]/);
	return parts.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

export function selectAttachments(
	attachments: AttachmentInfo[],
	selection: Selection,
): SelectionResult {
	if (selection.mode === 'all') {
		return { selected: attachments, missing: [] };
	}
	const byId = selection.mode === 'byId';
	const key = (text: string) => text.toLowerCase();
	const index = new Map(
		attachments.map((attachment) => [key(byId ? attachment.id : attachment.name), attachment]),
	);
	const selected: AttachmentInfo[] = [];
	const missing: string[] = [];
	for (const wanted of selection.values) {
		const match = index.get(key(wanted));
		if (!match) missing.push(wanted);
		else if (!selected.includes(match)) selected.push(match);
	}
	return { selected, missing };
}
