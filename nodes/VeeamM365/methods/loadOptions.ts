import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAttachments } from '../api/sharePoint';
import { assertVeeamId, ID_GUIDS } from '../helpers/ids';

function locatorValue(this: ILoadOptionsFunctions, name: string): unknown {
	return this.getNodeParameter(name, undefined, { extractValue: true });
}

export async function getAttachments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = {
		restoreSessionId: assertVeeamId(
			locatorValue.call(this, 'restoreSessionId'),
			ID_GUIDS.restoreSession,
			'Restore Session ID',
		),
		siteId: assertVeeamId(locatorValue.call(this, 'siteId'), ID_GUIDS.site, 'Site ID'),
		itemId: assertVeeamId(locatorValue.call(this, 'itemId'), ID_GUIDS.item, 'Item ID'),
	};
	const attachments = await listAttachments.call(this, target, {});
	return attachments.map((attachment) => ({
		name: attachment.name,
		value: attachment.id,
		description: attachment.sizeBytes !== undefined ? `${attachment.sizeBytes} bytes` : undefined,
	}));
}
