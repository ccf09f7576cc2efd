import type { IDataObject } from 'n8n-workflow';

import type { MailboxTargetInSession } from '../../restore/mailboxTarget';

/** Where the mail came from, for the output and for the next node (e.g. Save as MSG). */
export function mailContext(target: MailboxTargetInSession): IDataObject {
	const context: IDataObject = {
		restoreSessionId: target.restoreSessionId,
		mailboxId: target.mailboxId,
	};
	if (target.mailboxEmail) context.mailboxEmail = target.mailboxEmail;
	if (target.pointInTime) context.pointInTime = target.pointInTime;
	return context;
}

/** A mail item as the API lists it, without its HAL links, plus where it came from. */
export function mailItemJson(item: IDataObject, target: MailboxTargetInSession): IDataObject {
	const { _links: links, _actions: actions, ...fields } = item;
	void links;
	void actions;
	return { ...fields, ...mailContext(target) };
}

/** One sentence for a ticket comment. */
export function mailSummary(
	verb: 'Restored' | 'Sent' | 'Exported',
	/** How many mail items, or for a PST export 'folder' or 'mailbox'. */
	count: number | 'folder' | 'mailbox',
	target: MailboxTargetInSession,
	extra: { to?: string; fileNames?: string[]; toPst?: boolean } = {},
): string {
	const what =
		typeof count === 'number'
			? `${count} mail item${count === 1 ? '' : 's'}`
			: count === 'folder'
				? 'a folder'
				: 'the mailbox';
	const pst = extra.toPst ? ' to PST' : '';
	const mailbox = target.mailboxEmail ? ` of ${target.mailboxEmail}` : '';
	const to = extra.to ? ` to ${extra.to}` : '';
	const when =
		target.pointInTime === undefined
			? ''
			: target.pointInTime === 'latest'
				? ' from the latest backup'
				: ` from the backup as of ${target.pointInTime}`;
	const files = extra.fileNames?.length ? `: ${extra.fileNames.join(', ')}` : '';
	return `${verb} ${what}${mailbox}${pst}${to}${when} (restore session ${target.restoreSessionId})${files}`;
}
