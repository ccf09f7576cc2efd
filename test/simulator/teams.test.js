'use strict';
// Teams browsing in the simulator over real HTTPS: the fixture's shape, teams and channels with
// the displayName filter and paging, channel files by scope, v6/v7 vs v8 file paths, versions,
// search with setId, and the refusals (wrong session type, stopped session, v5, unknown IDs).
const { startSimulator } = require('../../tools/simulator');
const { client } = require('../../tools/simulator/client');
const { FILLER_TEAMS } = require('../../tools/simulator/teams-fixture');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CHANNEL = /^19:[0-9a-f]{32}@thread\.tacv2$/;

let sim;
let T;
const clients = {};
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all' });
	T = sim.fixture.teams;
	for (const v of [5, 6, 7, 8]) clients[v] = await client(sim, v);
});
afterAll(() => sim.stop());

async function session(v, type = 'Vet') {
	const org = sim.fixture.organization('contoso');
	const res = await clients[v].post(`/Organizations/${org.id}/explore`, { type });
	expect(res.status).toBe(v >= 8 ? 201 : 200);
	return `/RestoreSessions/${res.json.id}/organization/teams`;
}
const enc = encodeURIComponent;
const names = (res) => res.json.results.map((x) => x.name ?? x.displayName);

describe('Teams fixture', () => {
	test('named teams, channels, folders and files with Graph-like IDs', () => {
		const phoenix = T.team('phoenix');
		expect(phoenix).toMatchObject({
			displayName: 'Project Phoenix',
			groupEmail: 'phoenix@contoso.com',
		});
		expect(phoenix.id).toMatch(GUID);
		expect(T.team('sales').displayName).toBe('Sales EMEA');
		expect(T.teams).toHaveLength(FILLER_TEAMS + 2);
		expect(T.teams[0].displayName).toBe('Team 001');
		for (const c of T.channels) expect(c.id).toMatch(CHANNEL);
		expect(T.channel('phoenix', 'design').displayName).toBe('Design Reviews');
		expect(T.file('draft')).toMatchObject({
			name: 'draft #1 (final?).txt',
			folderPath: 'Specs/Drafts & Notes',
			channelId: T.channel('phoenix', 'general').id,
			parentId: T.folder('phoenix', 'general', 'Specs/Drafts & Notes').id,
		});
		const review = T.file('review');
		expect(review.versions.map((v) => v.version)).toEqual([512, 1024, 1536]);
		expect(new Set(review.versions.map((v) => v.sizeBytes)).size).toBe(3);
		expect(T.file('pipeline').channelId).toBe(T.channel('sales', 'general').id);
		for (const f of [...T.files, ...T.folders]) expect(f.id).toMatch(GUID);
	});

	test('content is deterministic per file and version, and looks like its kind', () => {
		const review = sim.teamsFileContent('review');
		expect(review).toHaveLength(31007);
		expect(review.subarray(0, 2).toString()).toBe('PK');
		expect(sim.teamsFileContent('review', 1536).equals(review)).toBe(true);
		expect(sim.teamsFileContent('review', 512).equals(review.subarray(0, 20480))).toBe(false);
		expect(sim.teamsFileContent(T.file('kickoff').id).subarray(0, 2).toString()).toBe('PK');
		expect(() => sim.teamsFileContent('nope')).toThrow(/no Teams file/);
	});
});

describe.each([6, 7, 8])('Teams browsing, v%i', (v) => {
	let base;
	let team;
	const c = () => clients[v];
	const general = () => T.channel('phoenix', 'general');
	const one = (file, channel) =>
		v >= 8 ? `${team}/channels/${enc(channel.id)}/files/${file.id}` : `${team}/files/${file.id}`;
	beforeAll(async () => {
		base = await session(v);
		team = `${base}/${T.team('phoenix').id}`;
	});

	test('teams are paged; the second page has the named teams', async () => {
		const first = await c().get(base);
		expect(first.json.results).toHaveLength(30);
		expect(first.json._links.next.href).toContain('offset=30');
		const second = await c().get(`${base}?offset=30&limit=30`);
		expect(names(second).slice(-2)).toEqual(['Project Phoenix', 'Sales EMEA']);
		expect(second.json._links.next).toBeUndefined();
		if (v <= 7) expect(second.json.totalCount).toBe(FILLER_TEAMS + 2);
		else expect(second.json.totalCount).toBeUndefined();
	});

	test('displayName: contains, any case, with * and ? wildcards', async () => {
		expect(names(await c().get(`${base}?displayName=PHOENIX`))).toEqual(['Project Phoenix']);
		expect(names(await c().get(`${base}?displayName=Team%200%3F1`))).toEqual([
			'Team 001',
			'Team 011',
			'Team 021',
			'Team 031',
		]);
		expect(names(await c().get(`${base}?displayName=s*EMEA`))).toEqual(['Sales EMEA']);
		expect(names(await c().get(`${base}?displayName=nobody`))).toEqual([]);
	});

	test('a team, its channels (filtered) and a channel by raw or encoded ID', async () => {
		const t = await c().get(team);
		expect(t.json).toMatchObject({ id: T.team('phoenix').id, groupEmail: 'phoenix@contoso.com' });
		expect(names(await c().get(`${team}/channels`))).toEqual(['General', 'Design Reviews']);
		const design = await c().get(`${team}/channels?displayName=review`);
		expect(names(design)).toEqual(['Design Reviews']);
		expect(design.json.results[0].teamId).toBe(v >= 8 ? T.team('phoenix').id : undefined);
		for (const id of [general().id, enc(general().id)]) {
			const ch = await c().get(`${team}/channels/${id}`);
			expect(ch.status).toBe(200);
			expect(ch.json.displayName).toBe('General');
		}
		const other = T.channel('sales', 'general');
		expect((await c().get(`${team}/channels/${enc(other.id)}`)).status).toBe(404);
	});

	test('files: root, a folder, the whole channel, the whole team, foldersOnly', async () => {
		const ch = `${team}/files?channelId=${enc(general().id)}`;
		const root = await c().get(`${ch}&parentId=root`);
		expect(root.json.results.map((x) => [x.name, x.fileType])).toEqual([
			['Specs', 'Folder'],
			['Kickoff deck.pptx', 'File'],
		]);
		const specs = T.folder('phoenix', 'general', 'Specs');
		expect(names(await c().get(`${ch}&parentId=${specs.id}`))).toEqual([
			'Drafts & Notes',
			'Spec v2.docx',
		]);
		expect(names(await c().get(ch))).toHaveLength(5);
		expect(names(await c().get(`${team}/files`))).toContain('Review notes 100%.docx');
		const folders = await c().get(`${ch}&foldersOnly=true`);
		expect(names(folders)).toEqual(v >= 7 ? ['Specs', 'Drafts & Notes'] : names(await c().get(ch)));
		const kickoff = root.json.results[1];
		expect(kickoff.channelId).toBe(v >= 7 ? general().id : undefined);
		expect(kickoff.teamId).toBe(v >= 8 ? T.team('phoenix').id : undefined);
		expect(kickoff.uiVersion).toBe(v >= 7 ? '1.0' : undefined);
		const paged = await c().get(`${ch}&offset=1&limit=2`);
		expect(names(paged)).toEqual(['Drafts & Notes', 'Kickoff deck.pptx']);
	});

	test('files: refusals', async () => {
		const bad = await c().get(`${team}/files?channelId=19:nope@thread.tacv2`);
		expect(bad.status).toBe(404);
		const asParent = await c().get(`${team}/files?parentId=${T.file('spec').id}`);
		expect(asParent.status).toBe(400);
		expect(asParent.json.message).toMatch(/parentId .* is a file/);
		const unknown = await c().get(`${team}/files?parentId=00000000-0000-4000-8000-000000000000`);
		expect(unknown.status).toBe(404);
		if (v >= 7) expect((await c().get(`${team}/files?foldersOnly=maybe`)).status).toBe(400);
	});

	test('one file: v6/v7 …/files/{f}, v8 …/channels/{c}/files/{f}; the other shape is 404', async () => {
		const spec = T.file('spec');
		const res = await c().get(one(spec, general()));
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ id: spec.id, name: 'Spec v2.docx', sizeBytes: 58120 });
		expect(res.json._links.self.href).toBe(
			v >= 8
				? `/v8${one(spec, general())}`
				: `/v${v}${one(spec, general())}?channelId=${enc(general().id)}`,
		);
		const other =
			v >= 8
				? `${team}/files/${spec.id}`
				: `${team}/channels/${enc(general().id)}/files/${spec.id}`;
		expect((await c().get(other)).status).toBe(404);
		const wrongChannel = T.channel('phoenix', 'design');
		const wrong =
			v >= 8
				? one(spec, wrongChannel)
				: `${team}/files/${spec.id}?channelId=${enc(wrongChannel.id)}`;
		expect((await c().get(wrong)).status).toBe(404);
	});

	test('versions: v7 …/files/{f}/versions, v8 under the channel, v6 none', async () => {
		const review = T.file('review');
		const design = T.channel('phoenix', 'design');
		const res = await c().get(`${one(review, design)}/versions`);
		if (v === 6) return expect(res.status).toBe(404);
		expect(res.json.results.map((x) => [x.version, x.uiVersion, x.sizeBytes])).toEqual(
			review.versions.map((x) => [x.version, x.uiVersion, x.sizeBytes]),
		);
		const latest = await c().get(one(review, design));
		expect(latest.json.sizeBytes).toBe(31007);
		expect(latest.json.version).toBe(1536);
	});

	test('search: the OneDrive query subset, paged with setId', async () => {
		const search = (q, query = '') => c().post(`${team}/files/search${query}`, { query: q });
		expect(names(await search('filename:*.docx'))).toEqual([
			'Spec v2.docx',
			'Review notes 100%.docx',
		]);
		expect(names(await search('filename:"draft #1 (final?).txt"'))).toEqual([
			'draft #1 (final?).txt',
		]);
		expect(names(await search('notes'))).toEqual(['Drafts & Notes', 'Review notes 100%.docx']);
		expect(names(await search('datemodified:>=2024-04-20'))).toEqual(['Review notes 100%.docx']);
		const first = await search('filename:*.*', '?limit=1');
		expect(first.json.setId).toMatch(GUID);
		expect(first.json._links.next).toBeDefined();
		const second = await search('ignored', `?limit=1&offset=1&setId=${first.json.setId}`);
		expect(second.json.setId).toBe(first.json.setId);
		expect(names(second)).toHaveLength(1);
		expect(names(second)).not.toEqual(names(first));
		expect((await search('a OR b')).status).toBe(400);
		expect((await c().post(`${team}/files/search`)).status).toBe(400);
		const specs = T.folder('phoenix', 'general', 'Specs');
		const scoped = await search(
			'filename:*',
			`?channelId=${enc(general().id)}&parentId=${specs.id}`,
		);
		// v6 has no channelId/parentId on search: the whole team.
		expect(names(scoped)).toEqual(
			v >= 7
				? ['Drafts & Notes', 'Spec v2.docx', 'draft #1 (final?).txt']
				: names(await search('filename:*')),
		);
	});
});

describe('Teams refusals across versions and sessions', () => {
	test('v5 has no Teams routes (404); v6+ refuse other session types and stopped sessions', async () => {
		const v8 = await session(8);
		const rid = v8.split('/')[2];
		const v5 = await clients[5].get(`/RestoreSessions/${rid}/organization/teams`);
		expect(v5.status).toBe(404);
		expect((await clients[5].get('/VetEmailSettings')).status).toBe(404);
		const veod = await session(8, 'Veod');
		const refused = await clients[8].get(veod);
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/type Veod; Teams data requires a Vet session/);
		const missingTeam = await clients[8].get(`${v8}/00000000-0000-4000-8000-000000000000`);
		expect(missingTeam.status).toBe(404);
		await clients[8].post(`/RestoreSessions/${rid}/Stop`);
		const stopped = await clients[8].get(v8);
		expect(stopped.status).toBe(400);
		expect(stopped.json.errorCode).toBe('OperationConflict');
	});
});
