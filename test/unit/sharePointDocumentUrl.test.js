'use strict';
// SharePoint addresses as users copy them, read into host and path segments; and the per-version
// request shapes of the SharePoint document operations (v6+ only).
const {
	documentPathOf,
	startsWithSegments,
} = require('../../dist/nodes/VeeamM365/helpers/sharePointUrl');
const {
	buildSiteSaveRequest,
	buildSiteSendRequest,
	buildSiteSearchRequest,
} = require('../../dist/nodes/VeeamM365/api/sharePoint/documentRequests');
const { NeedsNewerApiError } = require('../../dist/nodes/VeeamM365/api/exchange/mailboxRequests');

const NDA = ['sites', 'Legal', 'Shared Documents', 'NDA', 'Contoso NDA.docx'];

test.each([
	[
		'as copied',
		'https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx',
	],
	[
		'with ?web=1',
		'https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?web=1',
	],
	[
		'with a fragment and upper-case host',
		'https://CONTOSO.sharepoint.com/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?csf=1&e=abc#x',
	],
	[
		'as a /:w:/r/ link',
		'https://contoso.sharepoint.com/:w:/r/sites/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx?d=w12&csf=1&web=1&e=Ab',
	],
])('a document address %s', (_, url) => {
	expect(documentPathOf(url)).toEqual({ host: 'contoso.sharepoint.com', segments: NDA });
});

test('a library view gives the library, or the folder in its id', () => {
	const view = 'https://contoso.sharepoint.com/sites/Legal/Shared%20Documents/Forms/AllItems.aspx';
	expect(documentPathOf(view).segments).toEqual(['sites', 'Legal', 'Shared Documents']);
	expect(
		documentPathOf(`${view}?id=%2Fsites%2FLegal%2FShared%20Documents%2FNDA&viewid=1`).segments,
	).toEqual(['sites', 'Legal', 'Shared Documents', 'NDA']);
});

test('sharing links with a token, other schemes and bad encodings give nothing', () => {
	expect(
		documentPathOf('https://contoso.sharepoint.com/:w:/s/Legal/EabcTOKEN?e=1'),
	).toBeUndefined();
	expect(documentPathOf('ftp://contoso.sharepoint.com/sites/Legal')).toBeUndefined();
	expect(documentPathOf('https://contoso.sharepoint.com/sites/Legal/%E0%A4%A')).toBeUndefined();
	expect(documentPathOf('Shared Documents/NDA')).toBeUndefined();
});

test('segments compare without case', () => {
	expect(startsWithSegments(NDA, ['SITES', 'legal'])).toBe(true);
	expect(startsWithSegments(['sites'], ['sites', 'Legal'])).toBe(false);
});

const target = { restoreSessionId: 'r1', siteId: 's1' };
const site = '/RestoreSessions/r1/Organization/Sites/s1';

test('save: a document raw, a version, a folder and a library as archives', () => {
	expect(buildSiteSaveRequest('v8', target, { kind: 'document', documentId: 'd1' })).toEqual({
		path: `${site}/Documents/d1/save`,
		body: { asZip: false },
		inArchive: false,
	});
	expect(
		buildSiteSaveRequest('v6', target, { kind: 'document', documentId: 'd1', versionId: '512' })
			.path,
	).toBe(`${site}/Documents/d1/Versions/512/save`);
	expect(buildSiteSaveRequest('v7', target, { kind: 'folder', folderId: 'f1' })).toEqual({
		path: `${site}/Folders/f1/save`,
		inArchive: true,
	});
	expect(buildSiteSaveRequest('v8', target, { kind: 'library', libraryId: 'l1' })).toEqual({
		path: `${site}/Libraries/l1/save`,
		inArchive: true,
	});
});

test('send and search shapes; v2–v5 refused', () => {
	expect(
		buildSiteSendRequest(
			'v8',
			target,
			{ kind: 'library', libraryId: 'l1' },
			{ to: 'a@b.com', from: '' },
		),
	).toEqual({ path: `${site}/Libraries/l1/send`, body: { to: 'a@b.com' } });
	expect(buildSiteSearchRequest('v6', target, { kind: 'folder', id: 'f1' }, 'filename:x')).toEqual({
		path: `${site}/Folders/f1/search`,
		body: { query: 'filename:x' },
		qs: { itemType: 'Items' },
	});
	for (const version of ['v2', 'v3', 'v4', 'v5']) {
		expect(() => buildSiteSaveRequest(version, target, { kind: 'folder', folderId: 'f1' })).toThrow(
			NeedsNewerApiError,
		);
	}
});
