export * from './attachments';
export * from './navigation';
export * from './documents';
export type { SiteDocumentSelection, SiteDocumentsTarget } from './documentRequests';
