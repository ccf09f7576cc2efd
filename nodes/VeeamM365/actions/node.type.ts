export type VeeamM365Type = {
	emailSettings: 'get' | 'sendTest';
	restoreSession: 'get' | 'getAll' | 'start' | 'stop';
	sharePointItem: 'search';
	sharePointItemAttachment: 'getAll' | 'save' | 'send';
	sharePointSite: 'getAll';
};
