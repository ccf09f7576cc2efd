import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RestoreSessionType } from '../api/restoreSessions';
import { startRestoreSession, stopRestoreSession } from '../api/restoreSessions';
import { readExploreOptions } from './exploreOptions';
import { locatorId } from './locators';

export interface SessionInUse {
	id: string;
	/** "latest" or the ISO time, for sessions this execution started. */
	pointInTime?: string;
	/** For sessions this execution started. */
	organizationId?: string;
}

/**
 * Restore sessions of one execution. In "start and stop" mode the first item that needs a session
 * starts it (one per Veeam Explorer, organization and point in time) and `stopAll` ends them
 * after the last item. It lives as long as one node run: nothing is kept between executions.
 */
export class RestoreSessionScope {
	private readonly started = new Map<string, Promise<IDataObject>>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	async sessionFor(itemIndex: number, type: RestoreSessionType = 'Vesp'): Promise<SessionInUse> {
		const mode = this.ctx.getNodeParameter('restoreSessionMode', itemIndex, 'existing') as string;
		if (mode !== 'startAndStop') {
			return { id: locatorId.call(this.ctx, 'restoreSessionId', itemIndex) };
		}
		const organizationId = locatorId.call(this.ctx, 'organizationId', itemIndex);
		const options = readExploreOptions.call(this.ctx, itemIndex);
		const key = JSON.stringify([
			type,
			organizationId,
			options.pointInTime?.toISOString(),
			options.showDeleted,
			options.showAllVersions,
		]);
		let session = this.started.get(key);
		if (!session) {
			session = startRestoreSession.call(this.ctx, organizationId, options, itemIndex, type);
			this.started.set(key, session);
		}
		const { id } = await session;
		return {
			id: id as string,
			pointInTime: options.pointInTime?.toISOString() ?? 'latest',
			organizationId,
		};
	}

	/** Stops every session this execution started; returns the IDs it could not stop. */
	async stopAll(): Promise<string[]> {
		const failed: string[] = [];
		for (const pending of this.started.values()) {
			const session = await pending.catch(() => undefined);
			if (!session) continue;
			try {
				await stopRestoreSession.call(this.ctx, session.id as string);
			} catch {
				failed.push(session.id as string);
			}
		}
		this.started.clear();
		return failed;
	}
}
