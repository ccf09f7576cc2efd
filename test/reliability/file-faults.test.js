'use strict';
// Server failures during the saves and sends of the file services (OneDrive, SharePoint and Teams
// documents), in n8n's engine against the simulator: a raw file cut short, a connection reset
// mid-file, a corrupted folder archive, a 503 before the save, a 500 on a send. Each must fail the
// item whole (no file passed on), retry what is safe to retry, never send twice, and stop the
// restore session the node started.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runOneDrive, oneDriveDocument } = require('../support/onedrive-runs');
const { runSiteDocument, byUrl } = require('../support/sharepoint-document-runs');
const { rl, runTeams, teamsFile } = require('../support/teams-runs');
const { expectFailedCleanly } = require('./operations');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});
beforeEach(() => {
	sim.reset();
	sim.faults.clear();
	sim.setEmailSettings(true);
});

const running = () =>
	[...sim.state.sessions.values()].filter(
		(s) => s.state !== 'Stopped' && s.id !== sim.fixture.restoreSession.id,
	);
const saves = (path) => sim.requests.filter((r) => r.method === 'POST' && path.test(r.path));

const NDA_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Legal/Shared%20Documents/NDA/Contoso%20NDA.docx';

/** One raw-file save per service, and how to check its bytes. */
const RAW_SAVES = [
	{
		service: 'OneDrive',
		path: /\/Documents\/[^/]+\/save$/,
		run: (options = {}) =>
			runOneDrive(sim, 'v8', 'save', {
				documentIds: oneDriveDocument(sim, 'nda').id,
				options,
			}),
		bytes: () => sim.oneDriveContent('nda'),
	},
	{
		service: 'SharePoint',
		path: /\/Documents\/[^/]+\/save$/,
		run: (options = {}) =>
			runSiteDocument(sim, 'v8', 'save', { sharePointDocument: byUrl(NDA_URL), options }),
		bytes: () => sim.siteDocumentContent('nda'),
	},
	{
		service: 'Teams',
		path: /\/channels\/[^/]+\/files\/[^/]+\/save$/,
		run: (options = {}) =>
			runTeams(sim, 'v8', 'save', { teamsFileIds: teamsFile(sim, 'kickoff').id, options }),
		bytes: () => sim.teamsFileContent('kickoff'),
	},
];

describe.each(RAW_SAVES.map((save) => [save.service, save]))('%s raw-file save', (_, save) => {
	test('a file the server ends early is refused, not passed on as a shorter file', async () => {
		sim.faults.add({ path: save.path.source, truncateAfterBytes: 1000 });
		const result = await save.run({ retries: 0 });
		expectFailedCleanly(result, /incomplete: the answer ended after 1000 of its \d+ bytes/);
		expect(running()).toEqual([]);
	});

	test('a connection reset mid-file fails the item cleanly; the next run gets the whole file', async () => {
		sim.faults.add({ path: save.path.source, resetAfterBytes: 2000, times: 1 });
		expectFailedCleanly(await save.run({ retries: 2 }), /interrupted/i);
		const again = await save.run();
		expect(again.error).toBeUndefined();
		expect((await again.readBinary(again.items[0].binary.data)).equals(save.bytes())).toBe(true);
		expect(running()).toEqual([]);
	});

	test('a 503 before the save is retried; with retries off it fails with the status', async () => {
		sim.faults.add({ path: save.path.source, status: 503, times: 1 });
		const retried = await save.run({ retries: 1 });
		expect(retried.error).toBeUndefined();
		sim.faults.add({ path: save.path.source, status: 503, times: 1 });
		expectFailedCleanly(await save.run({ retries: 0 }), /503|unavailable/i);
		expect(running()).toEqual([]);
	});
});

test('a Teams archive with a damaged file fails whole: no file of it is passed on', async () => {
	sim.faults.add({ path: '/files/save$', corruptEntryDataAt: 10 });
	const ids = ['kickoff', 'spec'].map((key) => teamsFile(sim, key).id);
	const result = await runTeams(sim, 'v8', 'save', {
		teamsFileIds: ids.join(','),
		options: { retries: 0 },
	});
	expectFailedCleanly(result, /CRC|corrupt|invalid|inflate|damaged/i);
	expect(running()).toEqual([]);
});

test('a OneDrive folder archive cut short fails whole', async () => {
	sim.faults.add({ path: '/Folders/[^/]+/save$', truncateAfterBytes: 500 });
	const result = await runOneDrive(sim, 'v8', 'save', {
		saveWhat: 'folder',
		documentFolderId: { __rl: true, mode: 'path', value: 'Projects' },
		options: { retries: 0 },
	});
	expectFailedCleanly(result, /ended|short|incomplete|archive|ZIP/i);
	expect(running()).toEqual([]);
});

describe.each([
	[
		'OneDrive',
		'/Documents/[^/]+/send$',
		() => runOneDrive(sim, 'v8', 'send', { documentIds: oneDriveDocument(sim, 'nda').id }),
	],
	[
		'Teams',
		'/files/[^/]+/send$',
		() =>
			runTeams(sim, 'v8', 'send', {
				teamsFileIds: teamsFile(sim, 'kickoff').id,
				to: 'requester@contoso.com',
			}),
	],
	[
		'SharePoint',
		'/Documents/[^/]+/send$',
		() =>
			runSiteDocument(sim, 'v8', 'send', {
				sharePointDocument: byUrl(NDA_URL),
				to: 'requester@contoso.com',
			}),
	],
])('%s send', (_, path, run) => {
	test('a 500 on the send is not repeated: one request, nothing sent twice, a clear error', async () => {
		sim.faults.add({ path, status: 500, times: 1 });
		const result = await run();
		expectFailedCleanly(result, /500|server/i);
		expect(saves(new RegExp(path))).toHaveLength(1);
		expect(sim.outbox).toHaveLength(0);
		expect(running()).toEqual([]);
	});

	test('a connection dropped after the send is not repeated either (the mail may be out)', async () => {
		sim.faults.add({ path, dropConnection: true, times: 1 });
		const result = await run();
		expect(result.error ?? result.items[0]?.json?.error).toBeDefined();
		expect(saves(new RegExp(path))).toHaveLength(1);
		expect(running()).toEqual([]);
	});
});
