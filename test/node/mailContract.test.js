'use strict';
// Every Exchange request the node sends to a v6, v7 or v8 server must match Veeam's OpenAPI spec,
// and every answer the node got must too.
const { expectExchangesMatchSpec } = require('../support/recorded-contract');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator } = require('../support/node-runs');
const { runMail, mailItem } = require('../support/mail-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all', recordExchanges: true });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

test.each(['v6', 'v7', 'v8'])(
	'%s: search, get many, save and both sends send only what the spec allows',
	async (apiVersion) => {
		sim.exchanges.length = 0;
		const nda = mailItem(sim, 'nda');
		const budget = mailItem(sim, 'budget');
		const inbox = sim.fixture.exchange.byKey.folder['anna:inbox'];
		sim.options.outlookInstalled = true;
		const runs = [
			['exportToPst', { mailItemIds: nda.id }],
			['exportToPst', { mailItemIds: [nda.id, budget.id], pstSizeLimitGb: 1 }],
			[
				'exportToPst',
				{ pstScope: 'folder', folderId: { __rl: true, mode: 'name', value: 'Inbox' } },
			],
			['exportToPst', { pstScope: 'mailbox', pstSizeLimitGb: 49 }],
			['search', { subject: 'NDA', receivedAfter: '2024-04-01T00:00:00Z', returnAll: true }],
			[
				'search',
				{
					folderId: { __rl: true, mode: 'name', value: 'Deleted Items' },
					subject: 'NDA',
					limit: 5,
				},
			],
			['getAll', { folderId: { __rl: true, mode: 'id', value: inbox.id }, returnAll: true }],
			['saveAsMsg', { mailItemIds: nda.id }],
			['saveAsMsg', { mailItemIds: [nda.id, budget.id] }],
			['sendToOwner', { mailItemIds: nda.id }],
			['sendToOwner', { mailItemIds: [nda.id, budget.id] }],
			[
				'sendToAddress',
				{
					mailItemIds: nda.id,
					to: 'helpdesk@contoso.com',
					subject: 'Mail',
					text: 'Here',
					from: 'backup@contoso.com',
				},
			],
			['sendToAddress', { mailItemIds: [nda.id, budget.id], to: 'helpdesk@contoso.com' }],
		];
		for (const [operation, extra] of runs) {
			const result = await runMail(sim, apiVersion, operation, extra);
			expect({ operation, error: result.error?.message }).toEqual({ operation, error: undefined });
		}
		expect(expectExchangesMatchSpec(sim, apiVersion)).toEqual(
			[
				'ExchangeFolder_ExportToPstAction',
				'ExchangeFolder_Get',
				'ExchangeFolder_SearchByOptions',
				'ExchangeItem_ExportItemToPstAction',
				'ExchangeItem_ExportItemsToPstAction',
				'ExchangeItem_Get',
				'ExchangeItem_SaveItemAction',
				'ExchangeItem_SaveItems',
				'ExchangeItem_SendItemToDefaultAddressAction',
				'ExchangeItem_SendItemToDifferentAddressAction',
				'ExchangeItem_SendItemsToDefaultAddressAction',
				'ExchangeItem_SendItemsToDifferentAddressAction',
				'ExchangeMailbox_ExportMailboxToPstAction',
				'ExchangeMailbox_Get',
				'ExchangeMailbox_SearchByIdByOptions',
				apiVersion === 'v8' ? 'Organization_Explore' : 'Organization_ExploreAction',
				'RestoreSession_StopAction',
				'VexEmailSettings_Get',
				'token',
			].sort(),
		);
	},
);
