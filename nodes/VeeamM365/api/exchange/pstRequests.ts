import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';
import type { MailboxTarget } from './mailboxRequests';
import { mailboxPath } from './mailboxRequests';

/** What goes into the PST: chosen items, one folder, or the whole mailbox. */
export type PstScope =
	| { kind: 'items'; itemIds: string[] }
	| { kind: 'folder'; folderId: string }
	| { kind: 'mailbox' };

/** VB365 takes PST size limits from 1 GB to 49 GB. */
export const PST_LIMIT_GB = { min: 1, max: 49 } as const;

function limitFields(limitGb: number): IDataObject {
	if (limitGb <= 0) return { enablePstSizeLimit: false };
	return { enablePstSizeLimit: true, pstSizeLimitBytes: Math.round(limitGb * 1024 ** 3) };
}

const ids = (itemIds: string[]): IDataObject[] => itemIds.map((id) => ({ id }));

/**
 * v6+: `Items/{id}/exportToPst`, `Items/exportToPst` `{items, …}`, `Folders/{id}/exportToPst` and
 * `{mailbox}/exportToPst`, each with `enablePstSizeLimit`/`pstSizeLimitBytes`. v2–v5: the same
 * levels' `…/Action` with `{"exporttoPst": …}` (null for one item without a limit), as Veeam's
 * v2–v5 pages show.
 */
export function buildPstRequest(
	version: ApiVersion,
	target: MailboxTarget,
	scope: PstScope,
	limitGb: number,
): ApiPath {
	const mailbox = mailboxPath(target);
	const limits = limitFields(limitGb);
	const where =
		scope.kind === 'items'
			? scope.itemIds.length === 1
				? `${mailbox}/Items/${scope.itemIds[0]}`
				: `${mailbox}/Items`
			: scope.kind === 'folder'
				? `${mailbox}/Folders/${scope.folderId}`
				: mailbox;
	const severalItems = scope.kind === 'items' && scope.itemIds.length > 1;
	const body: IDataObject = severalItems
		? { items: ids((scope as { itemIds: string[] }).itemIds), ...limits }
		: limits;
	if (usesActionEndpoints(version)) {
		const oneItemNoLimit = scope.kind === 'items' && !severalItems && limitGb <= 0;
		return { path: `${where}/Action`, body: { exporttoPst: oneItemNoLimit ? null : body } };
	}
	return { path: `${where}/exportToPst`, body };
}
