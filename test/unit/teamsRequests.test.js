// What the node sends for Teams files per API version: v6/v7 address one file by the team,
// v8 by the channel; v2–v5 are refused; v6 cannot search one channel.
const {
	buildBrowseRequest,
	buildChannelsRequest,
	buildFileRequest,
	buildSaveRequest,
	buildSearchRequest,
	buildSendRequest,
	buildTeamsRequest,
} = require('../../dist/nodes/VeeamM365/api/teams/teamsRequests');
const { NeedsNewerApiError } = require('../../dist/nodes/VeeamM365/api/exchange/mailboxRequests');

const target = {
	restoreSessionId: '9f786f0f-de9a-4a90-8118-093b6cb2c4fc',
	teamId: '6d5a1c2e-0f3b-4a7d-9e21-8c4b5f6a7d90',
	channelId: '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2',
};
const team = `/RestoreSessions/${target.restoreSessionId}/organization/teams/${target.teamId}`;
const FILE = 'b0e5d1f2-3a4c-4d6e-8f90-1a2b3c4d5e6f';
const FILE2 = 'c1f6e203-4b5d-4e7f-9012-2b3c4d5e6f70';
const FOLDER = 'd2a7f314-5c6e-4f80-a123-3c4d5e6f7081';
const message = { to: 'anna.meier@contoso.com', from: '', subject: 'Restored', text: 'Here.' };
const listed = [
	{ id: FILE, name: 'Kickoff deck.pptx', fileType: 'File', sizeBytes: 10, _links: { self: {} } },
	{ id: FOLDER, name: 'Specs', fileType: 'Folder', _links: { self: {} } },
];

describe('Teams requests', () => {
	test.each(['v2', 'v3', 'v4', 'v5'])('%s is refused with the version it needs', (version) => {
		for (const build of [
			() => buildTeamsRequest(version, target.restoreSessionId),
			() => buildBrowseRequest(version, target),
			() => buildSaveRequest(version, target, { kind: 'channel' }),
			() => buildSendRequest(version, target, { kind: 'channel' }, message),
		]) {
			expect(build).toThrow(NeedsNewerApiError);
			expect(build).toThrow(/v6 or later/);
		}
	});

	test('teams and channels are filtered by name on the server', () => {
		expect(buildTeamsRequest('v8', target.restoreSessionId, 'Phoenix')).toEqual({
			path: `/RestoreSessions/${target.restoreSessionId}/organization/teams`,
			qs: { displayName: 'Phoenix' },
		});
		expect(buildChannelsRequest('v6', target)).toEqual({ path: `${team}/channels`, qs: {} });
	});

	test('browsing: the channel always, foldersOnly only where the version has it (v7+)', () => {
		expect(buildBrowseRequest('v6', target, FOLDER, true)).toEqual({
			path: `${team}/files`,
			qs: { channelId: target.channelId, parentId: FOLDER },
		});
		expect(buildBrowseRequest('v7', target, undefined, true).qs).toEqual({
			channelId: target.channelId,
			parentId: 'root',
			foldersOnly: true,
		});
	});

	test('one file: v6/v7 under the team (channel as a query parameter), v8 under the channel', () => {
		for (const version of ['v6', 'v7']) {
			expect(buildFileRequest(version, target, FILE)).toEqual({
				path: `${team}/files/${FILE}`,
				qs: { channelId: target.channelId },
			});
			expect(buildSaveRequest(version, target, { kind: 'files', fileIds: [FILE] })).toEqual({
				path: `${team}/files/${FILE}/save`,
				body: { asZip: false },
				inArchive: false,
			});
			expect(
				buildSendRequest(version, target, { kind: 'files', fileIds: [FILE] }, message),
			).toEqual({
				path: `${team}/files/${FILE}/send`,
				body: { to: message.to, subject: 'Restored', text: 'Here.' },
			});
		}
		const v8 = `${team}/channels/${target.channelId}/files/${FILE}`;
		expect(buildFileRequest('v8', target, FILE)).toEqual({ path: v8, qs: {} });
		expect(buildSaveRequest('v8', target, { kind: 'files', fileIds: [FILE] }).path).toBe(
			`${v8}/save`,
		);
		expect(buildSendRequest('v8', target, { kind: 'files', fileIds: [FILE] }, message).path).toBe(
			`${v8}/send`,
		);
	});

	test.each(['v6', 'v7', 'v8'])(
		'%s: several files, or a folder, go to files/save as listed (without links; v7+ with their channel), a ZIP',
		(version) => {
			const several = buildSaveRequest(version, target, {
				kind: 'files',
				fileIds: [FILE, FILE2],
				listed: [listed[0]],
			});
			const channel = version === 'v6' ? {} : { channelId: target.channelId };
			expect(several).toEqual({
				path: `${team}/files/save`,
				body: {
					files: [
						{
							id: FILE,
							name: 'Kickoff deck.pptx',
							fileType: 'File',
							sizeBytes: 10,
							...channel,
						},
						{ id: FILE2, ...channel },
					],
				},
				inArchive: true,
			});
			const folder = buildSaveRequest(version, target, {
				kind: 'files',
				fileIds: [FOLDER],
				listed: [listed[1]],
			});
			expect(folder.path).toBe(`${team}/files/save`);
			expect(folder.body.files).toEqual([
				{ id: FOLDER, name: 'Specs', fileType: 'Folder', ...channel },
			]);
			expect(folder.inArchive).toBe(true);
			expect(buildSaveRequest(version, target, { kind: 'channel' })).toEqual({
				path: `${team}/files/save`,
				body: { channelId: target.channelId },
				inArchive: true,
			});
		},
	);

	test('search: v7+ in the channel (and folder); v6 refused as it cannot keep to one channel', () => {
		expect(buildSearchRequest('v8', target, 'filename:Kickoff*', FOLDER)).toEqual({
			path: `${team}/files/search`,
			qs: { channelId: target.channelId, parentId: FOLDER },
			body: { query: 'filename:Kickoff*' },
		});
		expect(() => buildSearchRequest('v6', target, 'x')).toThrow(/v7 or later/);
	});
});
