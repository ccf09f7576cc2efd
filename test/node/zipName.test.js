'use strict';
// "ZIP Archive as Returned": the archive's name comes from Content-Disposition, parsed safely.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, itemParameters, fixtureItem, runNode } = require('../support/node-runs');

afterAll(async () => {
	await shutdownHarness();
});

test.each([
	['none', (item) => `attachments-${item.id.slice(-12)}.zip`],
	['filename', (item) => `${item.title}.zip`],
	['filename*', (item) => `${item.title}.zip`],
])('Content-Disposition "%s"', async (contentDisposition, expected) => {
	const sim = await startSimulator({ profile: '8.x', contentDisposition });
	try {
		const item = fixtureItem(sim, 'tricky');
		const result = await runNode(sim, {
			parameters: { resource: 'sharePointItemAttachment', operation: 'save', ...itemParameters(item), output: 'zip' },
		});
		expect(result.error).toBeUndefined();
		const saveRequest = sim.requests.find((request) => /attachments\/save$/i.test(request.path));
		expect(saveRequest).toBeDefined();
		expect(result.items[0].binary.data.fileName).toBe(expected(item));
	} finally {
		await sim.stop();
	}
});
