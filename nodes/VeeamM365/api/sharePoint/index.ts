export * from './attachments';
export * from './navigation';
export * from './documents';
export type {
	SiteDocumentMessage,
	SiteDocumentSelection,
	SiteDocumentsTarget,
} from './documentRequests';
export * from './documentSearch';
