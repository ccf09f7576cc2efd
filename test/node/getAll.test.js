'use strict';
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

describe.each([
	{ profile: '5.0', apiVersion: 'v2' },
	{ profile: '5.0', apiVersion: 'v5' },
	{ profile: '8.x', apiVersion: 'v8' },
])('Get Many on $apiVersion', ({ profile, apiVersion }) => {
	let sim;
	beforeAll(async () => {
		sim = await startSimulator({ profile });
	});
	afterAll(async () => {
		await sim.stop();
	});

	test('returns every attachment of an item with more than one page of them', async () => {
		const item = fixtureItem(sim, 'many');
		expect(item.attachments.length).toBeGreaterThan(30);
		const result = await runNode(sim, {
			credential: { apiVersion },
			parameters: { resource: 'sharePointItemAttachment', operation: 'getAll', ...itemParameters(item), returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((entry) => entry.json.id)).toEqual(item.attachments.map((a) => a.id));
		expect(result.items[0].json).toMatchObject({
			name: item.attachments[0].name,
			sizeBytes: item.attachments[0].sizeBytes,
			itemId: item.id,
		});
	});

	test('stops at the limit', async () => {
		const item = fixtureItem(sim, 'many');
		const result = await runNode(sim, {
			credential: { apiVersion },
			parameters: { resource: 'sharePointItemAttachment', operation: 'getAll', ...itemParameters(item), limit: 7 },
		});
		expect(result.items.map((entry) => entry.json.id)).toEqual(item.attachments.slice(0, 7).map((a) => a.id));
	});
});
