import type { NodeOperationError } from 'n8n-workflow';

import { getOrganization } from '../api/organizations';
import type { Context } from '../transport';
import { parameterError } from './locators';
import type { SessionInUse } from './sessionScope';

/**
 * A session opened before the organization's first backup is empty, so every lookup in it fails
 * as "not found". When that is why, the error must blame the Point in Time, not the site or item.
 * Asked only after a lookup failed, so a normal run costs no request.
 */
export async function pointInTimeProblem(
	ctx: Context,
	session: SessionInUse,
	itemIndex?: number,
): Promise<NodeOperationError | undefined> {
	if (!session.organizationId || !session.pointInTime || session.pointInTime === 'latest') {
		return undefined;
	}
	const organization = await getOrganization
		.call(ctx, session.organizationId, itemIndex)
		.catch(() => undefined);
	const firstBackup = Date.parse(String(organization?.firstBackuptime ?? ''));
	if (Number.isNaN(firstBackup) || Date.parse(session.pointInTime) >= firstBackup) return undefined;
	return parameterError(
		ctx,
		'pointInTime',
		`${session.pointInTime} is before the first backup of the organization (${new Date(firstBackup).toISOString()}), so the restore session is empty`,
		'Choose a Point in Time after the first backup, or leave it empty for the latest backup.',
		itemIndex,
	);
}
