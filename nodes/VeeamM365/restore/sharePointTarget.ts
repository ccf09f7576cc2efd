import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemTarget } from '../api/sharePoint';
import { listLists, listSites, searchListItems } from '../api/sharePoint';
import { itemNumberOf, parseItemUrl, sameSharePointUrl, siteUrlOf } from '../helpers/sharePointUrl';
import type { Context } from '../transport';
import { locatorId, parameterError, readLocator } from './locators';
import { pointInTimeProblem } from './pointInTime';
import type { RestoreSessionScope, SessionInUse } from './sessionScope';

export async function findSiteByUrl(
	this: Context,
	restoreSessionId: string,
	url: string,
	itemIndex?: number,
): Promise<string> {
	const sites = await listSites.call(this, { restoreSessionId, itemIndex });
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

/** The Site parameter; left empty, the site of the Item's URL. */
export async function resolveSiteId(
	this: Context,
	restoreSessionId: string,
	itemIndex?: number,
): Promise<string> {
	const locator = readLocator.call(this, 'siteId', itemIndex);
	const value = String(locator.value ?? '').trim();
	if (value === '') {
		const item = readLocator.call(this, 'itemId', itemIndex);
		const itemUrl = item.mode === 'url' ? parseItemUrl(String(item.value ?? '')) : undefined;
		if (!itemUrl) {
			throw parameterError(
				this,
				'siteId',
				'No site given',
				'Pick the site from the list, or give the Item "By URL": the site is then taken from the item\'s address.',
				itemIndex,
			);
		}
		return await findSiteByUrl.call(this, restoreSessionId, itemUrl.siteUrl, itemIndex);
	}
	if (locator.mode === 'url') {
		if (parseItemUrl(value)) {
			throw parameterError(
				this,
				'siteId',
				`"${value}" is the address of a list item, not of a site`,
				"Put it into Item (By URL) and leave Site empty: the site is taken from the item's address.",
				itemIndex,
			);
		}
		return await findSiteByUrl.call(this, restoreSessionId, value, itemIndex);
	}
	return locatorId.call(this, 'siteId', itemIndex, locator);
}

export async function findListId(
	this: Context,
	restoreSessionId: string,
	siteId: string,
	segmentOrUrl: string,
	itemIndex?: number,
	/** When the list comes from the Item URL, the error must point at the Item and Site. */
	fromItemUrl?: string,
): Promise<string> {
	const lists = await listLists.call(this, { restoreSessionId, itemIndex }, siteId);
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
	if (!list && fromItemUrl !== undefined) {
		throw parameterError(
			this,
			'itemId',
			`The Item URL names the list "${segment}", which the chosen Site does not have`,
			`The item is on the site ${fromItemUrl}: leave Site empty to take it from the Item URL, or choose that site.`,
			itemIndex,
		);
	}
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
		parsed.siteUrl,
	);
	const found = await searchListItems.call(
		this,
		{ restoreSessionId, itemIndex },
		siteId,
		listId,
		`${parsed.itemNumber}_`,
		{ action: 'find the item' },
	);
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

/** The site and item in a session, from the Site and Item parameters (IDs or URLs). */
export async function resolveItemTarget(
	this: Context,
	session: SessionInUse,
	itemIndex?: number,
): Promise<ItemTarget & { pointInTime?: string }> {
	try {
		const siteId = await resolveSiteId.call(this, session.id, itemIndex);
		const locator = readLocator.call(this, 'itemId', itemIndex);
		const itemId =
			locator.mode === 'url'
				? await findItemByUrl.call(this, session.id, siteId, String(locator.value), itemIndex)
				: locatorId.call(this, 'itemId', itemIndex, locator);
		return { restoreSessionId: session.id, siteId, itemId, pointInTime: session.pointInTime };
	} catch (error) {
		throw (await pointInTimeProblem(this, session, itemIndex)) ?? error;
	}
}

/** The session, site and item an attachment operation works on, from the node's parameters. */
export async function getItemTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<ItemTarget & { pointInTime?: string }> {
	const session = await scope.sessionFor(itemIndex, 'Vesp');
	return await resolveItemTarget.call(this, session, itemIndex);
}
