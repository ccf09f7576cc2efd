import type { IDataObject } from 'n8n-workflow';

import type { Context, Page } from '../transport';
import { getApiContext, veeamApiRequest, veeamApiRequestPage } from '../transport';
import { versionNumber } from '../transport/apiVersion';

/** One page of the organizations VB365 backs up. */
export async function listOrganizationsPage(
	this: Context,
	offset: number,
	limit: number,
): Promise<Page> {
	const { version } = await getApiContext.call(this);
	const qs: IDataObject = versionNumber(version) === 6 ? { extendedView: false } : {};
	return await veeamApiRequestPage.call(
		this,
		{ path: '/Organizations', qs, action: 'list the organizations' },
		offset,
		limit,
	);
}

export async function getOrganization(
	this: Context,
	organizationId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return (await veeamApiRequest.call(this, {
		method: 'GET',
		path: `/Organizations/${organizationId}`,
		action: 'read the organization',
		itemIndex,
	})) as IDataObject;
}
