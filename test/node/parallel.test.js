'use strict';
// "Parallel Items": Save and Get Many work on several input items at once, keep the output in
// input order, log in once, and fail or continue per item exactly as one-by-one processing does.
const { shutdownHarness } = require('../../tools/engine/harness');
const { startSimulator, runNode } = require('../support/node-runs');

const byExpression = (field) => ({ __rl: true, mode: 'id', value: `={{ $json.${field} }}` });
const expressionTarget = {
	restoreSessionId: byExpression('restoreSessionId'),
	siteId: byExpression('siteId'),
	itemId: byExpression('itemId'),
};

let sim;
beforeAll(async () => {
	sim = await startSimulator({ profile: '8.x' });
});
afterAll(async () => {
	await sim.stop();
	await shutdownHarness();
});
beforeEach(() => {
	sim.faults.clear();
	sim.reset?.call(sim);
});

/** `count` tickets, each one small attachment of a seeded item, cycling through the items. */
function tickets(count) {
	const small = [];
	for (const item of sim.fixture.items) {
		if (!item.restoreSessionId) continue;
		for (const a of item.attachments) {
			if (a.sizeBytes > 0 && a.sizeBytes <= 64 * 1024) small.push({ item, attachment: a });
		}
	}
	return Array.from({ length: count }, (_, i) => {
		const { item, attachment } = small[(i * 7) % small.length];
		return {
			restoreSessionId: item.restoreSessionId,
			siteId: item.siteId,
			itemId: item.id,
			attachmentId: attachment.id,
		};
	});
}

function saveParameters(options = {}) {
	return {
		resource: 'sharePointItemAttachment',
		operation: 'save',
		...expressionTarget,
		attachmentSelection: 'byId',
		attachmentIds: '={{ $json.attachmentId }}',
		options,
	};
}

// Every save waits a little on the server, so items that are worked on at once overlap there.
const slowSaves = () =>
	sim.faults.add({ method: 'POST', path: '/attachments/save$', latencyMs: 60, times: 1000 });

test('by default four items at a time: outputs in input order, byte-equal, one login', async () => {
	const input = tickets(13);
	slowSaves();
	const before = sim.stats.tokenRequests.password ?? 0;
	const result = await runNode(sim, { parameters: saveParameters(), inputItems: input });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(13);
	for (const [index, output] of result.items.entries()) {
		expect(output.json.id).toBe(input[index].attachmentId);
		expect(output.json.itemId).toBe(input[index].itemId);
		expect(output.pairedItem).toEqual({ item: index });
		const bytes = await result.readBinary(output.binary.data);
		expect(bytes.equals(sim.attachmentContent(input[index].attachmentId))).toBe(true);
	}
	expect(sim.stats.maxInFlight).toBe(4);
	expect((sim.stats.tokenRequests.password ?? 0) - before).toBe(1);
});

test('Parallel Items 1 works on one item after the other', async () => {
	slowSaves();
	const result = await runNode(sim, {
		parameters: saveParameters({ parallelItems: 1 }),
		inputItems: tickets(6),
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(6);
	expect(sim.stats.maxInFlight).toBe(1);
});

test('Get Many lists several items at once, results grouped by input item in order', async () => {
	const input = tickets(9);
	sim.faults.add({ method: 'GET', path: '/attachments$', latencyMs: 60, times: 1000 });
	const result = await runNode(sim, {
		parameters: {
			resource: 'sharePointItemAttachment',
			operation: 'getAll',
			...expressionTarget,
			returnAll: true,
			options: { parallelItems: 3 },
		},
		inputItems: input,
	});
	expect(result.error).toBeUndefined();
	const itemOf = (output) => output.pairedItem.item;
	const order = result.items.map(itemOf);
	expect(order).toEqual([...order].sort((a, b) => a - b));
	for (const output of result.items) expect(output.json.itemId).toBe(input[itemOf(output)].itemId);
	expect(new Set(order).size).toBe(9);
	expect(sim.stats.maxInFlight).toBe(3);
});

test('a failing item stops the run with its own error; no item after the running ones starts', async () => {
	const input = tickets(20);
	input[5] = { ...input[5], attachmentId: 'no-such-attachment' };
	const result = await runNode(sim, { parameters: saveParameters(), inputItems: input });
	expect(result.status).toBe('error');
	expect(result.error.message).toMatch(/no-such-attachment/);
	expect(result.error.context?.itemIndex ?? result.error.itemIndex).toBe(5);
	// Items 0-8 at most were started (item 5 fails while at most three others run).
	expect(sim.stats.saves).toBeLessThanOrEqual(9);
});

test('with Continue On Fail the failing item gets its error and every other item its file, in order', async () => {
	const input = tickets(10);
	input[3] = { ...input[3], attachmentId: 'no-such-attachment' };
	const result = await runNode(sim, {
		parameters: saveParameters(),
		inputItems: input,
		nodeSettings: { onError: 'continueRegularOutput' },
	});
	expect(result.items).toHaveLength(10);
	for (const [index, output] of result.items.entries()) {
		expect(output.pairedItem).toEqual({ item: index });
		if (index === 3) {
			expect(output.json.error).toMatch(/no-such-attachment/);
			expect(output.binary).toBeUndefined();
		} else {
			expect(output.json.id).toBe(input[index].attachmentId);
		}
	}
});

test.each([0, 2.5, 17])(
	'Parallel Items %p is refused with a message naming the option',
	async (value) => {
		const result = await runNode(sim, {
			parameters: saveParameters({ parallelItems: value }),
			inputItems: tickets(2),
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/"Parallel Items" must be a whole number from 1 to 16/);
		expect(sim.stats.saves).toBe(0);
	},
);
