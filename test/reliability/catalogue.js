'use strict';
// The bad-input catalogue: inputs a user can get wrong, the parameter each concerns, and what the
// error must say. bad-inputs.test.js runs every case; write-catalogue.js renders docs/bad-inputs.md.
//
// `says`, `fix` and the parameter name (or `mentions`, when the text shows a shorter form) must
// appear in the error message or its description (n8n shows both), compared without regard to case. `arrange(env)` returns how to run the case:
//   { credential?, parameters?, badValue?, goodValue?, apiVersion? }
// Node-parameter cases put `={{ $json.value }}` where the bad value goes and run two input items
// (bad, then good) with Continue On Fail, so the good item must still succeed.

const { MAIL_CASES } = require('./mail-cases');
const { ONEDRIVE_CASES } = require('./onedrive-cases');
const { SHAREPOINT_DOCUMENT_CASES } = require('./sharepoint-document-cases');
const { TEAMS_CASES } = require('./teams-cases');

const GUID_A = '0b7e2c4d-1a2b-4c3d-8e9f-a0b1c2d3e4f5';
const GUID_B = '6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c';
const VALUE = '={{ $json.value }}';

const HELPDESK_ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';

const locator = (value) => ({ __rl: true, mode: 'id', value });
const urlLocator = (value) => ({ __rl: true, mode: 'url', value });

/** Parameters of an operation on a fixture item, with `overrides` on top. */
function on(env, operation, overrides = {}, itemKey = 'helpdesk') {
	const item = env.item(itemKey);
	const base = {
		resource: 'sharePointItemAttachment',
		operation,
		restoreSessionId: locator(item.restoreSessionId),
		siteId: locator(item.siteId),
		itemId: locator(item.id),
	};
	if (operation === 'send') Object.assign(base, { to: 'anna.meier@contoso.com', subject: 'Files' });
	if (operation === 'getAll') base.returnAll = true;
	return { ...base, ...overrides };
}

const CASES = [
	// ── Credential ─────────────────────────────────────────────────────────────────────────────
	{
		id: 'server-url-empty',
		parameter: 'Server URL',
		input: 'empty',
		says: 'Server URL is empty',
		fix: 'correct the Server URL',
		arrange: () => ({ credential: { url: '' } }),
	},
	{
		id: 'server-url-http',
		parameter: 'Server URL',
		input: '`http://…` (plain HTTP)',
		says: 'must start with https://',
		fix: 'correct the Server URL',
		arrange: (env) => ({ credential: { url: env.sim.url.replace('https:', 'http:') } }),
	},
	{
		id: 'server-url-malformed',
		parameter: 'Server URL',
		input: 'not a URL (`https://vb365 contoso:4443`)',
		says: 'is not a valid URL',
		fix: 'correct the Server URL',
		arrange: () => ({ credential: { url: 'https://vb365 contoso:4443' } }),
	},
	{
		id: 'server-url-userinfo',
		parameter: 'Server URL',
		input: 'user name and password inside the URL',
		says: 'must not contain a user name or password',
		fix: 'correct the Server URL',
		arrange: (env) => ({
			credential: { url: env.sim.url.replace('https://', 'https://admin:Secret-In-Url-77@') },
		}),
	},
	{
		id: 'server-url-wrong-port',
		parameter: 'Server URL',
		input: 'a port where nothing listens',
		says: 'connection refused',
		fix: 'Server URL',
		arrange: (env) => ({ credential: { url: `https://127.0.0.1:${env.closedPort}` } }),
	},
	{
		id: 'server-url-not-https-port',
		parameter: 'Server URL',
		input: 'the port of a plain-HTTP service',
		says: 'Server URL',
		fix: 'HTTPS port',
		arrange: (env) => ({ credential: { url: `https://127.0.0.1:${env.plainHttpPort}` } }),
	},
	{
		id: 'api-version-not-served',
		parameter: 'API Version',
		input: 'v8 against a VBO 5.0 server (serves v2–v5)',
		says: 'does not offer REST API v8; it offers v5, v4, v3, v2',
		fix: 'Set "API Version" in the credential to one of them',
		server: '5.0',
		arrange: () => ({ credential: { apiVersion: 'v8' } }),
	},
	{
		id: 'api-version-retired',
		parameter: 'API Version',
		input: 'v4 against a VB365 8.x server (serves v5–v8)',
		says: 'does not offer REST API v4; it offers v8, v7, v6, v5',
		fix: 'Set "API Version" in the credential to one of them',
		arrange: () => ({ credential: { apiVersion: 'v4' } }),
	},
	{
		id: 'api-version-unknown',
		parameter: 'API Version',
		input: '`v9` (set by an expression)',
		says: 'Unknown VB365 REST API version "v9"',
		fix: 'use one of v8',
		arrange: () => ({ credential: { apiVersion: 'v9' } }),
	},
	{
		id: 'password-wrong',
		parameter: 'Password',
		input: 'wrong password',
		says: 'rejected the username or password',
		fix: 'Check the credential',
		arrange: () => ({ credential: { password: 'Wrong-Password-123' } }),
	},
	{
		id: 'username-empty',
		parameter: 'Username',
		input: 'empty username and password',
		says: 'rejected the username or password',
		fix: 'Check the credential',
		arrange: () => ({ credential: { username: '', password: '' } }),
	},
	{
		id: 'access-token-empty',
		parameter: 'Access Token',
		input: 'Authentication "Access Token" with an empty token',
		says: 'Access Token is empty',
		fix: 'paste a VB365 access token',
		arrange: () => ({ credential: { authentication: 'accessToken', accessToken: '' } }),
	},
	{
		id: 'access-token-invalid',
		parameter: 'Access Token',
		input: 'a token the server does not know',
		says: 'HTTP 401',
		fix: 'Access Token',
		arrange: () => ({
			credential: { authentication: 'accessToken', accessToken: 'Invalid-Token-0123456789' },
		}),
	},
	{
		id: 'self-signed-certificate',
		parameter: 'Ignore SSL Issues (Insecure)',
		mentions: 'Ignore SSL Issues',
		input: "the server's self-signed certificate, option off",
		says: 'certificate',
		fix: 'Ignore SSL Issues',
		arrange: () => ({ credential: { ignoreSslIssues: false } }),
	},

	// ── Where: session, site, item ─────────────────────────────────────────────────────────────
	{
		id: 'session-id-shape',
		parameter: 'Running Session',
		input: '`abc` (not a GUID)',
		says: 'is not a VB365 ID',
		fix: 'Pick the running session from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { restoreSessionId: locator(VALUE) }),
			badValue: 'abc',
			goodValue: env.item('helpdesk').restoreSessionId,
		}),
	},
	{
		id: 'session-id-unknown',
		parameter: 'Running Session',
		input: 'a well-formed GUID of no session',
		says: 'not found (HTTP 404)',
		fix: 'Restore Session',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { restoreSessionId: locator(VALUE) }),
			badValue: GUID_A,
			goodValue: env.item('helpdesk').restoreSessionId,
		}),
	},
	{
		id: 'session-stopped',
		parameter: 'Running Session',
		input: 'a restore session that was stopped',
		says: 'stopped',
		fix: 'Restore Session',
		arrange: (env) => {
			env.stopSession(env.item('helpdesk').restoreSessionId);
			return { parameters: on(env, 'save') };
		},
	},
	{
		id: 'site-id-shape',
		parameter: 'Site',
		input: 'one GUID instead of two',
		says: 'is not a VB365 ID',
		fix: 'Pick the site from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: locator(VALUE) }),
			badValue: GUID_A,
			goodValue: env.item('helpdesk').siteId,
		}),
	},
	{
		id: 'site-id-unknown',
		parameter: 'Site',
		input: 'two GUIDs of no site',
		says: 'not found (HTTP 404)',
		fix: 'Site',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: locator(VALUE) }),
			badValue: GUID_A + GUID_B,
			goodValue: env.item('helpdesk').siteId,
		}),
	},
	{
		id: 'site-url-unknown',
		parameter: 'Site',
		input: 'By URL: a site that is not in the backup',
		says: 'No site in the backup has the URL',
		fix: 'pick the site from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: urlLocator(VALUE) }),
			badValue: 'https://contoso.sharepoint.com/sites/Nowhere',
			goodValue: env.site(env.item('helpdesk').siteId).url,
		}),
	},
	{
		id: 'item-id-shape',
		parameter: 'Item',
		input: '`ACME-42` (a title, not an ID)',
		says: 'is not a VB365 ID',
		fix: 'Pick the item from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: 'ACME-42',
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-id-path',
		parameter: 'Item',
		input: 'path characters (`../../Organizations`)',
		says: 'is not a VB365 ID',
		fix: 'Pick the item from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: '../../Organizations',
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-id-number',
		parameter: 'Item',
		input: 'an expression that resolves to a number (`42`)',
		says: 'Item ID',
		fix: 'Pick the item from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: 42,
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-id-array',
		parameter: 'Item',
		input: 'an expression that resolves to a list of IDs',
		says: 'Item ID',
		fix: 'Pick the item from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: [env.item('helpdesk').id, env.item('tricky').id],
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-id-unknown',
		parameter: 'Item',
		input: 'well-formed, but no such item in the site',
		says: 'not found (HTTP 404)',
		fix: 'Item',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: env.item('helpdesk').siteId + GUID_A + GUID_B,
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-of-other-site',
		parameter: 'Item',
		input: 'an item that belongs to another site',
		says: 'not found (HTTP 404)',
		fix: 'Item',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: env.item('campaign').id,
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-url-not-an-item',
		parameter: 'Item',
		input: 'By URL: a page that is not a list item',
		says: 'is not the URL of a list item',
		fix: 'DispForm.aspx?ID=',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: urlLocator(VALUE) }),
			badValue: 'https://contoso.sharepoint.com/sites/Contracts/SitePages/Home.aspx',
			goodValue:
				'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42',
		}),
	},
	{
		id: 'item-without-attachments',
		parameter: 'Item',
		input: 'an item that has no attachments',
		says: 'has no attachments',
		fix: 'Item',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: env.item('noAttachments').id,
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'organization-id-shape',
		parameter: 'Organization',
		input: 'Start and stop a session: `contoso` (a name, not an ID)',
		says: 'is not a VB365 ID',
		fix: 'Pick the organization from the list',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'getAll', {
				restoreSessionMode: 'startAndStop',
				organizationId: locator(VALUE),
			}),
			badValue: 'contoso',
			goodValue: env.item('helpdesk').organizationId,
		}),
	},
	{
		id: 'point-in-time-invalid',
		parameter: 'Point in Time',
		input: 'Start and stop a session: `last Tuesday`',
		says: 'is not a date and time',
		fix: 'Use an ISO date',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'getAll', {
				restoreSessionMode: 'startAndStop',
				organizationId: locator(env.item('helpdesk').organizationId),
				pointInTime: VALUE,
			}),
			badValue: 'last Tuesday',
			goodValue: '',
		}),
	},
	{
		id: 'item-url-in-id-mode',
		parameter: 'Item',
		input: 'By ID: a SharePoint item address',
		says: 'is an address, not a VB365 ID',
		fix: 'Switch Item to "By URL"',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { itemId: locator(VALUE) }),
			badValue: HELPDESK_ITEM_URL,
			goodValue: env.item('helpdesk').id,
		}),
	},
	{
		id: 'item-url-other-site',
		parameter: 'Item',
		input: 'By URL, with a Site the item is not on',
		says: 'which the chosen Site does not have',
		fix: 'leave Site empty to take it from the Item URL',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: locator(VALUE), itemId: urlLocator(HELPDESK_ITEM_URL) }),
			badValue: env.item('campaign').siteId,
			goodValue: env.item('helpdesk').siteId,
		}),
	},
	{
		id: 'site-url-is-item-url',
		parameter: 'Site',
		input: "By URL: an item's address",
		says: 'is the address of a list item, not of a site',
		fix: 'leave Site empty',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: urlLocator(VALUE) }),
			badValue: HELPDESK_ITEM_URL,
			goodValue: env.site(env.item('helpdesk').siteId).url,
		}),
	},
	{
		id: 'site-empty-item-by-id',
		parameter: 'Site',
		input: 'empty, with the Item given by ID',
		says: 'No site given',
		fix: 'give the Item "By URL"',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { siteId: locator(VALUE) }),
			badValue: '',
			goodValue: env.item('helpdesk').siteId,
		}),
	},
	{
		id: 'point-in-time-before-first-backup',
		parameter: 'Point in Time',
		input: 'Start and stop a session: a time before the first backup',
		says: 'is before the first backup of the organization',
		fix: 'Choose a Point in Time after the first backup',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', {
				restoreSessionMode: 'startAndStop',
				organizationId: locator(env.item('helpdesk').organizationId),
				pointInTime: VALUE,
				siteId: { __rl: true, mode: 'list', value: '' },
				itemId: urlLocator(HELPDESK_ITEM_URL),
			}),
			badValue: '2001-01-01T00:00:00Z',
			goodValue: '',
		}),
	},

	// ── Which attachments ──────────────────────────────────────────────────────────────────────
	{
		id: 'attachment-id-of-other-item',
		parameter: 'Attachment Names or IDs',
		input: 'the ID of an attachment of another item',
		says: 'has no attachment',
		fix: "item's attachments are",
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { attachmentSelection: 'byId', attachmentIds: VALUE }),
			badValue: env.item('tricky').attachments[0].id,
			goodValue: env.item('helpdesk').attachments[0].id,
		}),
	},
	{
		id: 'attachment-id-shape',
		parameter: 'Attachment Names or IDs',
		input: '`123`',
		says: 'has no attachment "123"',
		fix: "item's attachments are",
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { attachmentSelection: 'byId', attachmentIds: VALUE }),
			badValue: '123',
			goodValue: env.item('helpdesk').attachments[0].id,
		}),
	},
	{
		id: 'attachment-ids-empty',
		parameter: 'Attachment Names or IDs',
		input: '"Chosen From a List" with nothing chosen',
		says: 'No attachments chosen',
		fix: 'Choose at least one attachment',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { attachmentSelection: 'byId', attachmentIds: VALUE }),
			badValue: [],
			goodValue: [env.item('helpdesk').attachments[0].id],
		}),
	},
	{
		id: 'attachment-name-missing',
		parameter: 'Attachment File Names',
		input: 'a file name the item does not have',
		says: 'has no attachment "missing.pdf"',
		fix: "item's attachments are",
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { attachmentSelection: 'byName', attachmentNames: [VALUE] }),
			badValue: 'missing.pdf',
			goodValue: 'Call notes.txt',
		}),
	},
	{
		id: 'attachment-names-object',
		parameter: 'Attachment File Names',
		input: 'an expression that resolves to an object',
		says: 'Attachment File Names',
		fix: 'file name',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { attachmentSelection: 'byName', attachmentNames: [VALUE] }),
			badValue: { name: 'Call notes.txt' },
			goodValue: 'Call notes.txt',
		}),
	},
	{
		id: 'send-selection-on-v4',
		parameter: 'Attachments',
		input: 'a selection, sent through REST API v4',
		says: 'can only send all attachments',
		fix: 'Set "Attachments" to "All"',
		server: '5.0',
		arrange: (env) => ({
			credential: { apiVersion: 'v4' },
			parameters: on(env, 'send', {
				attachmentSelection: 'byName',
				attachmentNames: ['Call notes.txt'],
			}),
		}),
	},

	// ── Email ──────────────────────────────────────────────────────────────────────────────────
	{
		id: 'to-invalid',
		parameter: 'To',
		input: '`anna.meier at contoso`',
		says: 'is not a valid email address',
		fix: 'name@contoso.com',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'send', { to: VALUE }),
			badValue: 'anna.meier at contoso',
			goodValue: 'anna.meier@contoso.com',
		}),
	},
	{
		id: 'to-empty',
		parameter: 'To',
		input: 'empty',
		says: 'No recipient given',
		fix: 'name@contoso.com',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'send', { to: VALUE }),
			badValue: '',
			goodValue: 'anna.meier@contoso.com',
		}),
	},
	{
		id: 'to-display-name',
		parameter: 'To',
		input: '`"Anna" <anna@contoso.com>` (display name)',
		says: 'is not a valid email address',
		fix: 'name@contoso.com',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'send', { to: VALUE }),
			badValue: '"Anna" <anna@contoso.com>',
			goodValue: 'anna@contoso.com',
		}),
	},
	{
		id: 'to-object',
		parameter: 'To',
		input: 'an expression that resolves to an object',
		says: 'To',
		fix: 'name@contoso.com',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'send', { to: VALUE }),
			badValue: { email: 'anna@contoso.com' },
			goodValue: 'anna@contoso.com',
		}),
	},
	{
		id: 'from-invalid',
		parameter: 'From',
		input: '`backup@`',
		says: 'is not a valid email address',
		fix: 'name@contoso.com',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'send', { from: VALUE }),
			badValue: 'backup@',
			goodValue: 'backup@contoso.com',
		}),
	},

	// ── Output and options ─────────────────────────────────────────────────────────────────────
	{
		id: 'binary-field-empty',
		parameter: 'Put Output File in Field',
		input: 'empty',
		says: 'cannot name a binary field',
		fix: 'Use letters, digits',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { binaryPropertyName: VALUE }),
			badValue: '',
			goodValue: 'data',
		}),
	},
	{
		id: 'binary-field-spaces',
		parameter: 'Put Output File in Field',
		input: '`my file`',
		says: 'cannot name a binary field',
		fix: 'Use letters, digits',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { binaryPropertyName: VALUE }),
			badValue: 'my file',
			goodValue: 'data',
		}),
	},
	{
		id: 'binary-field-path',
		parameter: 'Put Output File in Field',
		input: '`attachment.data` (a dotted path)',
		says: 'cannot name a binary field',
		fix: 'Use letters, digits',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { binaryPropertyName: VALUE }),
			badValue: 'attachment.data',
			goodValue: 'data',
		}),
	},
	{
		id: 'binary-field-prototype',
		parameter: 'Put Output File in Field',
		input: '`__proto__` (clashes with a built-in property)',
		says: 'cannot name a binary field',
		fix: 'Use letters, digits',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { binaryPropertyName: VALUE }),
			badValue: '__proto__',
			goodValue: 'data',
		}),
	},
	{
		id: 'retries-negative',
		parameter: 'Options',
		input: 'Retries on Server Errors = -1',
		says: 'Retries on Server Errors',
		fix: 'Correct the values under Options',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { options: { retries: VALUE } }),
			badValue: -1,
			goodValue: 1,
		}),
	},
	{
		id: 'retries-fraction',
		parameter: 'Options',
		input: 'Retries on Server Errors = 1.5',
		says: 'Retries on Server Errors',
		fix: 'Correct the values under Options',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { options: { retries: VALUE } }),
			badValue: 1.5,
			goodValue: 1,
		}),
	},
	{
		id: 'timeout-zero',
		parameter: 'Options',
		input: 'Timeout (Seconds) = 0',
		says: 'Timeout (Seconds)',
		fix: 'Correct the values under Options',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'getAll', { options: { timeout: VALUE } }),
			badValue: 0,
			goodValue: 30,
		}),
	},
	{
		id: 'parallel-items-zero',
		parameter: 'Options',
		input: 'Parallel Items = 0',
		says: '"Parallel Items" must be a whole number from 1 to 16',
		fix: 'Use 1 to process the input items one after the other',
		perItem: false,
		arrange: (env) => ({ parameters: on(env, 'save', { options: { parallelItems: 0 } }) }),
	},
	{
		id: 'max-ratio-negative',
		parameter: 'Options',
		input: 'Max Compression Ratio = -5',
		says: 'Max Compression Ratio',
		fix: 'Options',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { options: { maxCompressionRatio: VALUE } }),
			badValue: -5,
			goodValue: 1000,
		}),
	},
	{
		id: 'max-total-size-text',
		parameter: 'Options',
		input: 'Max Total Size (MB) = `lots` (an expression)',
		says: 'Max Total Size (MB)',
		fix: 'Options',
		perItem: true,
		arrange: (env) => ({
			parameters: on(env, 'save', { options: { maxTotalSizeMb: VALUE } }),
			badValue: 'lots',
			goodValue: 100,
		}),
	},
	...MAIL_CASES,
	...ONEDRIVE_CASES,
	...SHAREPOINT_DOCUMENT_CASES,
	...TEAMS_CASES,
];

module.exports = { CASES, VALUE };
