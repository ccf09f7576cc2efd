import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';

/** A mailbox in a running Exchange (Vex) restore session. */
export interface MailboxTarget {
	restoreSessionId: string;
	mailboxId: string;
}

export interface MailMessage {
	from?: string;
	to: string;
	subject?: string;
	text?: string;
}

/** Thrown for what a version has no documented request for; the API functions refuse it. */
export class NeedsNewerApiError extends RangeError {}

export function mailboxesPath(restoreSessionId: string): string {
	return `/RestoreSessions/${restoreSessionId}/Organization/Mailboxes`;
}

export function mailboxPath(target: MailboxTarget): string {
	return `${mailboxesPath(target.restoreSessionId)}/${target.mailboxId}`;
}

const itemsPath = (target: MailboxTarget) => `${mailboxPath(target)}/Items`;
const idList = (itemIds: string[]): IDataObject[] => itemIds.map((id) => ({ id }));

function needsV6(version: ApiVersion, what: string): void {
	if (usesActionEndpoints(version)) {
		throw new NeedsNewerApiError(`${what} needs VB365 REST API v6 or later`);
	}
}

/** The items of a folder: v6 filters with `folderId`, v7+ with `parentId`. */
export function buildItemsRequest(
	version: ApiVersion,
	target: MailboxTarget,
	folderId?: string,
): ApiPath & { qs: IDataObject } {
	needsV6(version, 'Listing mail items');
	const qs: IDataObject = {};
	if (folderId !== undefined) qs[version === 'v6' ? 'folderId' : 'parentId'] = folderId;
	return { path: itemsPath(target), qs };
}

/** v6+ `…/search` in the whole mailbox or in one folder, body `{query}`. */
export function buildSearchRequest(
	version: ApiVersion,
	target: MailboxTarget,
	query: string,
	folderId?: string,
): ApiPath & { body: IDataObject } {
	needsV6(version, 'Searching mail items');
	const where =
		folderId === undefined ? mailboxPath(target) : `${mailboxPath(target)}/Folders/${folderId}`;
	return { path: `${where}/search`, body: { query } };
}

/**
 * Save as MSG. v6+: one item `Items/{id}/save` (no body, the .msg file), several `Items/Save`
 * `{items}` (a ZIP). v2–v5: `Items/{id}/Action {"savetoMsg": null}` and
 * `Items/Action {"savetoMsg": {"items": […]}}`, as Veeam's v2–v5 pages show.
 */
export function buildSaveRequest(
	version: ApiVersion,
	target: MailboxTarget,
	itemIds: string[],
): ApiPath {
	const [only] = itemIds;
	if (usesActionEndpoints(version)) {
		return itemIds.length === 1
			? { path: `${itemsPath(target)}/${only}/Action`, body: { savetoMsg: null } }
			: { path: `${itemsPath(target)}/Action`, body: { savetoMsg: { items: idList(itemIds) } } };
	}
	return itemIds.length === 1
		? { path: `${itemsPath(target)}/${only}/save` }
		: { path: `${itemsPath(target)}/Save`, body: { items: idList(itemIds) } };
}

function messageFields(message: MailMessage): IDataObject {
	const fields: IDataObject = {};
	for (const key of ['from', 'to', 'subject', 'text'] as const) {
		const value = message[key];
		if (value !== undefined && value !== '') fields[key] = value;
	}
	return fields;
}

/**
 * v6+ `sendToDefaultAddress` (to the mailbox owner; no body for one item) or
 * `sendToDifferentAddress` (`{from,to,subject,text}`, plus `items` for several). The v2–v5 keys of
 * these actions are not confirmed by Veeam's docs, so they are refused.
 */
export function buildSendRequest(
	version: ApiVersion,
	target: MailboxTarget,
	itemIds: string[],
	message?: MailMessage,
): ApiPath {
	needsV6(version, 'Sending mail items');
	const action = message === undefined ? 'sendToDefaultAddress' : 'sendToDifferentAddress';
	const fields = message === undefined ? {} : messageFields(message);
	if (itemIds.length === 1) {
		const path = `${itemsPath(target)}/${itemIds[0]}/${action}`;
		return message === undefined ? { path } : { path, body: fields };
	}
	return { path: `${itemsPath(target)}/${action}`, body: { items: idList(itemIds), ...fields } };
}
