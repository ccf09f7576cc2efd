import type { ExploreOptions } from '../api/restoreSessions';
import type { Context } from '../transport';
import { parameterError, readParameter } from './locators';

/** Point in time and what a new restore session shows, from the node's parameters. */
export function readExploreOptions(this: Context, itemIndex?: number): ExploreOptions {
	const get = (name: string, fallback: unknown) => readParameter(this, name, itemIndex, fallback);
	const raw = get('pointInTime', '');
	let pointInTime: Date | undefined;
	if (raw !== '' && raw !== null && raw !== undefined) {
		pointInTime = new Date(raw as string);
		if (Number.isNaN(pointInTime.getTime())) {
			throw parameterError(
				this,
				'pointInTime',
				`"${String(raw)}" is not a date and time`,
				'Use an ISO date such as 2024-05-03T18:00:00Z, or leave it empty for the latest backup.',
				itemIndex,
			);
		}
	}
	return {
		pointInTime,
		showDeleted: Boolean(get('showDeleted', true)),
		showAllVersions: Boolean(get('showAllVersions', false)),
	};
}
