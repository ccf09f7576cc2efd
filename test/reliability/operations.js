'use strict';
// The attachment operations the fault matrix runs, and how to tell that one worked.
const { unzip } = require('../../tools/simulator/client');
const { itemParameters, runNode } = require('../support/node-runs');
const { requestsTo } = require('../support/requests');

const RECIPIENT = 'anna.meier@contoso.com';

/** Operation keys used in the matrix; `saveZip` is Save with Output "ZIP Archive as Returned". */
const OPERATIONS = {
	getAll: { label: 'Get Many', operation: 'getAll', extra: { returnAll: true } },
	save: { label: 'Save (one item per file)', operation: 'save', extra: {} },
	saveZip: { label: 'Save (ZIP as returned)', operation: 'save', extra: { output: 'zip' } },
	send: {
		label: 'Send',
		operation: 'send',
		extra: { to: RECIPIENT, subject: 'Your restored files', text: 'From the backup.' },
	},
};

/** Path (regex) of the request that performs the operation's action, per API version. */
function actionPath(op, apiVersion) {
	if (op === 'getAll') return null;
	if (apiVersion === 'v5') return '/Attachments/Action$';
	return op === 'send' ? '/Attachments/send$' : '/Attachments/save$';
}

/**
 * Everything a fault case needs: the simulator, the server, the operation and its item, the node
 * parameters, the requests it made, and every run (kept for the secret scan).
 */
function caseContext(sim, server, op, itemKey = 'helpdesk') {
	const item = sim.fixture.item(itemKey);
	if (!item) throw new Error(`no fixture item "${itemKey}"`);
	const spec = OPERATIONS[op];
	const context = {
		sim,
		server,
		op,
		item,
		lookupPath: '/Attachments$',
		actionPath: actionPath(op, server.apiVersion),
		credential: { apiVersion: server.apiVersion },
		parameters({ options = {}, ...extra } = {}) {
			return {
				resource: 'sharePointItemAttachment',
				operation: spec.operation,
				...itemParameters(item),
				...spec.extra,
				...extra,
				options,
			};
		},
		results: [],
		async runNode(options) {
			const result = await runNode(sim, { credential: context.credential, ...options });
			context.results.push(result);
			return result;
		},
		lookups: () => requestsTo(sim, 'GET', context.lookupPath),
		actions: () => (context.actionPath ? requestsTo(sim, 'POST', context.actionPath) : []),
	};
	return context;
}

/**
 * Checks the outputs that belong to input item `inputIndex` are the complete result of the
 * operation on `ctx.item` (every file byte-equal to the backup, every email sent once).
 */
async function expectComplete(ctx, result, inputIndex = 0, attachments = ctx.item.attachments) {
	const outputs = result.items.filter((entry) => (entry.pairedItem?.item ?? 0) === inputIndex);
	expect(outputs.some((entry) => entry.json.error)).toBe(false);
	if (ctx.op === 'getAll') {
		expect(outputs.map((entry) => entry.json.id)).toEqual(attachments.map((a) => a.id));
		return;
	}
	if (ctx.op === 'send') {
		expect(outputs).toHaveLength(1);
		expect(outputs[0].json).toMatchObject({ sent: true, to: RECIPIENT });
		return;
	}
	if (ctx.op === 'saveZip') {
		expect(outputs).toHaveLength(1);
		const entries = await unzip(await result.readBinary(outputs[0].binary.data));
		expect(entries.map((entry) => entry.name).sort()).toEqual(
			attachments.map((a) => a.name).sort(),
		);
		for (const entry of entries) {
			const attachment = attachments.find((a) => a.name === entry.name);
			expect(entry.crcOk).toBe(true);
			expect(entry.data.equals(ctx.sim.attachmentContent(attachment.id))).toBe(true);
		}
		return;
	}
	expect(outputs.map((entry) => entry.json.id)).toEqual(attachments.map((a) => a.id));
	for (const [index, attachment] of attachments.entries()) {
		const bytes = await result.readBinary(outputs[index].binary.data);
		expect(bytes.equals(ctx.sim.attachmentContent(attachment.id))).toBe(true);
	}
}

/**
 * The run failed for input item `inputIndex` with a message matching `pattern`, and nothing
 * from that item reached the next node: no binary, no "sent" summary.
 */
function expectFailedCleanly(result, pattern, inputIndex = 0) {
	const errorItem = result.items.find(
		(entry) => entry.json.error !== undefined && (entry.pairedItem?.item ?? 0) === inputIndex,
	);
	const error = errorItem
		? { message: errorItem.json.error, description: errorItem.json.description }
		: result.error;
	expect(error).toBeDefined();
	expect(`${error.message}\n${error.description ?? ''}`).toMatch(pattern);
	const fromItem = result.items.filter((entry) => (entry.pairedItem?.item ?? 0) === inputIndex);
	for (const entry of fromItem) {
		expect(entry.binary ?? {}).toEqual({});
		expect(entry.json.sent).toBeUndefined();
	}
	return error;
}

module.exports = {
	OPERATIONS,
	RECIPIENT,
	actionPath,
	caseContext,
	expectComplete,
	expectFailedCleanly,
};
