import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RestoreSessionType } from '../api/restoreSessions';
import {
	getRestoreSessionOrganization,
	isRunningSessionOf,
	listRestoreSessions,
	startRestoreSession,
} from '../api/restoreSessions';
import { readExploreOptions } from './exploreOptions';
import { locatorId, readParameter } from './locators';
import type { SessionInUse } from './sessionScope';

/** How many running sessions are asked for their organization before one is started. */
const MAX_CANDIDATES = 5;

const newestFirst = (a: IDataObject, b: IDataObject) =>
	String(b.creationTime ?? '').localeCompare(String(a.creationTime ?? ''));

/**
 * The session the editor's pick-lists browse in. With a chosen session, that one. In
 * start-and-stop mode, a running session of the organization (opening a backup takes seconds to
 * minutes on a real server, so a dropdown must not open one each time): the newest one running,
 * else one started now and left for the next dropdowns, which VB365 stops once it is idle.
 * Executions never use it: they always start and stop their own.
 */
export async function browsingSession(
	this: ILoadOptionsFunctions,
	type: RestoreSessionType = 'Vesp',
): Promise<SessionInUse> {
	const mode = readParameter(this, 'restoreSessionMode', undefined, 'existing');
	if (mode !== 'startAndStop') return { id: locatorId.call(this, 'restoreSessionId') };
	const organizationId = locatorId.call(this, 'organizationId');
	const running = (await listRestoreSessions.call(this))
		// Restore Portal sessions (scopeName set) only show one user's data.
		.filter((session) => isRunningSessionOf(session, type) && !session.scopeName)
		.sort(newestFirst)
		.slice(0, MAX_CANDIDATES);
	for (const session of running) {
		const organization = await getRestoreSessionOrganization
			.call(this, String(session.id))
			.catch(() => undefined);
		if (String(organization?.id ?? '').toLowerCase() === organizationId.toLowerCase()) {
			return { id: String(session.id), organizationId };
		}
	}
	const started = await startRestoreSession.call(
		this,
		organizationId,
		readExploreOptions.call(this),
		undefined,
		type,
	);
	return { id: String(started.id), organizationId };
}
