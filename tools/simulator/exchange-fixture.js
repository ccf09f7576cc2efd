'use strict';
// The Exchange part of the data model: mailboxes of the contoso organization with folders and
// mail items. Deterministic IDs: mailbox = GUID; folders and items = base64url strings like the
// EWS IDs VB365 returns. 1,050 shared mailboxes come before the people, so finding a person's
// mailbox by address needs more than one page of 1,000.
const crypto = require('node:crypto');

const FILLER_MAILBOXES = 1050;

const FOLDERS = [
	{ key: 'inbox', name: 'Inbox', category: 'Inbox' },
	{ key: 'sent', name: 'Sent Items', category: 'Sent' },
	{ key: 'deleted', name: 'Deleted Items', category: 'Deleted' },
	{ key: 'recoverable', name: 'Recoverable Items', category: 'PermanentlyDeletedItems' },
];

const PEOPLE = [
	{
		key: 'anna',
		name: 'Anna Meier',
		email: 'anna.meier@contoso.com',
		items: [
			{
				key: 'nda',
				folder: 'deleted',
				subject: 'NDA for the Fabrikam project',
				fromName: 'Contoso Legal',
				from: 'legal@contoso.com',
				received: '2024-04-30T08:14:00Z',
				body: 'Hello Anna, please find the NDA for the Fabrikam project attached. Sign it by Friday.',
				attachments: [{ name: 'NDA Fabrikam.pdf', sizeBytes: 48211 }],
			},
			{
				key: 'budget',
				folder: 'recoverable',
				subject: 'Q2 budget draft',
				fromName: 'Finance Team',
				from: 'finance@contoso.com',
				received: '2024-04-22T15:02:00Z',
				body: 'Draft numbers for Q2. Please do not forward.',
				attachments: [],
			},
			{
				key: 'welcome',
				folder: 'inbox',
				subject: 'Welcome to the Fabrikam project',
				fromName: 'Jonas Weber',
				from: 'jonas.weber@contoso.com',
				received: '2024-04-29T07:45:00Z',
				body: 'Welcome aboard! The kick-off is on Thursday.',
				attachments: [],
			},
			{
				key: 'lunch',
				folder: 'inbox',
				subject: 'Lunch on Friday?',
				fromName: 'Ben Okafor',
				from: 'ben.okafor@contoso.com',
				received: '2024-05-02T10:30:00Z',
				body: 'Shall we try the new place next to the office?',
				attachments: [],
			},
			{
				key: 'reply',
				folder: 'sent',
				subject: 'RE: Welcome to the Fabrikam project',
				fromName: 'Anna Meier',
				from: 'anna.meier@contoso.com',
				to: 'jonas.weber@contoso.com',
				received: '2024-04-29T08:02:00Z',
				body: 'Thanks Jonas, see you on Thursday.',
				attachments: [],
			},
		],
	},
	{
		key: 'ben',
		name: 'Ben Okafor',
		email: 'ben.okafor@contoso.com',
		items: [
			{
				key: 'benNda',
				folder: 'inbox',
				subject: 'NDA for the Fabrikam project',
				fromName: 'Contoso Legal',
				from: 'legal@contoso.com',
				received: '2024-04-30T08:14:00Z',
				body: 'Hello Ben, the NDA for the Fabrikam project is attached.',
				attachments: [{ name: 'NDA Fabrikam.pdf', sizeBytes: 48211 }],
			},
		],
	},
];

function hashOf(seed, label, bytes) {
	return crypto.createHash('sha256').update(`${seed}|${label}`).digest().subarray(0, bytes);
}

/** An EWS-like ID: "AAMk" and base64url, ending like the IDs VB365 shows. */
function ewsId(seed, label, bytes) {
	return `AAMk${hashOf(seed, label, bytes).toString('base64url')}AAA=`;
}

function buildExchange(seed, organization, uuidFrom) {
	const mailboxes = [];
	const folders = [];
	const items = [];
	const byKey = { mailbox: {}, item: {}, folder: {} };
	for (let n = 1; n <= FILLER_MAILBOXES; n++) {
		const number = String(n).padStart(4, '0');
		mailboxes.push({
			id: uuidFrom(seed, `mailbox:shared:${number}`),
			organizationId: organization.id,
			name: `Shared Mailbox ${number}`,
			email: `shared${number}@contoso.com`,
			isArchive: false,
			isPublic: false,
			folderIds: [],
		});
	}
	for (const person of PEOPLE) {
		const mailbox = {
			id: uuidFrom(seed, `mailbox:${person.key}`),
			organizationId: organization.id,
			key: person.key,
			name: person.name,
			email: person.email,
			isArchive: false,
			isPublic: false,
			folderIds: [],
		};
		mailboxes.push(mailbox);
		byKey.mailbox[person.key] = mailbox;
		const folderOf = {};
		for (const f of FOLDERS) {
			const folder = {
				id: ewsId(seed, `folder:${person.key}:${f.key}`, 30),
				mailboxId: mailbox.id,
				name: f.name,
				category: f.category,
				type: 'None',
			};
			folders.push(folder);
			mailbox.folderIds.push(folder.id);
			folderOf[f.key] = folder;
			byKey.folder[`${person.key}:${f.key}`] = folder;
		}
		for (const raw of person.items) {
			const item = {
				id: ewsId(seed, `item:${person.key}:${raw.key}`, 60),
				mailboxId: mailbox.id,
				folderId: folderOf[raw.folder].id,
				key: raw.key,
				itemClass: 'IPM.Note',
				subject: raw.subject,
				from: raw.from,
				fromName: raw.fromName,
				to: raw.to || person.email,
				cc: '',
				received: raw.received,
				sent: new Date(Date.parse(raw.received) - 60000).toISOString(),
				body: raw.body,
				attachments: raw.attachments,
			};
			items.push(item);
			byKey.item[raw.key] = item;
		}
	}
	return { mailboxes, folders, items, byKey };
}

module.exports = { buildExchange, FILLER_MAILBOXES };
