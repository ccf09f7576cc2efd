'use strict';
// n8n 2.x evaluates every `validation` regex of a resource locator mode in a VM with a 250 ms
// timeout before each execution (n8n-workflow safe-regex). On a busy queue-mode worker that
// timeout fails the whole execution ("Regular expression execution timed out"; seen in the
// 2.41.1 ticket storm). So no parameter of the node may carry one; the node checks the values
// itself at run time (test/reliability/catalogue.js has the malformed-ID cases).
const { VeeamM365 } = require('../../dist/nodes/VeeamM365/VeeamM365.node');
const { VeeamM365Api } = require('../../dist/credentials/VeeamM365Api.credentials');

function withValidation(properties, path = []) {
	const found = [];
	for (const property of properties ?? []) {
		const here = [...path, property.name];
		if (property.validation) found.push(here.join('.'));
		for (const mode of property.modes ?? []) {
			if (mode.validation) found.push(`${here.join('.')}[${mode.name}]`);
		}
		found.push(...withValidation(property.options?.filter((o) => o.name && o.type), here));
		found.push(...withValidation(property.values, here));
	}
	return found;
}

test('no node or credential parameter has a validation regex', () => {
	const node = new VeeamM365().description;
	expect(node.properties.filter((p) => p.type === 'resourceLocator').length).toBeGreaterThan(10);
	expect(withValidation(node.properties)).toEqual([]);
	expect(withValidation(new VeeamM365Api().properties)).toEqual([]);
});

test('the check finds a validation regex where there is one', () => {
	const planted = [
		{
			name: 'x',
			type: 'resourceLocator',
			modes: [{ name: 'id', validation: [{ type: 'regex', properties: { regex: '.' } }] }],
		},
	];
	expect(withValidation(planted)).toEqual(['x[id]']);
});
