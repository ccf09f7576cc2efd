const GUID_LENGTH = 36;
const GUID_CHAIN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})+$/i;

export class InvalidIdError extends Error {}

/**
 * VB365 IDs are GUIDs written together: a site is 2, an item 4 (the site's 2 plus 2), an
 * attachment 5. Checking the shape keeps typos and path characters out of request URLs.
 */
export function assertVeeamId(value: unknown, guidCount: number, label: string): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') {
		throw new InvalidIdError(`The ${label} is empty`);
	}
	if (!GUID_CHAIN.test(id) || id.length !== guidCount * GUID_LENGTH) {
		const shown = id.length > 80 ? `${id.slice(0, 77)}...` : id;
		throw new InvalidIdError(
			`The ${label} "${shown}" is not a VB365 ID: expected ${guidCount} GUID${guidCount > 1 ? 's' : ''} written together (${guidCount * GUID_LENGTH} characters)`,
		);
	}
	return id;
}

export const ID_GUIDS = { restoreSession: 1, site: 2, item: 4, attachment: 5 } as const;
