export * from './mailboxes';
export * from './mailItems';
export type { MailboxTarget, MailMessage } from './mailboxRequests';
export type { PstScope } from './pstRequests';
export { PST_LIMIT_GB } from './pstRequests';
