import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../transport/apiVersion';
import { usesActionEndpoints } from '../transport/apiVersion';
import type { ApiPath } from './apiPath';

/** The Veeam Explorer a restore session opens, as v6+ name it. */
export type RestoreSessionType = 'Vesp' | 'Vex' | 'Veod' | 'Vet';

export const SESSION_TYPE_LABELS: Record<RestoreSessionType, string> = {
	Vesp: 'SharePoint',
	Vex: 'Exchange',
	Veod: 'OneDrive',
	Vet: 'Teams',
};

/**
 * The `type` of a v2–v5 `explore` body where Veeam's docs show it (`vex` and `vesp` since v3);
 * the others are refused rather than guessed.
 */
const LEGACY_EXPLORE_TYPES: Partial<Record<RestoreSessionType, string>> = {
	Vesp: 'vesp',
	Vex: 'vex',
};

export interface ExploreOptions {
	/** Undefined means the latest restore point. */
	pointInTime?: Date;
	showDeleted: boolean;
	showAllVersions: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** v1–v5 document `yyyy.MM.dd HH:mm:ss` (UTC) for `datetime`. */
export function formatLegacyDateTime(date: Date): string {
	return `${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** False when the version has no documented way to open this kind of session. */
export function supportsSessionType(version: ApiVersion, type: RestoreSessionType): boolean {
	return !usesActionEndpoints(version) || LEGACY_EXPLORE_TYPES[type] !== undefined;
}

/**
 * v2–v5 `Organizations/{id}/Action {"explore": …}`, v6+ `Organizations/{id}/explore`. A time after
 * the last backup selects the latest restore point, so "latest" is now for v2–v5 (whose docs
 * always show a datetime) and omitted for v6+.
 */
export function buildExploreRequest(
	version: ApiVersion,
	organizationId: string,
	options: ExploreOptions,
	type: RestoreSessionType = 'Vesp',
): ApiPath {
	if (usesActionEndpoints(version)) {
		const legacyType = LEGACY_EXPLORE_TYPES[type];
		if (legacyType === undefined) {
			throw new RangeError(`REST API ${version} has no documented ${type} restore session`);
		}
		return {
			path: `/Organizations/${organizationId}/Action`,
			body: {
				explore: {
					datetime: formatLegacyDateTime(options.pointInTime ?? new Date()),
					type: legacyType,
					showDeleted: options.showDeleted,
					showAllVersions: options.showAllVersions,
				},
			},
		};
	}
	const body: IDataObject = {
		type,
		showDeleted: options.showDeleted,
		showAllVersions: options.showAllVersions,
	};
	if (options.pointInTime) body.dateTime = options.pointInTime.toISOString();
	return { path: `/Organizations/${organizationId}/explore`, body };
}

export function buildStopRequest(version: ApiVersion, restoreSessionId: string): ApiPath {
	if (usesActionEndpoints(version)) {
		return { path: `/RestoreSessions/${restoreSessionId}/Action`, body: { stop: null } };
	}
	return { path: `/RestoreSessions/${restoreSessionId}/Stop` };
}
