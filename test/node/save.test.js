'use strict';
const yauzl = require('yauzl');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

const SERVERS = [
	{ label: 'v5 (Action endpoint)', profile: '5.0', apiVersion: 'v5' },
	{ label: 'v8 (split endpoints)', profile: '8.x', apiVersion: 'v8' },
];

function unzipAll(buffer) {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
			if (error) return reject(error);
			const entries = {};
			zip.on('entry', (entry) => {
				zip.openReadStream(entry, (openError, stream) => {
					if (openError) return reject(openError);
					const chunks = [];
					stream.on('data', (chunk) => chunks.push(chunk));
					stream.on('end', () => {
						entries[entry.fileName] = Buffer.concat(chunks);
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(entries));
			zip.readEntry();
		});
	});
}

afterAll(async () => {
	await shutdownHarness();
});

describe.each(SERVERS)('Save against a $label server', ({ profile, apiVersion }) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.faults.clear();
		sim.requests.length = 0;
	});

	const credential = { apiVersion };

	test('one item per attachment: each file byte-equal to the backup, with name, MIME type and context', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item) },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(item.attachments.length);
		for (const [index, attachment] of item.attachments.entries()) {
			const output = result.items[index];
			expect(output.json).toMatchObject({
				id: attachment.id,
				name: attachment.name,
				sizeBytes: attachment.sizeBytes,
				fileName: attachment.name,
				restoreSessionId: item.restoreSessionId,
				siteId: item.siteId,
				itemId: item.id,
				apiVersion,
			});
			expect(output.pairedItem).toEqual({ item: 0 });
			expect(output.binary.data.fileName).toBe(attachment.name);
			const bytes = await result.readBinary(output.binary.data);
			expect(bytes.equals(sim.attachmentContent(attachment.id))).toBe(true);
		}
		expect(result.items[0].binary.data.mimeType).toBe('application/pdf');
		expect(result.items[3].binary.data.mimeType).toBe('text/plain');
	});

	test('all attachments on one item: one binary field per file', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential,
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				...itemParameters(item),
				output: 'perItem',
				binaryPropertyName: 'file',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [output] = result.items;
		expect(Object.keys(output.binary)).toEqual(['file_0', 'file_1', 'file_2', 'file_3']);
		expect(output.json.attachments.map((entry) => entry.binaryPropertyName)).toEqual(['file_0', 'file_1', 'file_2', 'file_3']);
		for (const [index, attachment] of item.attachments.entries()) {
			const bytes = await result.readBinary(output.binary[`file_${index}`]);
			expect(bytes.equals(sim.attachmentContent(attachment.id))).toBe(true);
		}
	});

	test('ZIP as returned: a valid archive holding every file', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item), output: 'zip' },
		});
		expect(result.error).toBeUndefined();
		const [output] = result.items;
		expect(output.binary.data.mimeType).toBe('application/zip');
		expect(output.binary.data.fileName).toMatch(/\.zip$/);
		const entries = await unzipAll(await result.readBinary(output.binary.data));
		expect(Object.keys(entries).sort()).toEqual(item.attachments.map((a) => a.name).sort());
		for (const attachment of item.attachments) {
			expect(entries[attachment.name].equals(sim.attachmentContent(attachment.id))).toBe(true);
		}
	});

	test('selected by name (case-insensitive) and by ID', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const [pdf, , png] = item.attachments;
		const byName = await runNode(sim, {
			credential,
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				...itemParameters(item),
				attachmentSelection: 'byName',
				attachmentNames: [png.name.toUpperCase()],
			},
		});
		expect(byName.error).toBeUndefined();
		expect(byName.items.map((entry) => entry.json.name)).toEqual([png.name]);
		expect((await byName.readBinary(byName.items[0].binary.data)).equals(sim.attachmentContent(png.id))).toBe(true);

		const byId = await runNode(sim, {
			credential,
			parameters: {
				resource: 'sharePointItemAttachment',
				operation: 'save',
				...itemParameters(item),
				attachmentSelection: 'byId',
				attachmentIds: `${png.id}, ${pdf.id}`,
			},
		});
		expect(byId.error).toBeUndefined();
		expect(byId.items.map((entry) => entry.json.id)).toEqual([png.id, pdf.id]);
	});

	test('awkward file names arrive intact or safely cleaned, zero-byte file included', async () => {
		const item = fixtureItem(sim, 'tricky');
		const result = await runNode(sim, {
			credential,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item) },
		});
		expect(result.error).toBeUndefined();
		const names = result.items.map((entry) => entry.binary.data.fileName);
		expect(names).toContain('Angebot Müller – 2024.pdf');
		expect(names).toContain('見積書.xlsx');
		expect(names).toContain('minutes; final.txt');
		expect(names).toContain('rate=100% approved.txt');
		expect(names.some((name) => name.includes('"') || name.includes('/'))).toBe(false);
		for (const entry of result.items) {
			const bytes = await result.readBinary(entry.binary.data);
			expect(bytes.equals(sim.attachmentContent(entry.json.id))).toBe(true);
		}
		const empty = result.items.find((entry) => entry.json.name === 'empty.txt');
		expect(empty.json.sizeBytes).toBe(0);
	});

	test('Simplify: file name, size and a summary a ticket can take as is', async () => {
		const item = fixtureItem(sim, 'helpdesk');
		const result = await runNode(sim, {
			credential,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item), simplify: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			fileName: 'ACME-42 Signed Contract.pdf',
			sizeBytes: 183211,
			summary: expect.stringMatching(/^Restored 4 attachments \(.+\) \(restore session 9f786f0f-[^)]+\): ACME-42 Signed Contract\.pdf \(183 kB\), /),
		});
		expect(result.items[0].binary.data.fileName).toBe('ACME-42 Signed Contract.pdf');
	});

	test('an item without attachments fails clearly', async () => {
		const item = fixtureItem(sim, 'noAttachments');
		const result = await runNode(sim, {
			credential,
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item) },
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/no attachments/);
	});
});

test('v8 names only the chosen attachments in the save request; v5 asks for all and keeps the chosen', async () => {
	for (const { profile, apiVersion } of SERVERS) {
		const sim = await startSimulator({ profile });
		try {
			const item = fixtureItem(sim, 'helpdesk');
			const png = item.attachments[2];
			const result = await runNode(sim, {
				credential: { apiVersion },
				parameters: {
					resource: 'sharePointItemAttachment',
					operation: 'save',
					...itemParameters(item),
					attachmentSelection: 'byId',
					attachmentIds: [png.id],
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			const save = sim.requests.find((request) => request.method === 'POST' && /attachments\/(save|action)$/i.test(request.path));
			expect(save.body).toEqual(apiVersion === 'v8' ? { attachments: [{ id: png.id }] } : { save: null });
		} finally {
			await sim.stop();
		}
	}
});
