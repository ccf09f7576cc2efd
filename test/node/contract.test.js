'use strict';
// Every request the node sends to a v6, v7 or v8 server, and every answer it got, must match
// Veeam's OpenAPI spec.
const { expectExchangesMatchSpec } = require('../support/recorded-contract');
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: 'all', recordExchanges: true });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

test.each(['v6', 'v7', 'v8'])(
	'%s: save (all and selected), send and get many send only what the spec allows',
	async (apiVersion) => {
		sim.exchanges.length = 0;
		const item = fixtureItem(sim, 'helpdesk');
		const base = { resource: 'sharePointItemAttachment', ...itemParameters(item) };
		const runs = [
			{ ...base, operation: 'save' },
			{
				...base,
				operation: 'save',
				attachmentSelection: 'byName',
				attachmentNames: ['Call notes.txt'],
				output: 'zip',
			},
			{
				...base,
				operation: 'send',
				to: 'anna.meier@contoso.com',
				subject: 'Files',
				text: 'Here',
				from: 'helpdesk@contoso.com',
			},
			{ ...base, operation: 'getAll', returnAll: true },
		];
		for (const parameters of runs) {
			const result = await runNode(sim, { credential: { apiVersion }, parameters });
			expect(result.error).toBeUndefined();
		}
		expect(expectExchangesMatchSpec(sim, apiVersion)).toEqual([
			'SharePointAttachment_Get',
			'SharePointAttachment_SaveAttachmentsAction',
			'SharePointAttachment_SendAttachmentsAction',
			'VespEmailSettings_Get',
			'token',
		]);
	},
);
