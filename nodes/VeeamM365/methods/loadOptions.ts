import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAttachments } from '../api/sharePoint';
import { formatBytes } from '../helpers/summary';
import { browsingSession } from '../restore/browsingSession';
import { resolveItemTarget } from '../restore/sharePointTarget';

/** The chosen item's attachments, in whichever session mode and locator modes are set. */
export async function getAttachments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const target = await resolveItemTarget.call(this, await browsingSession.call(this, 'Vesp'));
	const attachments = await listAttachments.call(this, target, {});
	return attachments.map((attachment) => ({
		name: attachment.name,
		value: attachment.id,
		description:
			attachment.sizeBytes !== undefined ? formatBytes(attachment.sizeBytes) : undefined,
	}));
}
