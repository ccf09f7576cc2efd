'use strict';
// OneDrive documents in n8n's engine against the simulator: the OneDrive by its owner's address,
// search by name and date, browse a folder by path, save one document as its raw bytes (a .docx,
// which starts like a ZIP), a chosen version, several documents, a folder with its paths, send;
// v8 and v6; v5 refused with the fix.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runningSessions } = require('../support/mail-runs');
const {
	runOneDrive,
	oneDriveDocument,
	oneDriveFolder,
	oneDrive,
} = require('../support/onedrive-runs');

afterAll(async () => {
	await shutdownHarness();
});

const veod = (sim) => runningSessions(sim, 'Veod');

describe.each([['v8'], ['v6']])('OneDrive documents against a %s server', (apiVersion) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: apiVersion === 'v8' ? '8.x' : '6.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.outbox.length = 0;
		sim.requests.length = 0;
		sim.setEmailSettings(true);
	});

	test('finds the OneDrive by owner address (past the first page) and a file by name and date', async () => {
		const result = await runOneDrive(sim, apiVersion, 'search', {
			fileName: 'Budget 2024.xlsx',
			modifiedAfter: '2024-05-01T00:00:00Z',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const budget = oneDriveDocument(sim, 'budget');
		expect(result.items.map((item) => item.json.id)).toEqual([budget.id]);
		expect(result.items[0].json).toMatchObject({
			name: 'Budget 2024.xlsx',
			sizeBytes: 24511,
			oneDriveId: oneDrive(sim, 'anna').id,
			ownerEmail: 'anna.meier@contoso.com',
			pointInTime: 'latest',
			query: 'filename:"Budget 2024.xlsx" AND datemodified:>=2024-05-01',
		});
		expect(result.items[0].json._links).toBeUndefined();
		const pages = sim.requests.filter((r) => r.method === 'GET' && /\/OneDrives$/i.test(r.path));
		expect(pages.map((r) => new URLSearchParams(r.query).get('offset'))).toEqual(['0', '1000']);
		expect(veod(sim)).toEqual([]);
	});

	test('Get Many browses a nested folder given by path: folders first, then documents', async () => {
		const result = await runOneDrive(sim, apiVersion, 'getAll', {
			documentFolderId: { __rl: true, mode: 'path', value: 'projects/Fabrikam' },
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.name, item.json.isFolder])).toEqual([
			['Contracts', true],
			['Contoso NDA.docx', false],
			['notes 100% final; v2.txt', false],
		]);
		expect(result.items[0].json.folderId).toBe(oneDriveFolder(sim, 'anna:Projects/Fabrikam').id);
	});

	test('a folder path that does not exist names the folders that do', async () => {
		const result = await runOneDrive(sim, apiVersion, 'getAll', {
			documentFolderId: { __rl: true, mode: 'path', value: 'Projects/Contoso' },
			returnAll: true,
		});
		expect(result.error.message).toMatch(
			/There is no folder "Contoso" in "Projects" \[parameter "Folder"\]/,
		);
		expect(result.error.description).toMatch(/Fabrikam/);
		expect(veod(sim)).toEqual([]);
	});

	test('saves one .docx as its raw bytes (asZip false; not unpacked though it starts like a ZIP)', async () => {
		const nda = oneDriveDocument(sim, 'nda');
		const result = await runOneDrive(sim, apiVersion, 'save', { documentIds: nda.id });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [output] = result.items;
		expect(output.binary.data.fileName).toBe('Contoso NDA.docx');
		const bytes = await result.readBinary(output.binary.data);
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
		expect(bytes.equals(sim.oneDriveContent('nda'))).toBe(true);
		const save = sim.requests.find((r) => /\/save$/i.test(r.path));
		expect(save.path).toMatch(new RegExp(`/Documents/${nda.id}/save$`));
		expect(save.body).toEqual({ asZip: false });
		expect(output.json).toMatchObject({
			documentId: nda.id,
			apiVersion,
			fileSize: expect.anything(),
		});
		expect(output.json.summary).toMatch(
			/^Restored 1 document from the OneDrive of anna\.meier@contoso\.com as of the latest backup/,
		);
		expect(veod(sim)).toEqual([]);
	});

	test('saves an earlier version: its own bytes, not the latest', async () => {
		const budget = oneDriveDocument(sim, 'budget');
		const result = await runOneDrive(sim, apiVersion, 'save', {
			documentIds: budget.id,
			versionId: '1024',
		});
		expect(result.error).toBeUndefined();
		const bytes = await result.readBinary(result.items[0].binary.data);
		expect(bytes.length).toBe(21877);
		expect(bytes.equals(sim.oneDriveContent('budget', 1024))).toBe(true);
		expect(bytes.equals(sim.oneDriveContent('budget'))).toBe(false);
		expect(result.items[0].json.versionId).toBe('1024');
	});

	test('several documents come as one item each, byte-equal', async () => {
		const keys = ['budget', 'memo', 'contract'];
		const ids = keys.map((key) => oneDriveDocument(sim, key).id);
		const result = await runOneDrive(sim, apiVersion, 'save', { documentIds: ids.join(',\n') });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.binary.data.fileName)).toEqual([
			'Budget 2024.xlsx',
			'見積書 メモ.txt',
			'Vertrag #3 – Entwurf (final).pdf',
		]);
		for (const [index, key] of keys.entries()) {
			const bytes = await result.readBinary(result.items[index].binary.data);
			expect(bytes.equals(sim.oneDriveContent(key))).toBe(true);
		}
	});

	test('two documents with the same name (from different folders) both come, byte-equal', async () => {
		const keys = ['budget', 'oldBudget'];
		const ids = keys.map((key) => oneDriveDocument(sim, key).id);
		const result = await runOneDrive(sim, apiVersion, 'save', { documentIds: ids });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.documentId)).toEqual(ids);
		for (const [index, key] of keys.entries()) {
			const bytes = await result.readBinary(result.items[index].binary.data);
			expect(bytes.equals(sim.oneDriveContent(key))).toBe(true);
		}
	});

	test('a folder comes unpacked, every file with its folder path', async () => {
		const result = await runOneDrive(sim, apiVersion, 'save', {
			saveWhat: 'folder',
			documentFolderId: { __rl: true, mode: 'path', value: 'Projects' },
		});
		expect(result.error).toBeUndefined();
		const files = result.items.map((item) => [item.json.folderPath, item.binary.data.fileName]);
		expect(files.sort()).toEqual(
			[
				['Projects', 'Site photo.png'],
				['Projects/Fabrikam', 'Contoso NDA.docx'],
				['Projects/Fabrikam', 'notes 100% final; v2.txt'],
				['Projects/Fabrikam/Contracts', 'Vertrag #3 – Entwurf (final).pdf'],
				['Projects/Fabrikam/Contracts', '見積書 メモ.txt'],
			].sort(),
		);
		const memo = result.items.find((item) => item.binary.data.fileName === '見積書 メモ.txt');
		expect(memo.binary.data.directory).toBe('Projects/Fabrikam/Contracts');
		expect((await result.readBinary(memo.binary.data)).equals(sim.oneDriveContent('memo'))).toBe(
			true,
		);
		expect(veod(sim)).toEqual([]);
	});

	test('several folders in one request, and the whole OneDrive, each file with its path', async () => {
		const ids = ['anna:Archive', 'anna:Projects/Fabrikam/Contracts'].map(
			(key) => oneDriveFolder(sim, key).id,
		);
		const folders = await runOneDrive(sim, apiVersion, 'save', {
			saveWhat: 'folders',
			folderIds: ids.join('\n'),
		});
		expect(folders.error).toBeUndefined();
		const paths = (result) =>
			result.items.map((item) => `${item.json.folderPath}|${item.binary.data.fileName}`).sort();
		expect(paths(folders)).toEqual(
			[
				'Archive|Budget 2024.xlsx',
				'Contracts|Vertrag #3 – Entwurf (final).pdf',
				'Contracts|見積書 メモ.txt',
			].sort(),
		);
		const body = sim.requests.find((r) => /\/Folders\/save$/.test(r.path)).body;
		expect(body.folders.map((folder) => [folder.id, folder.name])).toEqual([
			[ids[0], 'Archive'],
			[ids[1], 'Contracts'],
		]);
		expect(folders.items[0].json.summary).toMatch(/^Restored 2 folders from the OneDrive of/);

		const whole = await runOneDrive(sim, apiVersion, 'save', { saveWhat: 'oneDrive' });
		expect(whole.error).toBeUndefined();
		expect(paths(whole)).toEqual(
			[
				'|Budget 2024.xlsx',
				'Archive|Budget 2024.xlsx',
				'Projects|Site photo.png',
				'Projects/Fabrikam|Contoso NDA.docx',
				'Projects/Fabrikam|notes 100% final; v2.txt',
				'Projects/Fabrikam/Contracts|Vertrag #3 – Entwurf (final).pdf',
				'Projects/Fabrikam/Contracts|見積書 メモ.txt',
			].sort(),
		);
		const archived = whole.items.find((item) => item.json.folderPath === 'Archive');
		expect(
			(await whole.readBinary(archived.binary.data)).equals(sim.oneDriveContent('oldBudget')),
		).toBe(true);
		expect(veod(sim)).toEqual([]);
	});

	test('sends the whole OneDrive to an address', async () => {
		const result = await runOneDrive(sim, apiVersion, 'send', {
			saveWhat: 'oneDrive',
			to: 'helpdesk@contoso.com',
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox.map((mail) => [mail.kind, mail.to, mail.attachments.length])).toEqual([
			['oneDriveSend', 'helpdesk@contoso.com', 7],
		]);
		expect(result.items[0].json).toMatchObject({ sent: true, wholeOneDrive: true });
		expect(result.items[0].json.summary).toMatch(/^Sent the whole OneDrive/);
	});

	test('sends a document to the owner when To is empty; the server got to, subject and text', async () => {
		const nda = oneDriveDocument(sim, 'nda');
		const result = await runOneDrive(sim, apiVersion, 'send', {
			documentIds: nda.id,
			subject: 'Your restored NDA',
			text: 'As requested in ticket 4711.',
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			kind: 'oneDriveSend',
			to: 'anna.meier@contoso.com',
			subject: 'Your restored NDA',
			text: 'As requested in ticket 4711.',
			documentIds: [nda.id],
		});
		expect(result.items[0].json).toMatchObject({ sent: true, to: 'anna.meier@contoso.com' });
		expect(veod(sim)).toEqual([]);
	});

	test('sending with unconfigured OneDrive email settings fails before the send, with the fix', async () => {
		sim.setEmailSettings(false);
		const result = await runOneDrive(sim, apiVersion, 'send', {
			documentIds: oneDriveDocument(sim, 'nda').id,
			to: 'helpdesk@contoso.com',
		});
		expect(result.error.message).toMatch(/cannot send email/);
		expect(result.error.description).toMatch(/VeodEmailSettings/);
		expect(sim.outbox).toHaveLength(0);
		expect(veod(sim)).toEqual([]);
	});
});

describe('OneDrive documents against a v5 server', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '5.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('are refused with the fix: OneDrive restore sessions need REST v6 or later', async () => {
		const result = await runOneDrive(sim, 'v5', 'search', { fileName: 'Budget*' });
		expect(result.error).toBeDefined();
		expect(`${result.error.message} ${result.error.description ?? ''}`).toMatch(/v6 or later/);
		expect(sim.requests.filter((r) => /OneDrives/i.test(r.path))).toEqual([]);
	});
});
