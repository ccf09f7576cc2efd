export * from './attachments';
export * from './navigation';
