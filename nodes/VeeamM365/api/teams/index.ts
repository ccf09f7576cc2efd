export * from './teams';
export * from './teamsFiles';
export type { ChannelTarget, TeamsFileSelection } from './teamsRequests';
