export type VeeamM365Type = {
	sharePointItemAttachment: 'getAll' | 'save' | 'send';
};
