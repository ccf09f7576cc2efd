'use strict';
// "On Error: Continue (using error output)": n8n's engine moves an item to the error output only
// when it recognises it as a failure. The node's failure items carry a description beside the
// message, so they must say so through the item's `error` (issue 16: a Jira comment hangs off
// the error output).
const { shutdownHarness } = require('../../tools/engine/harness');
const {
	startSimulator,
	fixtureItem,
	itemParameters,
	runNode,
	NODE_NAME,
} = require('../support/node-runs');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});

const saveOf = (item) => ({
	resource: 'sharePointItemAttachment',
	operation: 'save',
	...itemParameters(item),
	itemId: { __rl: true, mode: 'id', value: '={{ $json.itemId }}' },
	attachmentSelection: 'byName',
	attachmentNames: 'Call notes.txt',
	output: 'perAttachment',
});

test('a bad item goes to the error output with message and description, the good one to the main output', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const result = await runNode(sim, {
		parameters: saveOf(item),
		inputItems: [{ itemId: item.id }, { itemId: 'ACME-42' }],
		nodeSettings: { onError: 'continueErrorOutput' },
	});
	expect(result.error).toBeUndefined();
	const [success, failure] = result.runData[NODE_NAME][0].data.main;
	expect(success.map((entry) => entry.json.fileName)).toEqual(['Call notes.txt']);
	expect(failure).toHaveLength(1);
	expect(failure[0].json.error).toMatch(
		/The Item ID "ACME-42" is not a VB365 ID.*\[parameter "Item"\]/,
	);
	expect(failure[0].pairedItem).toEqual({ item: 1 });
});

test('with "Continue (regular output)" the failure item stays on the main output as before', async () => {
	const item = fixtureItem(sim, 'helpdesk');
	const result = await runNode(sim, {
		parameters: saveOf(item),
		inputItems: [{ itemId: 'ACME-42' }],
		nodeSettings: { onError: 'continueRegularOutput' },
	});
	expect(result.items).toHaveLength(1);
	expect(result.items[0].json.error).toMatch(/is not a VB365 ID/);
	expect(result.items[0].error).toBeUndefined();
});
