export * from './mailboxes';
export * from './mailItems';
export type { MailboxTarget, MailMessage } from './mailboxRequests';
