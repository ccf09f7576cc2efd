import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemTarget } from '../helpers/attachmentRequests';
import { assertVeeamId, ID_GUIDS, InvalidIdError } from '../helpers/ids';
import type { ExploreOptions } from '../helpers/restoreSessionRequests';
import { buildExploreRequest, buildStopRequest } from '../helpers/restoreSessionRequests';
import { itemNumberOf, parseItemUrl, sameSharePointUrl, siteUrlOf } from '../helpers/sharePointUrl';
import { getApiContext, veeamApiRequest, veeamApiRequestAllItems } from '../transport';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

const LABELS: Record<string, string> = {
	restoreSessionId: 'Session',
	organizationId: 'Organization',
	siteId: 'Site',
	listId: 'List',
	itemId: 'Item',
	pointInTime: 'Point in Time',
};

const GUIDS: Record<string, number> = {
	restoreSessionId: ID_GUIDS.restoreSession,
	organizationId: 1,
	siteId: ID_GUIDS.site,
	listId: 1,
	itemId: ID_GUIDS.item,
};

function parameterError(
	ctx: Context,
	name: string,
	message: string,
	description: string,
	itemIndex?: number,
) {
	return new NodeOperationError(ctx.getNode(), `${message} [parameter "${LABELS[name] ?? name}"]`, {
		itemIndex,
		description,
	});
}

export function readLocator(
	this: Context,
	name: string,
	itemIndex?: number,
): INodeParameterResourceLocator {
	const raw =
		itemIndex === undefined
			? (this as ILoadOptionsFunctions).getNodeParameter(name, undefined, { extractValue: false })
			: (this as IExecuteFunctions).getNodeParameter(name, itemIndex, undefined, {
					extractValue: false,
				});
	if (typeof raw === 'object' && raw !== null && 'mode' in raw)
		return raw as INodeParameterResourceLocator;
	return { __rl: true, mode: 'id', value: raw as string };
}

/** The ID in an ID or list-mode locator; URL modes are resolved by the callers that allow them. */
export function locatorId(
	this: Context,
	name: string,
	itemIndex?: number,
	locator: INodeParameterResourceLocator = readLocator.call(this, name, itemIndex),
): string {
	const { value } = locator;
	try {
		return assertVeeamId(value, GUIDS[name], `${LABELS[name]} ID`);
	} catch (error) {
		const reason = error instanceof InvalidIdError ? error.message : String(error);
		throw parameterError(
			this,
			name,
			reason,
			`Pick the ${LABELS[name].toLowerCase()} from the list, or give the ID VB365 returns for it.`,
			itemIndex,
		);
	}
}

export function readExploreOptions(this: Context, itemIndex?: number): ExploreOptions {
	const get = (name: string, fallback: unknown) =>
		itemIndex === undefined
			? (this as ILoadOptionsFunctions).getNodeParameter(name, fallback)
			: (this as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
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

export async function startRestoreSession(
	this: Context,
	organizationId: string,
	options: ExploreOptions,
	itemIndex?: number,
): Promise<IDataObject> {
	const { version } = await getApiContext.call(this, itemIndex);
	const request = buildExploreRequest(version, organizationId, options);
	const session = (await veeamApiRequest.call(this, {
		method: 'POST',
		...request,
		action: 'start a restore session',
		itemIndex,
		retries: 0,
		hints: { 404: 'Check the Organization: VB365 does not know it.' },
	})) as IDataObject;
	if (typeof session?.id !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			'VB365 started a restore session but did not return its ID',
			{
				itemIndex,
			},
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

/**
 * Restore sessions of one execution. In "start and stop" mode the first item that needs a session
 * starts it (one per organization and point in time) and `stopAll` ends them after the last item.
 */
export class RestoreSessionScope {
	private readonly started = new Map<string, Promise<IDataObject>>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	async sessionFor(itemIndex: number): Promise<{ id: string; pointInTime?: string }> {
		const mode = this.ctx.getNodeParameter('restoreSessionMode', itemIndex, 'existing') as string;
		if (mode !== 'startAndStop') {
			return { id: locatorId.call(this.ctx, 'restoreSessionId', itemIndex) };
		}
		const organizationId = locatorId.call(this.ctx, 'organizationId', itemIndex);
		const options = readExploreOptions.call(this.ctx, itemIndex);
		const key = JSON.stringify([
			organizationId,
			options.pointInTime?.toISOString(),
			options.showDeleted,
			options.showAllVersions,
		]);
		let session = this.started.get(key);
		if (!session) {
			session = startRestoreSession.call(this.ctx, organizationId, options, itemIndex);
			this.started.set(key, session);
		}
		const { id } = await session;
		return { id: id as string, pointInTime: options.pointInTime?.toISOString() ?? 'latest' };
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

async function findSiteByUrl(
	this: Context,
	restoreSessionId: string,
	url: string,
	itemIndex?: number,
): Promise<string> {
	const sites = await veeamApiRequestAllItems.call(this, {
		path: `/RestoreSessions/${restoreSessionId}/Organization/Sites`,
		action: 'list the sites',
		itemIndex,
	});
	const wanted = siteUrlOf(url) ?? url;
	const site = sites.find((candidate) => sameSharePointUrl(String(candidate.url ?? ''), wanted));
	if (!site) {
		throw parameterError(
			this,
			'siteId',
			`No site in the backup has the URL ${wanted}`,
			'Check the URL, or pick the site from the list.',
			itemIndex,
		);
	}
	return String(site.id);
}

export async function resolveSiteId(
	this: Context,
	restoreSessionId: string,
	itemIndex?: number,
): Promise<string> {
	const locator = readLocator.call(this, 'siteId', itemIndex);
	if (locator.mode === 'url')
		return await findSiteByUrl.call(this, restoreSessionId, String(locator.value), itemIndex);
	return locatorId.call(this, 'siteId', itemIndex, locator);
}

export async function findListId(
	this: Context,
	restoreSessionId: string,
	siteId: string,
	segmentOrUrl: string,
	itemIndex?: number,
): Promise<string> {
	const lists = await veeamApiRequestAllItems.call(this, {
		path: `/RestoreSessions/${restoreSessionId}/Organization/Sites/${siteId}/Lists`,
		action: 'list the lists of the site',
		itemIndex,
	});
	const segment = decodeURIComponent(
		segmentOrUrl.replace(/\/+$/, '').split('/').pop() ?? '',
	).toLowerCase();
	const list = lists.find(
		(candidate) =>
			sameSharePointUrl(String(candidate.url ?? ''), segmentOrUrl) ||
			String(candidate.url ?? '')
				.replace(/\/+$/, '')
				.toLowerCase()
				.endsWith(`/lists/${segment}`) ||
			String(candidate.name ?? '').toLowerCase() === segment,
	);
	if (!list) {
		throw parameterError(
			this,
			'listId',
			`The site has no list "${segment}"`,
			'Check the URL, or pick the list from the list.',
			itemIndex,
		);
	}
	return String(list.id);
}

export async function resolveListId(
	this: Context,
	restoreSessionId: string,
	siteId: string,
	itemIndex?: number,
): Promise<string> {
	const locator = readLocator.call(this, 'listId', itemIndex);
	if (locator.mode === 'url')
		return await findListId.call(this, restoreSessionId, siteId, String(locator.value), itemIndex);
	return locatorId.call(this, 'listId', itemIndex, locator);
}

async function findItemByUrl(
	this: Context,
	restoreSessionId: string,
	siteId: string,
	url: string,
	itemIndex?: number,
): Promise<string> {
	const parsed = parseItemUrl(url);
	if (!parsed) {
		throw parameterError(
			this,
			'itemId',
			`"${url}" is not the URL of a list item`,
			"Use the item's address as SharePoint shows it, e.g. https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42.",
			itemIndex,
		);
	}
	const listId = await findListId.call(
		this,
		restoreSessionId,
		siteId,
		parsed.listSegment,
		itemIndex,
	);
	const found = await veeamApiRequestAllItems.call(this, {
		method: 'POST',
		path: `/RestoreSessions/${restoreSessionId}/Organization/Sites/${siteId}/Lists/${listId}/search`,
		qs: { itemType: 'Items' },
		body: { query: `${parsed.itemNumber}_` },
		action: 'find the item',
		itemIndex,
	});
	const item = found.find((candidate) => itemNumberOf(candidate.name) === parsed.itemNumber);
	if (!item) {
		throw parameterError(
			this,
			'itemId',
			`List "${parsed.listSegment}" has no item ${parsed.itemNumber} in this backup`,
			'Check the URL and the point in time of the restore session.',
			itemIndex,
		);
	}
	return String(item.id);
}

export async function getItemTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<ItemTarget & { pointInTime?: string }> {
	const session = await scope.sessionFor(itemIndex);
	const siteId = await resolveSiteId.call(this, session.id, itemIndex);
	const locator = readLocator.call(this, 'itemId', itemIndex);
	const itemId =
		locator.mode === 'url'
			? await findItemByUrl.call(this, session.id, siteId, String(locator.value), itemIndex)
			: locatorId.call(this, 'itemId', itemIndex, locator);
	return { restoreSessionId: session.id, siteId, itemId, pointInTime: session.pointInTime };
}
