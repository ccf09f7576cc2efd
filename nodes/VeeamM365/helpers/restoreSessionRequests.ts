import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from './apiVersion';
import { usesActionEndpoints } from './apiVersion';

export interface ExploreOptions {
	/** Undefined means the latest restore point. */
	pointInTime?: Date;
	showDeleted: boolean;
	showAllVersions: boolean;
}

export interface ActionRequest {
	path: string;
	body?: IDataObject;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** v1–v5 document `yyyy.MM.dd HH:mm:ss` (UTC) for `datetime`. */
export function formatLegacyDateTime(date: Date): string {
	return `${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * A SharePoint (Vesp) restore session: v2–v5 `Organizations/{id}/Action {"explore": …}`, v6+
 * `Organizations/{id}/explore`. A time after the last backup selects the latest restore point,
 * so "latest" is now for v2–v5 (whose docs always show a datetime) and omitted for v6+.
 */
export function buildExploreRequest(
	version: ApiVersion,
	organizationId: string,
	options: ExploreOptions,
): ActionRequest {
	if (usesActionEndpoints(version)) {
		return {
			path: `/Organizations/${organizationId}/Action`,
			body: {
				explore: {
					datetime: formatLegacyDateTime(options.pointInTime ?? new Date()),
					type: 'vesp',
					showDeleted: options.showDeleted,
					showAllVersions: options.showAllVersions,
				},
			},
		};
	}
	const body: IDataObject = {
		type: 'Vesp',
		showDeleted: options.showDeleted,
		showAllVersions: options.showAllVersions,
	};
	if (options.pointInTime) body.dateTime = options.pointInTime.toISOString();
	return { path: `/Organizations/${organizationId}/explore`, body };
}

export function buildStopRequest(version: ApiVersion, restoreSessionId: string): ActionRequest {
	if (usesActionEndpoints(version)) {
		return { path: `/RestoreSessions/${restoreSessionId}/Action`, body: { stop: null } };
	}
	return { path: `/RestoreSessions/${restoreSessionId}/Stop` };
}
