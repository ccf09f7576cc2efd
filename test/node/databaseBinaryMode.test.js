'use strict';
// In n8n's `database` binary mode each file is held in memory and files over
// N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE are refused. The node compares the sizes VB365 lists
// with "Database Mode File Limit (MB)" and fails before downloading anything.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');
const { runOneDrive, oneDriveDocument } = require('../support/onedrive-runs');

const MIB = 1024 * 1024;

afterAll(async () => {
	await shutdownHarness();
});

describe('save in database binary mode', () => {
	let sim;
	beforeAll(async () => {
		// The "large" item: a 3 MiB and a 1 MiB attachment (plus the fixture's own small ones).
		sim = await startSimulator({ profile: '8.x', largeAttachmentSizes: [3 * MIB, 1 * MIB] });
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	const save = (options, output = 'perAttachment') => ({
		resource: 'sharePointItemAttachment',
		operation: 'save',
		...itemParameters(fixtureItem(sim, 'large')),
		output,
		options,
	});

	test('a listed size over the limit fails before the download, naming the setting and the ways out', async () => {
		const result = await runNode(sim, {
			parameters: save({ databaseFileLimitMb: 2 }),
			binaryDataMode: 'database',
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			/"walkthrough-part1\.mp4" is 3 MB, over the 2 MB n8n accepts per file in database binary mode/,
		);
		expect(result.error.message).toMatch(/Database Mode File Limit/);
		expect(result.error.description).toMatch(/N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE/);
		expect(result.error.description).toMatch(/S3 mode/);
		expect(result.error.description).toMatch(/filesystem mode/);
		expect(sim.stats.saves).toBe(0);
	});

	test('the ZIP output counts the whole archive', async () => {
		const result = await runNode(sim, {
			parameters: save({ databaseFileLimitMb: 3.5 }, 'zip'),
			binaryDataMode: 'database',
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/the ZIP archive is 4 MB, over the 3.5 MB/);
		expect(result.error.description).toMatch(/output one item per file/);
		expect(sim.stats.saves).toBe(0);
	});

	test('files under the limit are saved into the database store, byte for byte', async () => {
		const item = fixtureItem(sim, 'large');
		const result = await runNode(sim, {
			parameters: save({ databaseFileLimitMb: 4 }),
			binaryDataMode: 'database',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(item.attachments.length);
		for (const [index, attachment] of item.attachments.entries()) {
			const binary = result.items[index].binary.data;
			expect(binary.id).toMatch(/^database:/);
			expect((await result.readBinary(binary)).equals(sim.attachmentContent(attachment.id))).toBe(
				true,
			);
		}
	});

	test('in filesystem mode the same limit does not apply', async () => {
		const result = await runNode(sim, {
			parameters: save({ databaseFileLimitMb: 2 }),
			binaryDataMode: 'filesystem',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary.data.id).toMatch(/^filesystem/);
		expect(sim.stats.saves).toBe(1);
	});
});

describe('file saves in database binary mode (OneDrive, SharePoint and Teams documents share the check)', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(() => sim.stop());

	test('a OneDrive document listed over the limit fails before its save request', async () => {
		sim.requests.length = 0;
		const budget = oneDriveDocument(sim, 'budget'); // 24,511 bytes
		const result = await runOneDrive(
			sim,
			'v8',
			'save',
			{ documentIds: budget.id, options: { databaseFileLimitMb: 0.02 } },
			{ binaryDataMode: 'database' },
		);
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			/"Budget 2024\.xlsx" is 1 MB, over the 0\.02 MB n8n accepts per file in database binary mode/,
		);
		expect(sim.requests.filter((r) => /\/save$/i.test(r.path))).toEqual([]);
		expect(sim.requests.filter((r) => /\/RestoreSessions\/[^/]+\/stop$/i.test(r.path))).toHaveLength(1);
	});

	test('the same document under the limit is stored in the database, byte for byte', async () => {
		const budget = oneDriveDocument(sim, 'budget');
		const result = await runOneDrive(
			sim,
			'v8',
			'save',
			{ documentIds: budget.id, options: { databaseFileLimitMb: 1 } },
			{ binaryDataMode: 'database' },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary.data.id).toMatch(/^database:/);
		const bytes = await result.readBinary(result.items[0].binary.data);
		expect(bytes.equals(sim.oneDriveContent('budget'))).toBe(true);
	});
});
