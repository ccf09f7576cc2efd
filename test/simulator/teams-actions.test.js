'use strict';
// Teams file actions in the simulator over real HTTPS: one-file saves (raw and ZIP) on the v6/v7
// and v8 path shapes, several-file saves (files, folders with nested awkward paths, a whole
// channel), sends into the outbox, and the Vet email settings with their configured switch.
const { startSimulator } = require('../../tools/simulator');
const { client, unzip } = require('../../tools/simulator/client');

let sim;
let T;
const clients = {};
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all' });
	T = sim.fixture.teams;
	for (const v of [6, 7, 8]) clients[v] = await client(sim, v);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const enc = encodeURIComponent;
const listed = (file) => ({ id: file.id, name: file.name, channelId: file.channelId });

describe.each([6, 7, 8])('Teams actions, v%i', (v) => {
	let team;
	const c = () => clients[v];
	const general = () => T.channel('phoenix', 'general');
	const design = () => T.channel('phoenix', 'design');
	const one = (file, channel) =>
		v >= 8 ? `${team}/channels/${enc(channel.id)}/files/${file.id}` : `${team}/files/${file.id}`;
	beforeEach(async () => {
		const org = sim.fixture.organization('contoso');
		const s = await c().post(`/Organizations/${org.id}/explore`, { type: 'Vet' });
		team = `/RestoreSessions/${s.json.id}/organization/teams/${T.team('phoenix').id}`;
	});

	test('save one file raw: the exact bytes, octet-stream, Content-Disposition', async () => {
		const res = await c().post(`${one(T.file('review'), design())}/save`, { asZip: false });
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/octet-stream');
		expect(res.headers['content-disposition']).toBe(
			"attachment; filename*=UTF-8''Review%20notes%20100%25.docx",
		);
		expect(res.body.equals(sim.teamsFileContent('review'))).toBe(true);
		expect(res.body.equals(sim.teamsFileContent('review', 512))).toBe(false);
	});

	test('save one file as ZIP: one entry with the name and the bytes', async () => {
		const res = await c().post(`${one(T.file('draft'), general())}/save`, { asZip: true });
		const entries = await unzip(res.body);
		expect(entries.map((e) => [e.name, e.crcOk])).toEqual([['draft #1 (final?).txt', true]]);
		expect(entries[0].data.equals(sim.teamsFileContent('draft'))).toBe(true);
	});

	test('save one: refusals and the other path shape (404)', async () => {
		const spec = T.file('spec');
		const folder = await c().post(
			`${one(T.folder('phoenix', 'general', 'Specs'), general())}/save`,
			{
				asZip: false,
			},
		);
		expect(folder.status).toBe(400);
		expect(folder.json.message).toMatch(/is a folder.*files\/save/);
		expect((await c().post(`${one(spec, general())}/save`)).status).toBe(400);
		expect((await c().post(`${one(spec, general())}/save`, { asZip: 'yes' })).status).toBe(400);
		const other =
			v >= 8
				? `${team}/files/${spec.id}`
				: `${team}/channels/${enc(general().id)}/files/${spec.id}`;
		expect((await c().post(`${other}/save`, { asZip: false })).status).toBe(404);
		expect((await c().post(`${other}/send`, { to: 'a@contoso.com' })).status).toBe(404);
		if (v >= 8) {
			const wrong = await c().post(`${one(spec, design())}/save`, { asZip: false });
			expect(wrong.status).toBe(404);
		}
	});

	test('save a whole channel: nested paths with awkward names, empty folders kept', async () => {
		const res = await c().post(`${team}/files/save`, { channelId: general().id });
		expect(res.status).toBe(200);
		expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''General.zip");
		const entries = await unzip(res.body);
		expect(entries.map((e) => e.name)).toEqual([
			'Specs/',
			'Specs/Drafts & Notes/',
			'Kickoff deck.pptx',
			'Specs/Spec v2.docx',
			'Specs/Drafts & Notes/draft #1 (final?).txt',
		]);
		const draft = entries.find((e) => e.name.endsWith('.txt'));
		expect(draft.data.equals(sim.teamsFileContent('draft'))).toBe(true);
		expect(entries.every((e) => e.crcOk && e.utf8)).toBe(true);
	});

	test('save files and a folder from two channels; duplicates collapse', async () => {
		const specs = T.folder('phoenix', 'general', 'Specs');
		const files = [listed(T.file('review')), listed(specs), listed(T.file('review'))];
		const res = await c().post(`${team}/files/save`, { files });
		expect(res.headers['content-disposition']).toBe(
			"attachment; filename*=UTF-8''Project%20Phoenix.zip",
		);
		const entries = await unzip(res.body);
		expect(entries.map((e) => e.name)).toEqual([
			'Specs/',
			'Specs/Drafts & Notes/',
			'Review notes 100%.docx',
			'Specs/Spec v2.docx',
			'Specs/Drafts & Notes/draft #1 (final?).txt',
		]);
		const review = entries.find((e) => e.name === 'Review notes 100%.docx');
		expect(review.data.equals(sim.teamsFileContent('review'))).toBe(true);
	});

	test('save several: validation as the spec requires', async () => {
		const save = (body) => c().post(`${team}/files/save`, body);
		expect((await save({})).json.message).toMatch(/give files .* or channelId/);
		expect((await save({ files: [{ name: 'x' }] })).json.message).toMatch(/files\[0\]\.id/);
		const noChannel = await save({ files: [{ id: T.file('spec').id }] });
		if (v >= 8) {
			expect(noChannel.status).toBe(400);
			expect(noChannel.json.message).toMatch(/files\[0\]\.channelId is required/);
		} else expect(noChannel.status).toBe(200);
		const otherTeam = await save({ files: [listed(T.file('pipeline'))] });
		expect(otherTeam.status).toBe(404);
		const mixed = await save({ channelId: design().id, files: [listed(T.file('spec'))] });
		expect(mixed.status).toBe(400);
		expect((await save({ files: 'all' })).status).toBe(400);
	});

	test('send one and several: outbox entries; v6/v7 200 empty, v8 204', async () => {
		const message = { to: 'anna.meier@contoso.com', subject: 'Files', text: 'Restored.' };
		const r1 = await c().post(`${one(T.file('kickoff'), general())}/send`, message);
		expect(r1.status).toBe(v >= 8 ? 204 : 200);
		expect(r1.body).toHaveLength(0);
		const specs = T.folder('phoenix', 'general', 'Specs');
		const r2 = await c().post(`${team}/files/send`, {
			files: [listed(specs), listed(T.file('kickoff'))],
			from: 'backup@contoso.com',
			...message,
		});
		expect(r2.status).toBe(v >= 8 ? 204 : 200);
		const [first, second] = sim.outbox;
		expect(first).toMatchObject({
			kind: 'teamsSend',
			to: 'anna.meier@contoso.com',
			from: sim.state.vetEmail.from,
			subject: 'Files',
			teamId: T.team('phoenix').id,
			channelId: general().id,
			attachments: [{ id: T.file('kickoff').id, name: 'Kickoff deck.pptx', sizeBytes: 412880 }],
			apiVersion: v,
		});
		expect(second.from).toBe('backup@contoso.com');
		expect(second.channelId).toBe(general().id);
		expect(second.attachments.map((a) => a.name)).toEqual([
			'Spec v2.docx',
			'draft #1 (final?).txt',
			'Kickoff deck.pptx',
		]);
	});

	test('send refusals: bad address, unconfigured Vet settings', async () => {
		const send = (body) => c().post(`${team}/files/send`, { channelId: design().id, ...body });
		const bad = await send({ to: 'Anna <anna@contoso.com>' });
		expect(bad.status).toBe(400);
		expect(bad.json.message).toMatch(/\(to\)/);
		sim.setEmailSettings(false);
		const refused = await send({ to: 'anna@contoso.com' });
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/not configured .*VetEmailSettings/);
		expect(sim.outbox).toHaveLength(0);
	});

	test('VetEmailSettings: GET, PUT (only Vet changes), test send on its versioned path', async () => {
		const test = v >= 8 ? '/VetEmailSettings/SendTestEmail' : '/VetEmailSettings/sendTest';
		const otherTest = v >= 8 ? '/VetEmailSettings/sendTest' : '/VetEmailSettings/SendTestEmail';
		sim.setEmailSettings(false);
		expect((await c().post(test, { email: 'ops@contoso.com' })).status).toBe(400);
		const got = await c().get('/VetEmailSettings');
		expect(got.json.enableNotification).toBe(false);
		expect(got.json._actions.sendTestEmail.uri).toBe(`/v${v}${test}`);
		const put = await c().put('/VetEmailSettings', {
			enableNotification: true,
			server: 'smtp.contoso.com',
			from: 'teams-restore@contoso.com',
		});
		expect(put.status).toBe(v >= 8 ? 204 : 200);
		expect((await c().get('/VetEmailSettings')).json.from).toBe('teams-restore@contoso.com');
		expect((await c().get('/VespEmailSettings')).json.from).not.toBe('teams-restore@contoso.com');
		expect((await c().put('/VetEmailSettings', { from: 'nope' })).status).toBe(400);
		const sent = await c().post(test, { email: 'ops@contoso.com' });
		expect(sent.status).toBe(v >= 8 ? 204 : 200);
		expect(sim.outbox[0]).toMatchObject({ test: true, from: 'teams-restore@contoso.com' });
		expect((await c().post(otherTest, { email: 'ops@contoso.com' })).status).toBe(404);
		const ok = await c().post(`${team}/files/send`, {
			channelId: design().id,
			to: 'a@contoso.com',
		});
		expect(ok.status).toBe(v >= 8 ? 204 : 200);
		expect(sim.outbox[1].from).toBe('teams-restore@contoso.com');
	});
});
