const { normalizeServerUrl } = require('../../dist/nodes/VeeamM365/transport/serverUrl');
const { assertVeeamId } = require('../../dist/nodes/VeeamM365/helpers/ids');
const {
	parseList,
	selectAttachments,
	toAttachmentInfo,
} = require('../../dist/nodes/VeeamM365/helpers/attachmentSelection');
const { addressProblem } = require('../../dist/nodes/VeeamM365/helpers/email');
const {
	parseApiVersion,
	usesActionEndpoints,
} = require('../../dist/nodes/VeeamM365/transport/apiVersion');

const GUID = '9f786f0f-de9a-4a90-8118-093b6cb2c4fc';

describe('normalizeServerUrl', () => {
	test.each([
		['vb365.contoso.local', 'https://vb365.contoso.local:4443'],
		['https://vb365.contoso.local', 'https://vb365.contoso.local:4443'],
		['https://vb365.contoso.local:4443/', 'https://vb365.contoso.local:4443'],
		['  https://VB365.contoso.local:9443/v8/  ', 'https://vb365.contoso.local:9443'],
		['https://10.0.0.5', 'https://10.0.0.5:4443'],
		['https://[::1]:4443', 'https://[::1]:4443'],
	])('%s → %s', (input, expected) => {
		expect(normalizeServerUrl(input)).toBe(expected);
	});
	test.each([
		['', /empty/],
		['http://vb365.contoso.local', /https/],
		['https://user:pw@host', /user name or password/],
		['https://exa mple', /not a valid URL/],
		[undefined, /empty/],
	])('refuses %p', (input, message) => {
		expect(() => normalizeServerUrl(input)).toThrow(message);
	});
});

describe('assertVeeamId', () => {
	test('accepts GUID chains of the right length, trimmed', () => {
		expect(assertVeeamId(` ${GUID}${GUID.toUpperCase()} `, 2, 'Site ID')).toBe(
			`${GUID}${GUID.toUpperCase()}`,
		);
	});
	test.each([
		['', /is empty/],
		[GUID, /expected 2 GUIDs/],
		[`${GUID}/../${GUID}`, /not a VB365 ID/],
		[`${GUID}${GUID}${GUID}`, /72 characters/],
		[42, /is empty/],
	])('refuses %p', (value, message) => {
		expect(() => assertVeeamId(value, 2, 'Site ID')).toThrow(message);
	});
});

describe('attachment selection', () => {
	const all = [
		toAttachmentInfo({ id: 'X1', name: 'Contract.pdf', sizeBytes: 10 }),
		toAttachmentInfo({ id: 'X2', name: 'notes.txt', size: 3 }),
		toAttachmentInfo({ id: 'X3abcdefabcdef', name: null, sizeBytes: null }),
	];
	test('normalises v2 size and null names', () => {
		expect(all[1].sizeBytes).toBe(3);
		expect(all[2]).toEqual({ id: 'X3abcdefabcdef', name: 'attachment-abcdefabcdef' });
	});
	test('by name is case-insensitive and reports what is missing', () => {
		expect(
			selectAttachments(all, { mode: 'byName', values: ['contract.PDF', 'nope.doc'] }),
		).toEqual({
			selected: [all[0]],
			missing: ['nope.doc'],
		});
	});
	test('by id keeps the requested order without duplicates', () => {
		expect(selectAttachments(all, { mode: 'byId', values: ['X2', 'X1', 'x2'] }).selected).toEqual([
			all[1],
			all[0],
		]);
	});
	test('parseList takes arrays and comma or newline separated strings', () => {
		expect(parseList(['a', ' b ', ''])).toEqual(['a', 'b']);
		expect(parseList('a, b\nc')).toEqual(['a', 'b', 'c']);
		expect(parseList(undefined)).toEqual([]);
	});
});

describe('email addresses', () => {
	test.each([
		['anna@contoso.com', undefined],
		[' anna@contoso.com ', undefined],
		['anna@contoso.com; bob@fabrikam.de', 'holds several addresses; VB365 sends to one recipient'],
		['a@b.com, c@d.com', 'holds several addresses; VB365 sends to one recipient'],
		['anna', 'is not a valid email address'],
		['anna@contoso', 'is not a valid email address'],
		['<x>@y.com', 'is not a valid email address'],
		['  ', 'is empty'],
	])('%p → %p', (value, problem) => {
		expect(addressProblem(value)).toBe(problem);
	});
});

describe('API versions', () => {
	test('parses and classifies', () => {
		expect(parseApiVersion('V8')).toBe('v8');
		expect(usesActionEndpoints('v5')).toBe(true);
		expect(usesActionEndpoints('v6')).toBe(false);
		expect(() => parseApiVersion('v9')).toThrow(/Unknown/);
	});
});
