export type VeeamM365Type = {
	emailSettings: 'get' | 'sendTest';
	mailboxItem: 'exportToPst' | 'getAll' | 'saveAsMsg' | 'search' | 'sendToAddress' | 'sendToOwner';
	oneDriveDocument: 'getAll' | 'save' | 'search' | 'send';
	restoreSession: 'get' | 'getAll' | 'start' | 'stop';
	sharePointDocument: 'getAll' | 'save' | 'search' | 'send';
	sharePointItem: 'search';
	sharePointItemAttachment: 'getAll' | 'save' | 'send';
	sharePointSite: 'getAll';
	teamsFile: 'getAll' | 'save' | 'search' | 'send';
};
