'use strict';
// What the n8n editor shows and asks for, read from a real n8n server over its REST API (the
// calls the editor itself makes): the node's description, and the pick-lists in start-and-stop
// mode (issue 11).

const assert = require('node:assert/strict');

const { NODE_TYPE } = require('../../tools/n8n/package');

/** The node type as the editor loads it (/types/nodes.json holds every version's description). */
async function loadNodeDescriptions(client) {
	const res = await client.call('GET', '/types/nodes.json', undefined, { prefix: '' });
	assert.equal(res.status, 200, `GET /types/nodes.json answered ${res.status}`);
	const all = res.json;
	const ours = all.filter((type) => type.name === NODE_TYPE);
	assert.ok(
		ours.length > 0,
		`${NODE_TYPE} is not among the ${all.length} node types the editor loads`,
	);
	return ours;
}

/** Evaluates the canvas subtitle the way the editor does, for one resource and operation. */
function subtitleFor(description, resource, operation) {
	const expression = description.subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${expression});`)({ resource, operation });
}

function propertiesNamed(description, name) {
	return description.properties.filter((property) => property.name === name);
}

/** Checks the node description the editor gets: defaults, wording, subtitle, search aliases. */
async function checkEditorDescription(client) {
	const [description] = await loadNodeDescriptions(client);
	const versions = [].concat(description.version);
	assert.deepEqual(versions, [1, 1.1]);
	assert.equal(description.defaultVersion, 1.1, 'new nodes are added at version 1.1');

	const modes = propertiesNamed(description, 'restoreSessionMode');
	const forNew = modes.find((property) => property.displayOptions?.hide?.['@version']);
	const forOld = modes.find((property) => property.displayOptions?.show?.['@version']);
	assert.equal(forNew?.default, 'startAndStop', 'version 1.1 starts and stops its own session');
	assert.equal(forOld?.default, 'existing', 'version 1 nodes keep their saved behaviour');
	assert.equal(forNew.options[0].value, 'startAndStop', 'the recommended mode is offered first');

	const resource = propertiesNamed(description, 'resource')[0];
	assert.equal(resource.options[0].name, 'Attachment', 'the attachment actions come first');

	const placeholders = description.properties
		.flatMap((property) => property.modes ?? [])
		.map((mode) => mode.placeholder)
		.filter(Boolean);
	assert.ok(placeholders.includes('Select an organization...'), placeholders.join(' | '));
	assert.ok(placeholders.includes('Select an item...'), placeholders.join(' | '));
	assert.ok(!placeholders.some((text) => /\ba [aeiou]/i.test(text)), placeholders.join(' | '));

	const labels = new Set(description.properties.map((property) => property.displayName));
	assert.ok(!labels.has('Session'), 'no bare "Session" label beside "Restore Session"');
	const selection = propertiesNamed(description, 'attachmentSelection')[0];
	assert.deepEqual(
		selection.options.map((option) => option.name),
		['All', 'Chosen From a List', 'By File Name'],
	);

	assert.equal(subtitleFor(description, 'sharePointItemAttachment', 'save'), 'Save attachments');
	assert.equal(subtitleFor(description, 'restoreSession', 'stop'), 'Stop session');

	const aliases = (description.codex?.alias ?? []).map((alias) => alias.toLowerCase());
	for (const word of ['sharepoint', 'restore', 'backup', 'attachment']) {
		assert.ok(aliases.includes(word), `search alias "${word}" missing: ${aliases.join(', ')}`);
	}
	return `subtitle "${subtitleFor(description, 'sharePointItemAttachment', 'save')}", aliases ${aliases.join(', ')}`;
}

const rl = (value, mode = 'list') => ({ __rl: true, mode, value });

/**
 * Opens the Site list, the Item list and the Attachments list of a Save node in start-and-stop
 * mode, as the editor does. They must work without a Running Session and open at most one restore
 * session between them (none while one of the organization is running).
 */
async function checkStartAndStopPickLists(
	client,
	{ sim, credential, organizationId, itemUrl, item },
) {
	const node = {
		resource: 'sharePointItemAttachment',
		operation: 'save',
		restoreSessionMode: 'startAndStop',
		organizationId: rl(organizationId),
		siteId: rl(''),
		itemId: rl(itemUrl, 'url'),
		attachmentSelection: 'byId',
	};
	const common = {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1.1 },
		credentials: { veeamM365Api: { id: credential.id, name: credential.name } },
	};
	const explores = () => sim.requests.filter((r) => /\/explore$/i.test(r.path)).length;
	const before = explores();
	const listed = async (methodName, parameters, path) => {
		const res = await client.call('POST', '/dynamic-node-parameters/resource-locator-results', {
			...common,
			methodName,
			path,
			currentNodeParameters: parameters,
		});
		assert.equal(res.status, 200, `${methodName}: ${res.status} ${res.text.slice(0, 300)}`);
		return (res.json.data ?? res.json).results;
	};
	const sites = await listed('searchSites', node, 'siteId');
	assert.ok(
		sites.some((site) => site.value === item.siteId),
		"the item's site is listed",
	);
	const items = await listed('searchItems', { ...node, siteId: rl(item.siteId) }, 'itemId');
	assert.ok(
		items.some((entry) => entry.value === item.id),
		'the item is listed',
	);

	const res = await client.call('POST', '/dynamic-node-parameters/options', {
		...common,
		methodName: 'getAttachments',
		path: 'attachmentIds',
		currentNodeParameters: node,
	});
	assert.equal(res.status, 200, `getAttachments: ${res.status} ${res.text.slice(0, 300)}`);
	const options = res.json.data ?? res.json;
	assert.deepEqual(
		options.map((option) => option.value),
		item.attachments.map((attachment) => attachment.id),
	);
	assert.ok(options.every((option) => /^\d+(\.\d+)? (B|kB|MB|GB)$/.test(option.description ?? '')));
	assert.ok(
		explores() - before <= 1,
		`opened ${explores() - before} restore sessions for three lists`,
	);
	return `${sites.length} sites, ${items.length} items, ${options.length} attachments; sessions opened: ${explores() - before}`;
}

module.exports = { checkEditorDescription, checkStartAndStopPickLists };
