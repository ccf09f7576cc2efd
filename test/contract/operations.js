'use strict';

// The operations the project uses, by a version-independent name, with the
// operationId each spec version gives them. A version left out means the
// operation does not exist in that version (checked by reduce-spec.js).
const VERSIONS = ['v6', 'v7', 'v8'];

const OPERATIONS = [
	{ name: 'token', v6: 'token', v7: 'token', v8: 'token' },
	{ name: 'logout', v7: 'logout', v8: 'logout' },
	{ name: 'ServiceInstance_Get' },
	{ name: 'Organization_Get' },
	{ name: 'Organization_GetById' },
	{
		name: 'Organization_Explore',
		v6: 'Organization_ExploreAction',
		v7: 'Organization_ExploreAction',
		v8: 'Organization_Explore',
	},
	{
		name: 'RestorePoint_GetRestorePoints',
		v6: 'RestorePoint_GetRestorePoints',
		v7: 'RestorePoint_GetRestorePointsV7',
		v8: 'RestorePoint_GetRestorePoints',
	},
	{ name: 'RestoreSession_GetPage' },
	{ name: 'RestoreSession_GetByRestoreSessionId' },
	{ name: 'RestoreSession_StopAction' },
	{ name: 'RestoreSessionEvent_Get' },
	{ name: 'SharePointSite_Get' },
	{ name: 'SharePointSite_GetById' },
	{ name: 'SharePointList_Get' },
	{ name: 'SharePointList_GetById' },
	{ name: 'SharePointList_SearchListByOptions' },
	{ name: 'SharePointSite_SearchSiteByOptions' },
	{ name: 'SharePointItem_Get' },
	{ name: 'SharePointItem_GetById' },
	{ name: 'SharePointAttachment_Get' },
	{ name: 'SharePointAttachment_GetById' },
	{ name: 'SharePointAttachment_SaveAttachmentsAction' },
	{ name: 'SharePointAttachment_SaveAttachmentAction' },
	{ name: 'SharePointAttachment_SendAttachmentsAction' },
	{ name: 'SharePointAttachment_SendAttachmentAction' },
	{ name: 'ExchangeMailbox_Get' },
	{ name: 'ExchangeMailbox_GetById' },
	{ name: 'ExchangeMailbox_SearchByIdByOptions' },
	{ name: 'ExchangeFolder_Get' },
	{ name: 'ExchangeFolder_GetByFolderId' },
	{ name: 'ExchangeFolder_SearchByOptions' },
	{ name: 'ExchangeItem_Get' },
	{ name: 'ExchangeItem_GetById' },
	{ name: 'ExchangeItem_SaveItemAction' },
	{ name: 'ExchangeItem_SaveItems' },
	{ name: 'ExchangeItem_SendItemToDefaultAddressAction' },
	{ name: 'ExchangeItem_SendItemsToDefaultAddressAction' },
	{ name: 'ExchangeItem_SendItemToDifferentAddressAction' },
	{ name: 'ExchangeItem_SendItemsToDifferentAddressAction' },
	{ name: 'ExchangeItem_ExportItemToPstAction' },
	{ name: 'ExchangeItem_ExportItemsToPstAction' },
	{ name: 'ExchangeFolder_ExportToPstAction' },
	{ name: 'ExchangeMailbox_ExportMailboxToPstAction' },
	{ name: 'OneDrive_Get' },
	{ name: 'OneDrive_GetById' },
	{ name: 'OneDrive_SearchOneDriveByOptions' },
	{ name: 'OneDriveDocument_Get' },
	{ name: 'OneDriveDocument_GetById' },
	{ name: 'OneDriveDocument_GetVersions' },
	{ name: 'OneDriveDocument_GetByIdByVersionId' },
	{ name: 'OneDriveDocument_SaveDocumentAction' },
	{ name: 'OneDriveDocument_SaveDocumentActionByVersionId' },
	{ name: 'OneDriveDocument_SaveDocumentsAction' },
	{ name: 'OneDriveDocument_SendDocumentAction' },
	{ name: 'OneDriveDocument_SendDocumentActionByVersionId' },
	{ name: 'OneDriveDocument_SendDocumentsAction' },
	{ name: 'OneDriveFolder_Get' },
	{ name: 'OneDriveFolder_GetById' },
	{ name: 'OneDriveFolder_SearchOneDriveFolderByOptions' },
	{ name: 'OneDriveFolder_SaveFolderAction' },
	{ name: 'OneDriveFolder_SendFolderAction' },
	{ name: 'OneDriveFolder_SaveFoldersAction' },
	{ name: 'OneDriveFolder_SendFoldersAction' },
	{ name: 'OneDrive_SaveOneDriveAction' },
	{ name: 'OneDrive_SendOneDriveAction' },
	{ name: 'SharePointLibrary_Get' },
	{ name: 'SharePointLibrary_SaveLibraryAction' },
	{ name: 'SharePointFolder_Get' },
	{ name: 'SharePointFolder_SaveFolderAction' },
	{ name: 'SharePointDocument_Get' },
	{ name: 'SharePointDocument_GetById' },
	{ name: 'SharePointDocument_GetByIdByVersionId' },
	{ name: 'SharePointDocument_SaveDocumentAction' },
	{ name: 'SharePointDocument_SaveDocumentActionByVersionId' },
	{ name: 'SharePointDocument_SendDocumentAction' },
	{ name: 'SharePointDocument_SendDocumentActionByVersionId' },
	{ name: 'SharePointFolder_SendFolderAction' },
	{ name: 'SharePointLibrary_SendLibraryAction' },
	{ name: 'SharePointLibrary_SearchLibraryByOptions' },
	{ name: 'SharePointFolder_SearchFolderByOptions' },
	{ name: 'TeamsTeam_Get' },
	{ name: 'TeamsTeam_GetById' },
	{ name: 'TeamsChannel_Get' },
	{ name: 'TeamsChannel_GetByChannelId' },
	{ name: 'TeamsFile_GetPage' },
	{ name: 'TeamsFile_Get' },
	{ name: 'TeamsFile_GetVersions', v7: 'TeamsFile_GetVersions', v8: 'TeamsFile_GetVersions' },
	{ name: 'TeamsFile_Search' },
	{ name: 'TeamsFile_Save' },
	{ name: 'TeamsFile_SaveById' },
	{ name: 'TeamsFile_Send' },
	{ name: 'TeamsFile_SendById' },
	{ name: 'VetEmailSettings_Get' },
	{ name: 'VetEmailSettings_Update' },
	{
		name: 'VetEmailSettings_SendTest',
		v6: 'VetEmailSettings_SendTest',
		v7: 'VetEmailSettings_SendTest',
		v8: 'VetEmailSettings_SendTestEmail',
	},
	{ name: 'VeodEmailSettings_Get' },
	{ name: 'VexEmailSettings_Get' },
	{ name: 'VespEmailSettings_Get' },
	{ name: 'VespEmailSettings_Update' },
	{
		name: 'VespEmailSettings_SendTestEmail',
		v6: 'VespEmailSettings_SendTestEmailAction',
		v7: 'VespEmailSettings_SendTestEmailAction',
		v8: 'VespEmailSettings_SendTestEmail',
	},
];

/** operationId of `name` in `version`, or undefined when that version lacks it. */
function operationIdFor(version, name) {
	const entry = OPERATIONS.find((op) => op.name === name);
	if (!entry || !VERSIONS.includes(version)) return undefined;
	const hasExplicitIds = VERSIONS.some((v) => v in entry);
	return hasExplicitIds ? entry[version] : entry.name;
}

/** Version-independent name of a version's operationId, or undefined. */
function nameForOperationId(version, operationId) {
	const entry = OPERATIONS.find((op) => operationIdFor(version, op.name) === operationId);
	return entry ? entry.name : undefined;
}

module.exports = { VERSIONS, OPERATIONS, operationIdFor, nameForOperationId };
