import type { IDataObject } from 'n8n-workflow';

/** Where a VB365 request goes (after the version prefix) and what it carries. */
export interface ApiPath {
	path: string;
	body?: IDataObject;
}
