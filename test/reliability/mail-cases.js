'use strict';
// Bad inputs of the Mail Item operations (node version 1.1), in the form of catalogue.js.

const VALUE = '={{ $json.value }}';

/** Start-and-stop parameters of a Mail Item operation on Anna's mailbox, `overrides` on top. */
function mail(env, operation, overrides = {}) {
	return {
		resource: 'mailboxItem',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: { __rl: true, mode: 'id', value: env.sim.fixture.organization('contoso').id },
		mailboxId: { __rl: true, mode: 'email', value: 'anna.meier@contoso.com' },
		...overrides,
	};
}

const item = (env, key) => env.sim.fixture.exchange.byKey.item[key].id;
const V1_1 = { typeVersion: 1.1 };

const MAIL_CASES = [
	{
		id: 'mailbox-email-unknown',
		parameter: 'Mailbox',
		input: 'By Email: an address no mailbox in the backup has',
		says: 'No mailbox in the backup has the address',
		fix: 'pick the mailbox from the list',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'search', {
				mailboxId: { __rl: true, mode: 'email', value: VALUE },
				subject: 'NDA',
			}),
			badValue: 'nobody@contoso.com',
			goodValue: 'anna.meier@contoso.com',
		}),
	},
	{
		id: 'mailbox-email-malformed',
		parameter: 'Mailbox',
		input: 'By Email: `anna.meier at contoso.com`',
		says: 'is not a valid email address',
		fix: 'Give the address of one mailbox',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'search', {
				mailboxId: { __rl: true, mode: 'email', value: VALUE },
				subject: 'NDA',
			}),
			badValue: 'anna.meier at contoso.com',
			goodValue: 'anna.meier@contoso.com',
		}),
	},
	{
		id: 'mail-search-empty',
		parameter: 'Subject Contains',
		input: 'Search with every criterion empty',
		says: 'No search criteria given',
		fix: 'To list a whole folder, use Get Many',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'search', { subject: VALUE }),
			badValue: '',
			goodValue: 'NDA',
		}),
	},
	{
		id: 'mail-folder-name-unknown',
		parameter: 'Folder',
		input: 'By Name: `Deleted` (the folder is "Deleted Items")',
		says: 'The mailbox has no folder "Deleted"',
		fix: 'Its folders are: Inbox, Sent Items, Deleted Items, Recoverable Items',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'search', {
				folderId: { __rl: true, mode: 'name', value: VALUE },
				subject: 'NDA',
			}),
			badValue: 'Deleted',
			goodValue: 'Deleted Items',
		}),
	},
	{
		id: 'mail-item-other-mailbox',
		parameter: 'Item IDs',
		input: "the ID of the same mail in another person's mailbox",
		says: 'Mailbox item with ID',
		fix: 'each must be an item of the chosen Mailbox',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'saveAsMsg', { mailItemIds: VALUE }),
			badValue: item(env, 'benNda'),
			goodValue: item(env, 'nda'),
		}),
	},
	{
		id: 'mail-item-id-malformed',
		parameter: 'Item IDs',
		input: '`../../Organizations`',
		says: 'is not a VB365 mailbox item ID',
		fix: 'as Search or Get Many return it',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'saveAsMsg', { mailItemIds: VALUE }),
			badValue: '../../Organizations',
			goodValue: item(env, 'nda'),
		}),
	},
	{
		id: 'mail-send-to-several',
		parameter: 'To',
		input: '`anna.meier@contoso.com; ben.okafor@contoso.com`',
		says: 'holds several addresses',
		fix: 'Give one email address',
		perItem: true,
		arrange: (env) => ({
			nodeSettings: V1_1,
			parameters: mail(env, 'sendToAddress', { mailItemIds: item(env, 'nda'), to: VALUE }),
			badValue: 'anna.meier@contoso.com; ben.okafor@contoso.com',
			goodValue: 'helpdesk@contoso.com',
		}),
	},
	{
		id: 'mail-send-rest-v5',
		parameter: 'API Version',
		input: 'v5 for Send to Mailbox Owner (its v5 request is not documented)',
		says: 'needs VB365 REST API v6 or later',
		fix: 'to v6 or later',
		server: '5.0',
		perItem: false,
		arrange: (env) => ({
			nodeSettings: V1_1,
			credential: { apiVersion: 'v5' },
			parameters: mail(env, 'sendToOwner', { mailItemIds: item(env, 'nda') }),
		}),
	},
	{
		id: 'pst-size-limit-out-of-range',
		parameter: 'PST Size Limit (GB)',
		input: '60 (VB365 takes 1–49)',
		says: 'is not a PST size limit VB365 takes',
		fix: 'Use 1 to 49 (GB), or 0',
		perItem: true,
		arrange: (env) => {
			env.sim.options.outlookInstalled = true;
			return {
				nodeSettings: V1_1,
				parameters: mail(env, 'exportToPst', {
					mailItemIds: item(env, 'nda'),
					pstSizeLimitGb: VALUE,
				}),
				badValue: 60,
				goodValue: 0,
			};
		},
	},
	{
		id: 'pst-without-outlook',
		parameter: 'Export to PST',
		mentions: 'PST',
		input: 'Export to PST on a VB365 server without 64-bit Outlook',
		says: 'Could not export the mail to PST',
		fix: '64-bit Outlook',
		perItem: false,
		arrange: (env) => {
			env.sim.options.outlookInstalled = false;
			return {
				nodeSettings: V1_1,
				parameters: mail(env, 'exportToPst', { mailItemIds: item(env, 'nda') }),
			};
		},
	},
];

module.exports = { MAIL_CASES };
