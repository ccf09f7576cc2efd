'use strict';
// Opt-in fixture list (startSimulator({ hostileItems: true })) for reliability and security
// tests: attachment names that try to escape or confuse, and archives that expand far beyond
// their compressed size. Kept out of fixture.json so the default data model stays unchanged.

const MiB = 1024 * 1024;

/** Names a malicious or broken server could send; SharePoint itself forbids most of them. */
const HOSTILE_NAMES = [
	'../../etc/passwd',
	'..\\..\\win.ini',
	'/absolute/path.txt',
	'C:\\Windows\\System32\\evil.dll',
	'CON.txt',
	'nul',
	'a\u0000b.txt',
	'bell\u0007tab\tnew\nline.txt',
	'invoice\u202efdp.exe',
	`${'A'.repeat(296)}.pdf`,
	'..',
	'report.pdf',
	'sub/report.pdf',
];

/**
 * The list is added to the Contracts site of contoso. Attachment fields beyond `name`/`size`:
 * `content: 'zeros'` makes the bytes all zero (deflates about 1000:1), `contentSize` makes the
 * bytes in the archive differ from the size the API lists.
 */
const QUARANTINE_LIST = {
	key: 'quarantine',
	name: 'Quarantine',
	items: [
		{
			key: 'hostileNames',
			number: 60,
			title: '..\\..\\AUX',
			rawZipNames: true,
			attachments: HOSTILE_NAMES.map((name, i) => ({ name, size: 100 + i * 10 })),
		},
		{
			key: 'bomb',
			number: 61,
			title: 'Sensor dump (honest sizes)',
			attachments: [{ name: 'zeros.bin', size: 8 * MiB, content: 'zeros' }],
		},
		{
			key: 'lyingSize',
			number: 62,
			title: 'Sensor dump (listed small)',
			attachments: [{ name: 'tiny.bin', size: 4096, content: 'zeros', contentSize: 64 * MiB }],
		},
	],
};

/** A copy of the fixture JSON with the quarantine list in contoso's Contracts site. */
function withHostileItems(json) {
	const copy = structuredClone(json);
	const contoso = copy.organizations.find((o) => o.key === 'contoso');
	const contracts = contoso.sites.find((s) => s.key === 'contracts');
	contracts.lists.push(structuredClone(QUARANTINE_LIST));
	return copy;
}

module.exports = { withHostileItems, HOSTILE_NAMES, QUARANTINE_LIST };
