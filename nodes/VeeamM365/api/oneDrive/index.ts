export * from './oneDrives';
export * from './documents';
export type { DocumentSelection, OneDriveTarget } from './oneDriveRequests';
