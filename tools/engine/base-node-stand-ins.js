'use strict';
// Stand-ins for the n8n-nodes-base nodes the example workflows use, so a whole example runs in
// the in-process engine (n8n-nodes-base is not a dev dependency: it pulls in most of n8n).
// They do only what the examples need and refuse anything else:
// - Webhook: never runs here; the engine uses the trigger's pinned data, as the editor's
//   "Execute workflow" does.
// - Edit Fields (Set), "manual" mode: each assignment's value is resolved by n8n's own
//   expression engine (getNodeParameter); the item holds only the assigned fields, as with
//   Set's default "Include Other Input Fields: off".
// - Sticky Note: never runs. HTTP Request: only allowed deactivated (the engine passes items on).

const WEBHOOK_TYPE = 'n8n-nodes-base.webhook';
const SET_TYPE = 'n8n-nodes-base.set';
const STICKY_NOTE_TYPE = 'n8n-nodes-base.stickyNote';
const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

function description(name, extra) {
	return {
		displayName: `${name} (harness stand-in)`,
		name,
		group: ['transform'],
		version: 1,
		description: 'Stand-in for the n8n-nodes-base node (harness)',
		defaults: { name },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
		...extra,
	};
}

const refuse = (what) =>
	async function execute() {
		throw new Error(`harness stand-in: ${what} (node "${this.getNode().name}")`);
	};

const webhook = {
	description: description('webhook', {
		group: ['trigger'],
		version: [1, 2],
		inputs: [],
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{$parameter["httpMethod"]}}',
				path: '={{$parameter["path"]}}',
			},
		],
		properties: [
			{ displayName: 'HTTP Method', name: 'httpMethod', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Respond', name: 'responseMode', type: 'string', default: 'onReceived' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	}),
	async webhook() {
		throw new Error('harness stand-in: a Webhook trigger runs here only with pinned data');
	},
};

const set = {
	description: description('set', {
		version: [3, 3.1, 3.2, 3.3, 3.4],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'manual' },
			{
				displayName: 'Fields to Set',
				name: 'assignments',
				type: 'assignmentCollection',
				default: {},
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	}),
	async execute() {
		const items = this.getInputData();
		return [
			items.map((_, i) => {
				const mode = this.getNodeParameter('mode', i);
				if (mode !== 'manual')
					throw new Error(`harness stand-in: Set mode "${mode}" is not supported`);
				const json = {};
				for (const { name, type, value } of this.getNodeParameter(
					'assignments.assignments',
					i,
					[],
				)) {
					json[name] =
						type === 'string' && value !== undefined && value !== null ? String(value) : value;
				}
				return { json, pairedItem: { item: i } };
			}),
		];
	},
};

const stickyNote = {
	description: description('stickyNote', { inputs: [], outputs: [] }),
	execute: refuse('a sticky note never runs'),
};

const httpRequest = {
	description: description('httpRequest', { version: [4, 4.1, 4.2] }),
	execute: refuse('HTTP Request runs only deactivated here'),
};

/** extraNodeTypes for the harness's runWorkflow. */
const BASE_NODE_STAND_INS = {
	[WEBHOOK_TYPE]: webhook,
	[SET_TYPE]: set,
	[STICKY_NOTE_TYPE]: stickyNote,
	[HTTP_REQUEST_TYPE]: httpRequest,
};

module.exports = { BASE_NODE_STAND_INS, WEBHOOK_TYPE, SET_TYPE };
