'use strict';
// The e2e cases of each VB365 service beyond SharePoint attachments: the workflows a lane
// imports and the cases it runs. A new service adds its module here.

const { mailWorkflows, runMailCases } = require('./mail-cases');
const { oneDriveWorkflows, runOneDriveCases } = require('./onedrive-cases');
const { siteDocumentWorkflows, runSiteDocumentCases } = require('./sharepoint-document-cases');
const { teamsWorkflows, runTeamsCases } = require('./teams-cases');

module.exports = [
	{ workflows: mailWorkflows, run: runMailCases },
	{ workflows: oneDriveWorkflows, run: runOneDriveCases },
	{ workflows: siteDocumentWorkflows, run: runSiteDocumentCases },
	{ workflows: teamsWorkflows, run: runTeamsCases },
];
