import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Context, Page } from '../transport';
import {
	getApiContext,
	veeamApiRequest,
	veeamApiRequestAllItems,
	veeamApiRequestPage,
} from '../transport';
import type { ExploreOptions, RestoreSessionType } from './restoreSessionRequests';
import {
	buildExploreRequest,
	buildStopRequest,
	SESSION_TYPE_LABELS,
	supportsSessionType,
} from './restoreSessionRequests';

export type { ExploreOptions, RestoreSessionType } from './restoreSessionRequests';
export { SESSION_TYPE_LABELS } from './restoreSessionRequests';

/** Opens the organization's backup at a point in time; returns the session VB365 created. */
export async function startRestoreSession(
	this: Context,
	organizationId: string,
	options: ExploreOptions,
	itemIndex?: number,
	type: RestoreSessionType = 'Vesp',
): Promise<IDataObject> {
	const { version } = await getApiContext.call(this, itemIndex);
	if (!supportsSessionType(version, type)) {
		throw new NodeOperationError(
			this.getNode(),
			`${SESSION_TYPE_LABELS[type]} restores need VB365 REST API v6 or later; the credential uses ${version}`,
			{ itemIndex, description: 'Set "API Version" in the credential to v6 or later.' },
		);
	}
	const session = (await veeamApiRequest.call(this, {
		method: 'POST',
		...buildExploreRequest(version, organizationId, options, type),
		action: 'start a restore session',
		itemIndex,
		retries: 0,
		hints: { 404: 'Check the Organization: VB365 does not know it.' },
	})) as IDataObject;
	if (typeof session?.id !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			'VB365 started a restore session but did not return its ID',
			{ itemIndex },
		);
	}
	return session;
}

export async function stopRestoreSession(
	this: Context,
	restoreSessionId: string,
	itemIndex?: number,
): Promise<void> {
	const { version } = await getApiContext.call(this, itemIndex);
	await veeamApiRequest.call(this, {
		method: 'POST',
		...buildStopRequest(version, restoreSessionId),
		action: 'stop the restore session',
		itemIndex,
		retries: 2,
	});
}

export async function getRestoreSession(
	this: Context,
	restoreSessionId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		path: `/RestoreSessions/${restoreSessionId}`,
		action: 'get the restore session',
		itemIndex,
	})) as IDataObject;
}

const LIST_SESSIONS = { path: '/RestoreSessions', action: 'list the restore sessions' };

/** A session of this Veeam Explorer that can still be browsed. */
export function isRunningSessionOf(session: IDataObject, type: RestoreSessionType): boolean {
	return (
		String(session.type).toLowerCase() === type.toLowerCase() &&
		String(session.state).toLowerCase() === 'working'
	);
}

export async function listRestoreSessions(
	this: Context,
	itemIndex?: number,
	limit?: number,
): Promise<IDataObject[]> {
	return await veeamApiRequestAllItems.call(this, { ...LIST_SESSIONS, itemIndex }, limit);
}

export async function listRestoreSessionsPage(
	this: Context,
	offset: number,
	limit: number,
): Promise<Page> {
	return await veeamApiRequestPage.call(this, LIST_SESSIONS, offset, limit);
}

/** The organization whose backup a session opened. */
export async function getRestoreSessionOrganization(
	this: Context,
	restoreSessionId: string,
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		path: `/RestoreSessions/${restoreSessionId}/Organization`,
		action: "read the restore session's organization",
	})) as IDataObject;
}
