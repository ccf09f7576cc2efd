'use strict';
// Small node types the harness always provides, so workflows can start and feed items.

const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
const TEST_ITEMS_TYPE = 'test.items';

// Like n8n's Manual Trigger: in manual mode the engine calls manualTriggerFunction, which
// emits a single empty item.
class ManualTrigger {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Starts the workflow on a manual run (harness)',
			eventTriggerDescription: '',
			maxNodes: 1,
			defaults: { name: 'When clicking "Execute workflow"' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async trigger() {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

// Emits the JSON objects in its `items` parameter (or runWorkflow's `inputItems`), one output
// item per entry, each paired with input item 0.
function createTestItemsNode(defaultItems) {
	return {
		description: {
			displayName: 'Test Items',
			name: 'items',
			group: ['transform'],
			version: 1,
			description: 'Outputs fixed JSON items (harness)',
			defaults: { name: 'Test Items' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '' }],
		},
		async execute() {
			const configured = this.getNode().parameters.items;
			const source = configured === undefined || configured === '' ? defaultItems : configured;
			const list = typeof source === 'string' ? JSON.parse(source) : source;
			if (!Array.isArray(list)) {
				throw new Error(
					'test.items: `items` must be an array of JSON objects (or pass inputItems)',
				);
			}
			return [list.map((json) => ({ json: structuredClone(json), pairedItem: { item: 0 } }))];
		},
	};
}

function createBuiltinNodeTypes({ inputItems } = {}) {
	return {
		[MANUAL_TRIGGER_TYPE]: new ManualTrigger(),
		[TEST_ITEMS_TYPE]: createTestItemsNode(inputItems ?? []),
	};
}

module.exports = { MANUAL_TRIGGER_TYPE, TEST_ITEMS_TYPE, createBuiltinNodeTypes };
