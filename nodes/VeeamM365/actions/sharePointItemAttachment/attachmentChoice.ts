import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AttachmentChoice, ItemTarget } from '../../api/sharePoint';
import { listAttachments } from '../../api/sharePoint';
import type { SelectionMode } from '../../helpers/attachmentSelection';
import { parseList, selectAttachments } from '../../helpers/attachmentSelection';
import { getRequestSettings } from '../options';

/** Where the restored files came from, for the output. */
export function restoreContext(target: ItemTarget & { pointInTime?: string }): IDataObject {
	const context: IDataObject = {
		restoreSessionId: target.restoreSessionId,
		siteId: target.siteId,
		itemId: target.itemId,
	};
	if (target.pointInTime) context.pointInTime = target.pointInTime;
	return context;
}

/** Resolves the "Attachments" parameter against what the item has; every request must match. */
export async function chooseAttachments(
	this: IExecuteFunctions,
	target: ItemTarget,
	itemIndex: number,
): Promise<AttachmentChoice> {
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
	const available = await listAttachments.call(this, target, {
		...getRequestSettings.call(this, itemIndex),
		itemIndex,
	});
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
	return { selected, available };
}
