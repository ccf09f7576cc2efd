const {
	buildItemsRequest,
	buildSaveRequest,
	buildSearchRequest,
	buildSendRequest,
	NeedsNewerApiError,
} = require('../../dist/nodes/VeeamM365/api/exchange/mailboxRequests');
const { buildExploreRequest } = require('../../dist/nodes/VeeamM365/api/restoreSessionRequests');
const { buildMailQuery } = require('../../dist/nodes/VeeamM365/helpers/mailQuery');

const target = {
	restoreSessionId: '9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	mailboxId: '7a619cf6-b7e1-4141-951b-960a2fca061d',
};
const mailbox = `/RestoreSessions/${target.restoreSessionId}/Organization/Mailboxes/${target.mailboxId}`;
const LEGACY = ['v2', 'v3', 'v4', 'v5'];
const SPLIT = ['v6', 'v7', 'v8'];

describe('Exchange restore session', () => {
	const options = {
		pointInTime: new Date('2024-05-01T12:00:00Z'),
		showDeleted: true,
		showAllVersions: false,
	};
	test.each(LEGACY)('%s opens it with explore type "vex"', (version) => {
		expect(buildExploreRequest(version, 'org', options, 'Vex').body.explore).toMatchObject({
			type: 'vex',
			datetime: '2024.05.01 12:00:00',
		});
	});
	test.each(SPLIT)('%s opens it with type "Vex"', (version) => {
		expect(buildExploreRequest(version, 'org', options, 'Vex').body).toMatchObject({
			type: 'Vex',
			dateTime: '2024-05-01T12:00:00.000Z',
		});
	});
});

describe('save as MSG per API version', () => {
	test.each(LEGACY)('%s: one item posts {"savetoMsg": null} to Items/{id}/Action', (version) => {
		expect(buildSaveRequest(version, target, ['I1'])).toEqual({
			path: `${mailbox}/Items/I1/Action`,
			body: { savetoMsg: null },
		});
	});
	test.each(LEGACY)(
		'%s: several items post {"savetoMsg": {"items": …}} to Items/Action',
		(version) => {
			expect(buildSaveRequest(version, target, ['I1', 'I2'])).toEqual({
				path: `${mailbox}/Items/Action`,
				body: { savetoMsg: { items: [{ id: 'I1' }, { id: 'I2' }] } },
			});
		},
	);
	test.each(SPLIT)(
		'%s: one item posts no body to Items/{id}/save, several {items} to Items/Save',
		(version) => {
			expect(buildSaveRequest(version, target, ['I1'])).toEqual({
				path: `${mailbox}/Items/I1/save`,
			});
			expect(buildSaveRequest(version, target, ['I1', 'I2'])).toEqual({
				path: `${mailbox}/Items/Save`,
				body: { items: [{ id: 'I1' }, { id: 'I2' }] },
			});
		},
	);
});

describe('send per API version', () => {
	const message = { to: 'helpdesk@contoso.com', from: '', subject: 'Restored', text: 'Here' };
	test.each(LEGACY)('%s refuses both sends: the v2–v5 keys are not documented', (version) => {
		expect(() => buildSendRequest(version, target, ['I1'])).toThrow(NeedsNewerApiError);
		expect(() => buildSendRequest(version, target, ['I1'], message)).toThrow(
			/needs VB365 REST API v6 or later/,
		);
	});
	test.each(SPLIT)(
		'%s: to the owner without a body for one item, with {items} for several',
		(version) => {
			expect(buildSendRequest(version, target, ['I1'])).toEqual({
				path: `${mailbox}/Items/I1/sendToDefaultAddress`,
			});
			expect(buildSendRequest(version, target, ['I1', 'I2'])).toEqual({
				path: `${mailbox}/Items/sendToDefaultAddress`,
				body: { items: [{ id: 'I1' }, { id: 'I2' }] },
			});
		},
	);
	test.each(SPLIT)('%s: to an address with the message fields (empty ones left out)', (version) => {
		expect(buildSendRequest(version, target, ['I1'], message)).toEqual({
			path: `${mailbox}/Items/I1/sendToDifferentAddress`,
			body: { to: 'helpdesk@contoso.com', subject: 'Restored', text: 'Here' },
		});
		expect(buildSendRequest(version, target, ['I1', 'I2'], message).body).toEqual({
			items: [{ id: 'I1' }, { id: 'I2' }],
			to: 'helpdesk@contoso.com',
			subject: 'Restored',
			text: 'Here',
		});
	});
});

describe('listing and search', () => {
	test('v6 filters items with folderId, v7 and v8 with parentId', () => {
		expect(buildItemsRequest('v6', target, 'F1')).toEqual({
			path: `${mailbox}/Items`,
			qs: { folderId: 'F1' },
		});
		expect(buildItemsRequest('v7', target, 'F1').qs).toEqual({ parentId: 'F1' });
		expect(buildItemsRequest('v8', target, 'F1').qs).toEqual({ parentId: 'F1' });
		expect(() => buildItemsRequest('v5', target, 'F1')).toThrow(NeedsNewerApiError);
	});
	test('search in the mailbox or in a folder; v2–v5 refused', () => {
		expect(buildSearchRequest('v8', target, 'subject:NDA')).toEqual({
			path: `${mailbox}/search`,
			body: { query: 'subject:NDA' },
		});
		expect(buildSearchRequest('v6', target, 'subject:NDA', 'F1').path).toBe(
			`${mailbox}/Folders/F1/search`,
		);
		expect(() => buildSearchRequest('v5', target, 'subject:NDA')).toThrow(NeedsNewerApiError);
	});
});

describe('mail query', () => {
	test('joins the fields as criteria:value terms, quoting values with spaces', () => {
		expect(
			buildMailQuery({
				subject: 'NDA',
				from: 'Contoso "Legal"',
				receivedAfter: new Date('2024-04-30T00:00:00Z'),
				receivedBefore: new Date('2024-05-01T22:00:00Z'),
				hasAttachments: true,
				raw: 'to:anna.meier@contoso.com',
			}),
		).toBe(
			'subject:NDA AND from:"Contoso Legal" AND received:>=2024-04-30 AND received:<=2024-05-01 AND hasattachments:yes AND to:anna.meier@contoso.com',
		);
	});
	test('is empty without criteria, so the operation can refuse it', () => {
		expect(buildMailQuery({ subject: '  ', from: '', raw: '' })).toBe('');
	});
});

describe('export to PST per API version', () => {
	const { buildPstRequest } = require('../../dist/nodes/VeeamM365/api/exchange/pstRequests');
	const GB = 1024 ** 3;
	test.each(SPLIT)(
		'%s: item, items, folder and mailbox endpoints with the size limit',
		(version) => {
			expect(buildPstRequest(version, target, { kind: 'items', itemIds: ['I1'] }, 0)).toEqual({
				path: `${mailbox}/Items/I1/exportToPst`,
				body: { enablePstSizeLimit: false },
			});
			expect(buildPstRequest(version, target, { kind: 'items', itemIds: ['I1', 'I2'] }, 2)).toEqual(
				{
					path: `${mailbox}/Items/exportToPst`,
					body: {
						items: [{ id: 'I1' }, { id: 'I2' }],
						enablePstSizeLimit: true,
						pstSizeLimitBytes: 2 * GB,
					},
				},
			);
			expect(buildPstRequest(version, target, { kind: 'folder', folderId: 'F1' }, 0).path).toBe(
				`${mailbox}/Folders/F1/exportToPst`,
			);
			expect(buildPstRequest(version, target, { kind: 'mailbox' }, 49)).toEqual({
				path: `${mailbox}/exportToPst`,
				body: { enablePstSizeLimit: true, pstSizeLimitBytes: 49 * GB },
			});
		},
	);
	test.each(LEGACY)('%s: the same levels\' Action with {"exporttoPst": …}', (version) => {
		expect(buildPstRequest(version, target, { kind: 'items', itemIds: ['I1'] }, 0)).toEqual({
			path: `${mailbox}/Items/I1/Action`,
			body: { exporttoPst: null },
		});
		expect(buildPstRequest(version, target, { kind: 'items', itemIds: ['I1', 'I2'] }, 0)).toEqual({
			path: `${mailbox}/Items/Action`,
			body: { exporttoPst: { items: [{ id: 'I1' }, { id: 'I2' }], enablePstSizeLimit: false } },
		});
		expect(buildPstRequest(version, target, { kind: 'folder', folderId: 'F1' }, 1)).toEqual({
			path: `${mailbox}/Folders/F1/Action`,
			body: { exporttoPst: { enablePstSizeLimit: true, pstSizeLimitBytes: GB } },
		});
		expect(buildPstRequest(version, target, { kind: 'mailbox' }, 0).path).toBe(`${mailbox}/Action`);
	});
});
