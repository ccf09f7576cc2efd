import type { IDataObject } from 'n8n-workflow';

import type { AttachmentInfo } from '../../helpers/attachmentSelection';
import type { ApiVersion } from '../../transport/apiVersion';
import { usesActionEndpoints, versionNumber } from '../../transport/apiVersion';
import type { ApiPath } from '../apiPath';

export interface ItemTarget {
	restoreSessionId: string;
	siteId: string;
	itemId: string;
}

export interface MailMessage {
	from?: string;
	to: string;
	subject?: string;
	text?: string;
}

/** Attachment requests always carry a body. */
export type ActionRequest = ApiPath & { body: IDataObject };

export function itemPath(target: ItemTarget): string {
	return `/RestoreSessions/${target.restoreSessionId}/Organization/Sites/${target.siteId}/Items/${target.itemId}`;
}

export function attachmentsPath(target: ItemTarget): string {
	return `${itemPath(target)}/Attachments`;
}

function idList(attachments: AttachmentInfo[]): IDataObject[] {
	return attachments.map((attachment) => ({ id: attachment.id }));
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
 * v2–v5 save through `Attachments/Action {"save": null}`, which always returns every attachment
 * (a selection there is undocumented, so the caller filters the archive); v6+ name the IDs.
 */
export function buildSaveRequest(
	version: ApiVersion,
	target: ItemTarget,
	selected: AttachmentInfo[],
): ActionRequest {
	if (usesActionEndpoints(version)) {
		return { path: `${attachmentsPath(target)}/Action`, body: { save: null } };
	}
	return { path: `${attachmentsPath(target)}/save`, body: { attachments: idList(selected) } };
}

/** v2–v4 can only send every attachment; v5 added `attachments` inside `sendTo`. */
export function canSendSelection(version: ApiVersion): boolean {
	return versionNumber(version) >= 5;
}

export function buildSendRequest(
	version: ApiVersion,
	target: ItemTarget,
	selected: AttachmentInfo[],
	allSelected: boolean,
	message: MailMessage,
): ActionRequest {
	if (!usesActionEndpoints(version)) {
		return {
			path: `${attachmentsPath(target)}/send`,
			body: { attachments: idList(selected), ...messageFields(message) },
		};
	}
	if (allSelected) {
		return { path: `${attachmentsPath(target)}/Action`, body: { sendTo: messageFields(message) } };
	}
	if (!canSendSelection(version)) {
		throw new RangeError(`REST API ${version} can only send all attachments of an item`);
	}
	return {
		path: `${attachmentsPath(target)}/Action`,
		body: { sendTo: { ...messageFields(message), attachments: idList(selected) } },
	};
}
