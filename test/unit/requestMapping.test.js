const {
	buildSaveRequest,
	buildSendRequest,
	canSendSelection,
} = require('../../dist/nodes/VeeamM365/api/sharePoint/attachmentRequests');

const target = {
	restoreSessionId: '9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	siteId: 'S'.repeat(72),
	itemId: 'I'.repeat(144),
};
const base = `/RestoreSessions/${target.restoreSessionId}/Organization/Sites/${target.siteId}/Items/${target.itemId}/Attachments`;
const a1 = { id: 'A1', name: 'a.pdf' };
const a2 = { id: 'A2', name: 'b.txt' };
const message = { to: 'anna@contoso.com', from: '', subject: 'Files', text: 'Here' };

describe('save request per API version', () => {
	test.each(['v2', 'v3', 'v4', 'v5'])(
		'%s posts {"save": null} to Attachments/Action',
		(version) => {
			expect(buildSaveRequest(version, target, [a1])).toEqual({
				path: `${base}/Action`,
				body: { save: null },
			});
		},
	);
	test.each(['v6', 'v7', 'v8'])('%s posts the chosen ids to Attachments/save', (version) => {
		expect(buildSaveRequest(version, target, [a1, a2])).toEqual({
			path: `${base}/save`,
			body: { attachments: [{ id: 'A1' }, { id: 'A2' }] },
		});
	});
});

describe('send request per API version', () => {
	test.each(['v2', 'v3', 'v4', 'v5'])(
		'%s sends all through sendTo without an attachment list',
		(version) => {
			expect(buildSendRequest(version, target, [a1, a2], true, message)).toEqual({
				path: `${base}/Action`,
				body: { sendTo: { to: 'anna@contoso.com', subject: 'Files', text: 'Here' } },
			});
		},
	);
	test('v5 names a selection inside sendTo', () => {
		expect(buildSendRequest('v5', target, [a2], false, message).body).toEqual({
			sendTo: {
				to: 'anna@contoso.com',
				subject: 'Files',
				text: 'Here',
				attachments: [{ id: 'A2' }],
			},
		});
	});
	test.each(['v2', 'v3', 'v4'])('%s cannot send a selection', (version) => {
		expect(canSendSelection(version)).toBe(false);
		expect(() => buildSendRequest(version, target, [a2], false, message)).toThrow(
			/all attachments/,
		);
	});
	test.each(['v6', 'v7', 'v8'])('%s posts ids and message to Attachments/send', (version) => {
		expect(
			buildSendRequest(version, target, [a1], false, { ...message, from: 'backup@contoso.com' }),
		).toEqual({
			path: `${base}/send`,
			body: {
				attachments: [{ id: 'A1' }],
				from: 'backup@contoso.com',
				to: 'anna@contoso.com',
				subject: 'Files',
				text: 'Here',
			},
		});
	});
});
