'use strict';
// Exchange mail items in n8n's engine against the simulator: find the mailbox by address, search
// the deleted mail, save it as a real .msg file, send it back; v8 (split endpoints) and v5
// (Action endpoints: save only, the rest refused).
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runMail, readMsg, mailItem, mailbox, runningSessions } = require('../support/mail-runs');

afterAll(async () => {
	await shutdownHarness();
});

describe('Mail items against a v8 server', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '8.x' });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		sim.outbox.length = 0;
		sim.requests.length = 0;
		sim.setEmailSettings(true);
	});

	test('finds the mailbox by address (past the first page) and the deleted mail by subject and date', async () => {
		const result = await runMail(sim, 'v8', 'search', {
			subject: 'NDA',
			from: 'Contoso Legal',
			receivedAfter: '2024-04-30T00:00:00Z',
			receivedBefore: '2024-04-30T23:59:59Z',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const nda = mailItem(sim, 'nda');
		expect(result.items.map((item) => item.json.id)).toEqual([nda.id]);
		expect(result.items[0].json).toMatchObject({
			subject: 'NDA for the Fabrikam project',
			mailboxId: mailbox(sim, 'anna').id,
			mailboxEmail: 'anna.meier@contoso.com',
			pointInTime: 'latest',
			query:
				'subject:NDA AND from:"Contoso Legal" AND received:>=2024-04-30 AND received:<=2024-04-30',
		});
		expect(result.items[0].json._links).toBeUndefined();
		const mailboxPages = sim.requests.filter(
			(r) => r.method === 'GET' && /\/Mailboxes$/i.test(r.path),
		);
		expect(mailboxPages.map((r) => new URLSearchParams(r.query).get('offset'))).toEqual([
			'0',
			'1000',
		]);
		expect(runningSessions(sim)).toEqual([]);
	});

	test('search pages reuse the setId of the first answer', async () => {
		const result = await runMail(sim, 'v8', 'search', {
			rawQuery: 'received:>=2024-01-01',
			limit: 2,
			returnAll: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		const all = await runMail(sim, 'v8', 'search', {
			rawQuery: 'received:>=2024-01-01',
			returnAll: true,
		});
		expect(all.items).toHaveLength(5);
	});

	test('a folder narrows the search; the Recoverable Items mail is found by name of the folder', async () => {
		const result = await runMail(sim, 'v8', 'search', {
			folderId: { __rl: true, mode: 'name', value: 'Recoverable Items' },
			subject: 'budget',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.subject)).toEqual(['Q2 budget draft']);
	});

	test('Get Many lists a folder (v7+ parentId)', async () => {
		const folder = sim.fixture.exchange.byKey.folder['anna:inbox'];
		const result = await runMail(sim, 'v8', 'getAll', {
			folderId: { __rl: true, mode: 'id', value: folder.id },
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.subject).sort()).toEqual([
			'Lunch on Friday?',
			'Welcome to the Fabrikam project',
		]);
		const list = sim.requests.find((r) => /\/Items$/i.test(r.path));
		expect(new URLSearchParams(list.query).get('parentId')).toBe(folder.id);
	});

	test('saves one mail as a real .msg file that a reader parses to its subject, sender and body', async () => {
		const nda = mailItem(sim, 'nda');
		const result = await runMail(sim, 'v8', 'saveAsMsg', { mailItemIds: nda.id });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [output] = result.items;
		expect(output.binary.data.fileName).toBe('NDA for the Fabrikam project.msg');
		const msg = readMsg(await result.readBinary(output.binary.data));
		expect(msg).toEqual({
			subject: nda.subject,
			senderName: 'Contoso Legal',
			senderEmail: 'legal@contoso.com',
			body: nda.body,
		});
		expect(output.json).toMatchObject({
			itemId: nda.id,
			mailboxId: mailbox(sim, 'anna').id,
			apiVersion: 'v8',
		});
		expect(output.json.summary).toMatch(
			/^Restored 1 mail item of anna\.meier@contoso\.com from the latest backup/,
		);
		expect(runningSessions(sim)).toEqual([]);
	});

	test('saves several mails: the archive is unpacked into one item per .msg file', async () => {
		const ids = [mailItem(sim, 'nda').id, mailItem(sim, 'budget').id];
		const result = await runMail(sim, 'v8', 'saveAsMsg', { mailItemIds: ids.join(', ') });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.itemId)).toEqual(ids);
		const subjects = [];
		for (const item of result.items)
			subjects.push(readMsg(await result.readBinary(item.binary.data)).subject);
		expect(subjects).toEqual(['NDA for the Fabrikam project', 'Q2 budget draft']);
		const zip = await runMail(sim, 'v8', 'saveAsMsg', { mailItemIds: ids, output: 'zip' });
		expect(zip.items).toHaveLength(1);
		expect(zip.items[0].binary.data.mimeType).toBe('application/zip');
	});

	test('Max Total Size caps a .msg whose size VB365 does not list', async () => {
		const result = await runMail(sim, 'v8', 'saveAsMsg', {
			mailItemIds: mailItem(sim, 'nda').id,
			options: { maxTotalSizeMb: 0.001 },
		});
		expect(result.status).toBe('error');
		expect(`${result.error.message} ${result.error.description}`).toMatch(/larger than the limit of 1048 bytes/);
	});

	test('an item of another mailbox fails with what to check, and the session is stopped', async () => {
		const result = await runMail(sim, 'v8', 'saveAsMsg', {
			mailItemIds: mailItem(sim, 'benNda').id,
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/not found|404/i);
		expect(result.error.description).toMatch(/item of the chosen Mailbox/);
		expect(runningSessions(sim)).toEqual([]);
	});

	test('sends the mail back to its owner once, after checking the Exchange email settings', async () => {
		const nda = mailItem(sim, 'nda');
		const result = await runMail(sim, 'v8', 'sendToOwner', { mailItemIds: nda.id });
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toHaveLength(1);
		expect(sim.outbox[0]).toMatchObject({
			kind: 'sendToDefaultAddress',
			to: 'anna.meier@contoso.com',
			itemIds: [nda.id],
		});
		expect(result.items[0].json).toMatchObject({
			sent: true,
			to: 'anna.meier@contoso.com',
			toMailboxOwner: true,
		});
		expect(sim.requests.some((r) => /\/VexEmailSettings$/i.test(r.path))).toBe(true);
	});

	test('sends several mails to an address in one request', async () => {
		const ids = [mailItem(sim, 'nda').id, mailItem(sim, 'welcome').id];
		const result = await runMail(sim, 'v8', 'sendToAddress', {
			mailItemIds: ids,
			to: 'helpdesk@contoso.com',
			subject: 'Restored mail (HD-2001)',
			text: 'As requested.',
		});
		expect(result.error).toBeUndefined();
		expect(sim.outbox).toEqual([
			expect.objectContaining({
				kind: 'sendToDifferentAddress',
				to: 'helpdesk@contoso.com',
				subject: 'Restored mail (HD-2001)',
				itemIds: ids,
			}),
		]);
	});

	test('without Exchange email settings nothing is sent and the error says what to set up', async () => {
		sim.setEmailSettings(false);
		const result = await runMail(sim, 'v8', 'sendToOwner', {
			mailItemIds: mailItem(sim, 'nda').id,
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/cannot send email/);
		expect(result.error.description).toMatch(/Veeam Explorer for Microsoft Exchange/);
		expect(sim.outbox).toEqual([]);
	});

	test('an unknown address and an empty search are refused with the parameter to fix', async () => {
		const unknown = await runMail(sim, 'v8', 'search', {
			mailboxId: { __rl: true, mode: 'email', value: 'nobody@contoso.com' },
			subject: 'NDA',
		});
		expect(unknown.error.message).toBe(
			'No mailbox in the backup has the address nobody@contoso.com [parameter "Mailbox"]',
		);
		const empty = await runMail(sim, 'v8', 'search', {});
		expect(empty.error.message).toBe('No search criteria given [parameter "Subject Contains"]');
		expect(runningSessions(sim)).toEqual([]);
	});
});

describe('Mail items against a v5 server (Action endpoints)', () => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile: '5.0' });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('opens a vex session, finds the mailbox and saves the .msg through Items/Action savetoMsg', async () => {
		const nda = mailItem(sim, 'nda');
		const result = await runMail(sim, 'v5', 'saveAsMsg', {
			mailItemIds: [nda.id, mailItem(sim, 'budget').id],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(readMsg(await result.readBinary(result.items[0].binary.data)).subject).toBe(nda.subject);
		const explore = sim.requests.find((r) => /\/Organizations\/[^/]+\/Action$/i.test(r.path));
		expect(explore.body.explore.type).toBe('vex');
		const save = sim.requests.find((r) => /\/Items\/Action$/i.test(r.path));
		expect(save.body).toEqual({
			savetoMsg: { items: [{ id: nda.id }, { id: mailItem(sim, 'budget').id }] },
		});
		expect(runningSessions(sim)).toEqual([]);
	});

	test('search and send need REST v6 or later, and nothing is sent', async () => {
		for (const [operation, extra] of [
			['search', { subject: 'NDA' }],
			['sendToOwner', { mailItemIds: mailItem(sim, 'nda').id }],
		]) {
			const result = await runMail(sim, 'v5', operation, extra);
			expect(result.status).toBe('error');
			expect(result.error.message).toMatch(
				/needs VB365 REST API v6 or later; the credential uses v5/,
			);
		}
		expect(sim.outbox).toEqual([]);
		expect(runningSessions(sim)).toEqual([]);
	});
});
