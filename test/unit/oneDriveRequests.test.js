const {
	buildBrowseRequest,
	buildDocumentRequest,
	buildOneDrivesRequest,
	buildSaveRequest,
	buildSearchRequest,
	buildSendRequest,
} = require('../../dist/nodes/VeeamM365/api/oneDrive/oneDriveRequests');
const { NeedsNewerApiError } = require('../../dist/nodes/VeeamM365/api/exchange/mailboxRequests');
const { buildExploreRequest } = require('../../dist/nodes/VeeamM365/api/restoreSessionRequests');
const { buildDocumentQuery } = require('../../dist/nodes/VeeamM365/helpers/documentQuery');
const { isOneDriveOf, personalSiteSegment } = require('../../dist/nodes/VeeamM365/api/oneDrive');

const target = {
	restoreSessionId: '9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	oneDriveId: '3f0c2a5e-8d1b-4c7e-9a64-2b5d7e1f0c93',
};
const od = `/RestoreSessions/${target.restoreSessionId}/Organization/OneDrives/${target.oneDriveId}`;
const DOC = 'b0e5d1f2-3a4c-4d6e-8f90-1a2b3c4d5e6f';
const DOC2 = 'c1f6e203-4b5d-4e7f-9012-2b3c4d5e6f70';
const FOLDER = 'd2a7f314-5c6e-4f80-a123-3c4d5e6f7081';
const LEGACY = ['v2', 'v3', 'v4', 'v5'];
const SPLIT = ['v6', 'v7', 'v8'];
const message = { to: 'anna.meier@contoso.com', from: '', subject: 'Restored', text: 'Here.' };

describe('OneDrive restore session', () => {
	const options = { showDeleted: true, showAllVersions: false };
	test.each(LEGACY)('%s has no documented Veod explore type, so it is refused', (version) => {
		expect(() => buildExploreRequest(version, 'org', options, 'Veod')).toThrow(
			/no documented Veod/,
		);
	});
	test.each(SPLIT)('%s opens it with type "Veod"', (version) => {
		expect(buildExploreRequest(version, 'org', options, 'Veod').body).toMatchObject({
			type: 'Veod',
		});
	});
});

describe('every OneDrive request needs v6 or later', () => {
	test.each(LEGACY)('%s refuses listing, search, save and send', (version) => {
		for (const build of [
			() => buildOneDrivesRequest(version, target.restoreSessionId),
			() => buildBrowseRequest(version, target, 'Documents'),
			() => buildDocumentRequest(version, target, DOC),
			() => buildSearchRequest(version, target, 'filename:x'),
			() => buildSaveRequest(version, target, { kind: 'documents', documentIds: [DOC] }),
			() => buildSendRequest(version, target, { kind: 'folder', folderId: FOLDER }, message),
		]) {
			expect(build).toThrow(NeedsNewerApiError);
			expect(build).toThrow(/v6 or later/);
		}
	});
});

describe.each(SPLIT)('%s request shapes', (version) => {
	test('browse: Documents or Folders with parentId', () => {
		expect(buildBrowseRequest(version, target, 'Documents')).toEqual({
			path: `${od}/Documents`,
			qs: {},
		});
		expect(buildBrowseRequest(version, target, 'Folders', FOLDER)).toEqual({
			path: `${od}/Folders`,
			qs: { parentId: FOLDER },
		});
	});
	test('a document and one of its versions', () => {
		expect(buildDocumentRequest(version, target, DOC).path).toBe(`${od}/Documents/${DOC}`);
		expect(buildDocumentRequest(version, target, DOC, '1024').path).toBe(
			`${od}/Documents/${DOC}/Versions/1024`,
		);
	});
	test('search in the OneDrive or in a folder', () => {
		expect(buildSearchRequest(version, target, 'filename:a')).toEqual({
			path: `${od}/search`,
			body: { query: 'filename:a' },
		});
		expect(buildSearchRequest(version, target, 'filename:a', FOLDER).path).toBe(
			`${od}/Folders/${FOLDER}/search`,
		);
	});
	test('save one document as the raw file, one version, several, a folder', () => {
		expect(buildSaveRequest(version, target, { kind: 'documents', documentIds: [DOC] })).toEqual({
			path: `${od}/Documents/${DOC}/save`,
			body: { asZip: false },
			inArchive: false,
		});
		expect(
			buildSaveRequest(version, target, {
				kind: 'documents',
				documentIds: [DOC],
				versionId: '512',
			}),
		).toEqual({
			path: `${od}/Documents/${DOC}/Versions/512/save`,
			body: { asZip: false },
			inArchive: false,
		});
		expect(
			buildSaveRequest(version, target, { kind: 'documents', documentIds: [DOC, DOC2] }),
		).toEqual({
			path: `${od}/Documents/save`,
			body: { documents: [{ id: DOC }, { id: DOC2 }] },
			inArchive: true,
		});
		expect(buildSaveRequest(version, target, { kind: 'folder', folderId: FOLDER })).toEqual({
			path: `${od}/Folders/${FOLDER}/save`,
			inArchive: true,
		});
	});
	test('several documents go back as VB365 listed them, without their links', () => {
		const listed = [
			{ id: DOC, name: 'a.docx', sizeBytes: 1, createdBy: 'A', _links: { self: { href: 'x' } } },
		];
		expect(
			buildSaveRequest(version, target, {
				kind: 'documents',
				documentIds: [DOC, DOC2],
				listed,
			}).body.documents,
		).toEqual([{ id: DOC, name: 'a.docx', sizeBytes: 1, createdBy: 'A' }, { id: DOC2 }]);
	});
	test('send: empty fields are left out; several documents carry the list', () => {
		expect(
			buildSendRequest(version, target, { kind: 'documents', documentIds: [DOC] }, message),
		).toEqual({
			path: `${od}/Documents/${DOC}/send`,
			body: { to: 'anna.meier@contoso.com', subject: 'Restored', text: 'Here.' },
		});
		expect(
			buildSendRequest(version, target, { kind: 'documents', documentIds: [DOC, DOC2] }, message)
				.body.documents,
		).toEqual([{ id: DOC }, { id: DOC2 }]);
		expect(
			buildSendRequest(version, target, { kind: 'folder', folderId: FOLDER }, message).path,
		).toBe(`${od}/Folders/${FOLDER}/send`);
		expect(
			buildSendRequest(
				version,
				target,
				{ kind: 'documents', documentIds: [DOC], versionId: '3' },
				message,
			).path,
		).toBe(`${od}/Documents/${DOC}/Versions/3/send`);
	});
	test('several folders go as VB365 listed them; the whole OneDrive has no body to save', () => {
		const listed = [{ id: FOLDER, name: 'Archive', createdBy: 'A', _links: { self: {} } }];
		expect(
			buildSaveRequest(version, target, { kind: 'folders', folderIds: [FOLDER, DOC2], listed }),
		).toEqual({
			path: `${od}/Folders/save`,
			body: { folders: [{ id: FOLDER, name: 'Archive', createdBy: 'A' }, { id: DOC2 }] },
			inArchive: true,
		});
		expect(buildSaveRequest(version, target, { kind: 'oneDrive' })).toEqual({
			path: `${od}/save`,
			inArchive: true,
		});
		expect(
			buildSendRequest(version, target, { kind: 'folders', folderIds: [FOLDER] }, message),
		).toEqual({
			path: `${od}/Folders/send`,
			body: {
				folders: [{ id: FOLDER }],
				to: 'anna.meier@contoso.com',
				subject: 'Restored',
				text: 'Here.',
			},
		});
		expect(buildSendRequest(version, target, { kind: 'oneDrive' }, message).path).toBe(
			`${od}/send`,
		);
	});
});

describe('document query and OneDrive owner', () => {
	test('file name quoted when it has spaces, dates as days, raw terms added', () => {
		expect(
			buildDocumentQuery({
				fileName: 'Budget 2024.xlsx',
				modifiedAfter: new Date('2024-04-30T22:00:00Z'),
				modifiedBefore: new Date('2024-05-02T10:00:00Z'),
				raw: 'size:>1000',
			}),
		).toBe(
			'filename:"Budget 2024.xlsx" AND datemodified:>=2024-04-30 AND datemodified:<=2024-05-02 AND size:>1000',
		);
		expect(buildDocumentQuery({ fileName: 'Budget*' })).toBe('filename:Budget*');
		expect(buildDocumentQuery({})).toBe('');
	});
	test('the OneDrive of an address is found by its personal URL', () => {
		expect(personalSiteSegment(' Anna.Meier@Contoso.com ')).toBe('anna_meier_contoso_com');
		const oneDrive = {
			name: 'Anna Meier',
			url: 'https://contoso-my.sharepoint.com/personal/anna_meier_contoso_com/',
		};
		expect(isOneDriveOf(oneDrive, 'anna.meier@contoso.com')).toBe(true);
		expect(isOneDriveOf(oneDrive, 'anna@contoso.com')).toBe(false);
	});
});
