const { restoreSummary, formatBytes } = require('../../dist/nodes/VeeamM365/helpers/summary');

const prettyBytes = require('pretty-bytes');

test('formatBytes writes sizes the way n8n shows binary data (pretty-bytes)', () => {
	expect(formatBytes(0)).toBe('0 B');
	expect(formatBytes(999)).toBe('999 B');
	expect(formatBytes(183211)).toBe('183 kB');
	expect(formatBytes(5 * 1024 ** 3)).toBe('5.37 GB');
	const sizes = [1, 9, 10, 999, 1000, 1001, 1499, 1500, 9995, 99_950, 999_499, 999_500, 1e6, 123_456_789];
	for (let size = 1; size < 1e16; size = Math.ceil(size * 1.37) + 1) sizes.push(size);
	for (const size of sizes) expect(formatBytes(size)).toBe(prettyBytes(size));
});

test('a summary names files, sizes, backup and session', () => {
	expect(
		restoreSummary(
			'Restored',
			[
				{ name: 'a.pdf', sizeBytes: 2048 },
				{ name: 'b.txt', sizeBytes: 10 },
			],
			{
				restoreSessionId: 'S1',
				pointInTime: 'latest',
			},
		),
	).toBe(
		'Restored 2 attachments (2.06 kB) from the latest backup (restore session S1): a.pdf (2.05 kB), b.txt (10 B)',
	);
	expect(
		restoreSummary('Sent', [{ name: 'a.pdf' }], {
			restoreSessionId: 'S2',
			pointInTime: '2024-03-10T12:00:00.000Z',
			to: 'x@y.com',
		}),
	).toBe(
		'Sent 1 attachment to x@y.com from the backup as of 2024-03-10T12:00:00.000Z (restore session S2): a.pdf',
	);
});
