export type { ApiContext, ApiRequest, Context } from './request';
export { CREDENTIAL_TYPE, discardBody, getApiContext, veeamApiRequest } from './request';
export type { StreamedResponse } from './download';
export { veeamApiDownload } from './download';
export type { CollectionRequest, Page } from './paging';
export { veeamApiRequestAllItems, veeamApiRequestPage, veeamApiSearchAll } from './paging';
export type { ApiVersion } from './apiVersion';
