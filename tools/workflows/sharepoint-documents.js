'use strict';
// Workflows of the SharePoint Document operations for the e2e lanes: a document saved from its
// link as users copy it (raw bytes), a folder from its encoded address (one item per file with
// its path), and a send to an address.

const { locator, manualTrigger, veeamNode, workflow } = require('./nodes');

const LIBRARY = 'https://contoso.sharepoint.com/sites/Contracts/Legal/Shared%20Documents';

/** The node on the SharePoint Document resource, version 1.1, in its own start-and-stop session. */
function siteDocumentNode(id, name, cred, organizationId, parameters, position, extra = {}) {
	return veeamNode(
		id,
		name,
		cred,
		{
			resource: 'sharePointDocument',
			restoreSessionMode: 'startAndStop',
			organizationId: locator(organizationId),
			siteId: locator('', 'list'),
			...parameters,
		},
		position,
		{ typeVersion: 1.1, ...extra },
	);
}

function siteDocumentWorkflow(cred, organizationId) {
	return workflow('vb365E2eSpdc0001', 'E2E: restore a SharePoint document by its link', [
		manualTrigger('spd-start'),
		siteDocumentNode(
			'spd-save',
			'Save by Link',
			cred,
			organizationId,
			{
				operation: 'save',
				sharePointDocument: locator(
					'https://contoso.sharepoint.com/:w:/r/sites/Contracts/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?d=w1&csf=1&web=1&e=abc',
					'url',
				),
			},
			[220, 0],
		),
		siteDocumentNode(
			'spd-folder',
			'Save Folder',
			cred,
			organizationId,
			{
				operation: 'save',
				saveWhat: 'folder',
				sharePointFolder: locator(`${LIBRARY}/NDA?csf=1&e=x1`, 'url'),
			},
			[440, 0],
			{ executeOnce: true },
		),
		siteDocumentNode(
			'spd-send',
			'Send Library',
			cred,
			organizationId,
			{
				operation: 'send',
				saveWhat: 'library',
				sharePointLibrary: locator(`${LIBRARY}/Forms/AllItems.aspx`, 'url'),
				to: 'requester@contoso.com',
				subject: 'Your library',
			},
			[660, 0],
			{ executeOnce: true },
		),
	]);
}

module.exports = { siteDocumentWorkflow };
