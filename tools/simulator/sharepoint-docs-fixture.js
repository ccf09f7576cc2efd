'use strict';
// SharePoint document libraries of the contoso sites: libraries whose URL segment differs from
// their name ("Documents" lives at "Shared Documents"), nested folders and documents with awkward
// names and several versions. The same file name sits in two sites (Contracts and its subsite
// Legal), so a URL must be matched to the deepest site. IDs: GUIDs; versions 512 per major version.
const { kindOf } = require('./content');

const LIBRARIES = {
	contracts: [
		{
			key: 'contractsDocs',
			name: 'Documents',
			segment: 'Shared Documents',
			folders: [],
			documents: [
				{
					key: 'rootNda',
					folder: '',
					name: 'Contoso NDA.docx',
					versions: [{ sizeBytes: 30001, modified: '2024-03-01T10:00:00Z' }],
				},
			],
		},
	],
	legal: [
		{
			key: 'legalDocs',
			name: 'Documents',
			segment: 'Shared Documents',
			folders: ['NDA', 'NDA/2024 #1 (final)', 'Empty'],
			documents: [
				{
					key: 'nda',
					folder: 'NDA',
					name: 'Contoso NDA.docx',
					versions: [
						{ sizeBytes: 41200, modified: '2024-04-20T09:00:00Z' },
						{ sizeBytes: 48211, modified: '2024-04-30T08:14:00Z' },
					],
				},
				{
					key: 'offer',
					folder: 'NDA/2024 #1 (final)',
					name: 'Angebot Müller – 2024 (final).pdf',
					versions: [{ sizeBytes: 20480, modified: '2024-04-25T13:20:00Z' }],
				},
				{
					key: 'notes',
					folder: 'NDA/2024 #1 (final)',
					name: 'notes 100% sure; v2.txt',
					versions: [{ sizeBytes: 3071, modified: '2024-04-26T13:20:00Z' }],
				},
				{
					key: 'top',
					folder: '',
					name: 'Read me first.txt',
					versions: [{ sizeBytes: 410, modified: '2024-02-01T08:00:00Z' }],
				},
			],
		},
		{
			key: 'caseFiles',
			name: 'Case Files',
			segment: 'Case Files',
			// A server-relative URL, as the specs' "path to the library" may be.
			relativeUrl: true,
			folders: ['見積'],
			documents: [
				{
					key: 'quote',
					folder: '見積',
					name: '見積書 メモ.txt',
					versions: [{ sizeBytes: 1200, modified: '2024-04-27T07:30:00Z' }],
				},
			],
		},
	],
};

/** Libraries, folders and documents for the fixture's sites (by site key). */
function buildSiteDocuments(seed, sitesByKey, uuidFrom) {
	const libraries = [];
	const folders = [];
	const documents = [];
	const byKey = { library: {}, folder: {}, document: {} };
	for (const [siteKey, defs] of Object.entries(LIBRARIES)) {
		const site = sitesByKey[siteKey];
		if (!site) continue;
		for (const def of defs) {
			const library = {
				id: uuidFrom(seed, `library:${def.key}`),
				siteId: site.id,
				key: def.key,
				name: def.name,
				url: def.relativeUrl ? `${site.path}/${def.segment}` : `${site.url}/${def.segment}`,
			};
			libraries.push(library);
			byKey.library[def.key] = library;
			const folderOf = { '': library };
			for (const path of def.folders) {
				const parts = path.split('/');
				const folder = {
					id: uuidFrom(seed, `spfolder:${def.key}:${path}`),
					siteId: site.id,
					libraryId: library.id,
					name: parts[parts.length - 1],
					path,
					parentId: folderOf[parts.slice(0, -1).join('/')].id,
					modified: '2024-03-01T09:00:00Z',
					createdBy: 'Anna Meier',
				};
				folders.push(folder);
				folderOf[path] = folder;
				byKey.folder[`${def.key}:${path}`] = folder;
			}
			for (const raw of def.documents) {
				const id = uuidFrom(seed, `spdocument:${def.key}:${raw.key}`);
				documents.push({
					id,
					siteId: site.id,
					libraryId: library.id,
					key: raw.key,
					name: raw.name,
					folderPath: raw.folder,
					parentId: folderOf[raw.folder].id,
					createdBy: 'Anna Meier',
					versions: raw.versions.map((v, index) => ({
						versionId: 512 * (index + 1),
						version: `${index + 1}.0`,
						sizeBytes: v.sizeBytes,
						modified: v.modified,
						contentId: `${id}:${512 * (index + 1)}`,
						kind: kindOf(raw.name),
						name: raw.name,
						id: `${id}:${512 * (index + 1)}`,
					})),
				});
				byKey.document[raw.key] = documents[documents.length - 1];
			}
		}
	}
	return { libraries, folders, documents, byKey };
}

module.exports = { buildSiteDocuments };
