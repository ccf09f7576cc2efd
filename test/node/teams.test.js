'use strict';
// Teams channel files in n8n's engine against the simulator: team and channel by name, browse,
// search, save one file raw (a .pptx starts like a ZIP), several files, a folder and the whole
// channel with their paths, send; v8's channel-scoped one-file paths against v7's and v6's.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { rl, runTeams, teamsFile, teamsFolder, runningVet } = require('../support/teams-runs');

afterAll(async () => {
	await shutdownHarness();
});

// "?" cannot be in a file name on Windows: the node stores "draft #1 (final?).txt" with "_".
const SPECS = [
	['Specs', 'Spec v2.docx'],
	['Specs/Drafts & Notes', 'draft #1 (final_).txt'],
];

describe.each([['v8'], ['v7'], ['v6']])('Teams files against a %s server', (apiVersion) => {
	let sim;
	const v = Number(apiVersion.slice(1));
	beforeAll(async () => {
		sim = await startSimulator({ profile: { v8: '8.x', v7: '7.0', v6: '6.0' }[apiVersion] });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.outbox.length = 0;
		sim.requests.length = 0;
		sim.setEmailSettings(true);
	});

	test('Get Many lists the top of the channel, and a folder given by its path', async () => {
		const top = await runTeams(sim, apiVersion, 'getAll', { returnAll: true });
		expect(top.error).toBeUndefined();
		expect(top.items.map((item) => [item.json.name, item.json.isFolder]).sort()).toEqual(
			[
				['Kickoff deck.pptx', false],
				['Specs', true],
			].sort(),
		);
		const phoenix = sim.fixture.teams.team('phoenix');
		expect(top.items[0].json).toMatchObject({
			teamId: phoenix.id,
			channelId: sim.fixture.teams.channel('phoenix', 'general').id,
			teamName: 'Project Phoenix',
			channelName: 'General',
			pointInTime: 'latest',
		});
		const drafts = await runTeams(sim, apiVersion, 'getAll', {
			teamsFolderId: rl('specs/Drafts & Notes', 'path'),
			returnAll: true,
		});
		expect(drafts.error).toBeUndefined();
		expect(drafts.items.map((item) => item.json.name)).toEqual(['draft #1 (final?).txt']);
		expect(runningVet(sim)).toEqual([]);
	});

	test('Search by file name in the channel (v7+); v6 is refused with the way out', async () => {
		const result = await runTeams(sim, apiVersion, 'search', { fileName: 'Kickoff*' });
		if (v < 7) {
			expect(result.error.message).toMatch(/v7 or later/);
			expect(result.error.message).toMatch(/Get Many/);
			expect(sim.requests.filter((r) => /files\/search/.test(r.path))).toEqual([]);
			expect(runningVet(sim)).toEqual([]);
			return;
		}
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([teamsFile(sim, 'kickoff').id]);
		expect(result.items[0].json.query).toBe('filename:Kickoff*');
	});

	test('Save one file: the raw bytes, through the path this version has', async () => {
		const kickoff = teamsFile(sim, 'kickoff');
		const result = await runTeams(sim, apiVersion, 'save', { teamsFileIds: kickoff.id });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const { binary, json } = result.items[0];
		expect(binary.data.fileName).toBe('Kickoff deck.pptx');
		const bytes = await result.readBinary(binary.data);
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		expect(bytes.equals(sim.teamsFileContent('kickoff'))).toBe(true);
		expect(json).toMatchObject({ documentId: kickoff.id, apiVersion, teamName: 'Project Phoenix' });
		expect(json.summary).toMatch(
			/^Restored 1 file from channel "General" of team "Project Phoenix"/,
		);
		const save = sim.requests.find((r) => /\/save$/.test(r.path));
		expect(save.path).toMatch(
			v >= 8
				? /\/teams\/[^/]+\/channels\/[^/]+\/files\/[^/]+\/save$/
				: /\/teams\/[^/]+\/files\/[^/]+\/save$/,
		);
		expect(runningVet(sim)).toEqual([]);
	});

	test('Save several files, a folder by path, and the whole channel, each file with its folder path', async () => {
		const ids = ['kickoff', 'spec'].map((key) => teamsFile(sim, key).id);
		const several = await runTeams(sim, apiVersion, 'save', { teamsFileIds: ids.join(', ') });
		expect(several.error).toBeUndefined();
		expect(several.items.map((item) => item.binary.data.fileName).sort()).toEqual(
			['Kickoff deck.pptx', 'Spec v2.docx'].sort(),
		);
		const folder = await runTeams(sim, apiVersion, 'save', {
			saveWhat: 'folder',
			teamsFolderId: rl('Specs', 'path'),
		});
		expect(folder.error).toBeUndefined();
		const paths = (result) =>
			result.items.map((item) => [item.json.folderPath, item.binary.data.fileName]).sort();
		expect(paths(folder)).toEqual(SPECS);
		const draft = folder.items.find((item) => item.json.folderPath === 'Specs/Drafts & Notes');
		expect(draft.binary.data.directory).toBe('Specs/Drafts & Notes');
		expect((await folder.readBinary(draft.binary.data)).equals(sim.teamsFileContent('draft'))).toBe(
			true,
		);
		const channel = await runTeams(sim, apiVersion, 'save', { saveWhat: 'channel' });
		expect(channel.error).toBeUndefined();
		expect(paths(channel)).toEqual([['', 'Kickoff deck.pptx'], ...SPECS].sort());
		expect(runningVet(sim)).toEqual([]);
	});

	test('Send one file; with unconfigured Teams email settings nothing is sent', async () => {
		const review = teamsFile(sim, 'review');
		const result = await runTeams(sim, apiVersion, 'send', {
			channelId: rl('design reviews', 'name'),
			teamsFileIds: review.id,
			to: 'requester@contoso.com',
			subject: 'Your restored review notes',
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			kind: 'teamsSend',
			to: 'requester@contoso.com',
			subject: 'Your restored review notes',
			fileIds: [review.id],
			channelId: sim.fixture.teams.channel('phoenix', 'design').id,
		});
		expect(result.items[0].json).toMatchObject({ sent: true, fileIds: [review.id] });
		sim.setEmailSettings(false);
		const refused = await runTeams(sim, apiVersion, 'send', {
			teamsFileIds: teamsFile(sim, 'kickoff').id,
			to: 'requester@contoso.com',
		});
		expect(refused.error.message).toMatch(/cannot send email/);
		expect(refused.error.description).toMatch(/VetEmailSettings/);
		expect(sim.outbox).toHaveLength(1);
		expect(runningVet(sim)).toEqual([]);
	});

	test('a team or channel that is not there is named, with the names that are close', async () => {
		const team = await runTeams(sim, apiVersion, 'getAll', { teamId: rl('Phoenix', 'name') });
		expect(team.error.message).toMatch(
			/No team named "Phoenix" is in the backup \[parameter "Team"\]/,
		);
		expect(team.error.description).toMatch(/Project Phoenix/);
		const channel = await runTeams(sim, apiVersion, 'getAll', { channelId: rl('Design', 'name') });
		expect(channel.error.message).toMatch(/no channel named "Design"/);
		expect(channel.error.description).toMatch(/Design Reviews/);
		const folder = await runTeams(sim, apiVersion, 'getAll', {
			teamsFolderId: rl('Specs/Nope', 'path'),
		});
		expect(folder.error.message).toMatch(
			/There is no folder "Nope" in "Specs" \[parameter "Folder"\]/,
		);
		expect(folder.error.description).toMatch(/Drafts & Notes/);
		expect(runningVet(sim)).toEqual([]);
	});
});

describe('Teams files against a v5 server', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '5.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('are refused with the fix before any Teams request', async () => {
		const result = await runTeams(sim, 'v5', 'getAll', {});
		expect(result.error).toBeDefined();
		expect(`${result.error.message} ${result.error.description ?? ''}`).toMatch(/v6 or later/);
		expect(sim.requests.filter((r) => /teams/i.test(r.path))).toEqual([]);
	});
});
