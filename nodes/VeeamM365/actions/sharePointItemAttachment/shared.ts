import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemTarget } from '../../helpers/attachmentRequests';
import { attachmentsPath } from '../../helpers/attachmentRequests';
import type { AttachmentInfo, SelectionMode } from '../../helpers/attachmentSelection';
import { parseList, selectAttachments, toAttachmentInfo } from '../../helpers/attachmentSelection';
import { veeamApiRequestAllItems } from '../../transport';

export interface RequestSettings {
	retries: number;
	timeoutMs: number;
}

export function getRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const retries = Number(options.retries ?? 2);
	const timeout = Number(options.timeout ?? 300);
	if (!Number.isInteger(retries) || retries < 0 || !(timeout > 0)) {
		throw new NodeOperationError(
			this.getNode(),
			'"Retries on Server Errors" must be a whole number from 0 and "Timeout (Seconds)" a positive number [parameter "Options"]',
			{
				itemIndex,
				description: 'Correct the values under Options, e.g. 2 retries and 300 seconds.',
			},
		);
	}
	return { retries, timeoutMs: Math.round(timeout * 1000) };
}

export function restoreContext(target: ItemTarget & { pointInTime?: string }): IDataObject {
	const context: IDataObject = {
		restoreSessionId: target.restoreSessionId,
		siteId: target.siteId,
		itemId: target.itemId,
	};
	if (target.pointInTime) context.pointInTime = target.pointInTime;
	return context;
}

export async function listAttachments(
	this: IExecuteFunctions,
	target: ItemTarget,
	itemIndex: number,
	limit?: number,
): Promise<AttachmentInfo[]> {
	const raw = await veeamApiRequestAllItems.call(
		this,
		{
			...getRequestSettings.call(this, itemIndex),
			path: attachmentsPath(target),
			action: "list the item's attachments",
			itemIndex,
			hints: {
				404: 'Check the Restore Session, Site and Item: the session may have been stopped, or the item is not in this site.',
			},
		},
		limit,
	);
	return raw.map(toAttachmentInfo);
}

/** Resolves the "Attachments" parameter against what the item has; every request must match. */
export async function getSelectedAttachments(
	this: IExecuteFunctions,
	target: ItemTarget,
	itemIndex: number,
): Promise<{ attachments: AttachmentInfo[]; available: AttachmentInfo[]; allSelected: boolean }> {
	const mode = this.getNodeParameter('attachmentSelection', itemIndex, 'all') as SelectionMode;
	const values =
		mode === 'byId'
			? parseList(this.getNodeParameter('attachmentIds', itemIndex, []))
			: mode === 'byName'
				? parseList(this.getNodeParameter('attachmentNames', itemIndex, []))
				: [];
	const label = mode === 'byId' ? 'Attachment Names or IDs' : 'Attachment File Names';
	if (mode !== 'all' && values.length === 0) {
		throw new NodeOperationError(this.getNode(), `No attachments chosen [parameter "${label}"]`, {
			itemIndex,
			description: 'Choose at least one attachment, or set "Attachments" to "All".',
		});
	}
	const available = await listAttachments.call(this, target, itemIndex);
	if (available.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'The item has no attachments in this restore point',
			{
				itemIndex,
				description:
					'Check that the Item is the one the request is about, or start the restore session at another point in time.',
			},
		);
	}
	const { selected, missing } = selectAttachments(available, { mode, values });
	if (missing.length > 0) {
		const names = available.map((attachment) => attachment.name).join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`The item has no attachment ${missing.map((value) => `"${value}"`).join(', ')} [parameter "${label}"]`,
			{ itemIndex, description: `The item's attachments are: ${names}.` },
		);
	}
	return { attachments: selected, available, allSelected: selected.length === available.length };
}
