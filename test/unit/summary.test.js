const { restoreSummary, formatBytes } = require('../../dist/nodes/VeeamM365/helpers/summary');

test('formatBytes', () => {
	expect(formatBytes(0)).toBe('0 B');
	expect(formatBytes(1023)).toBe('1023 B');
	expect(formatBytes(183211)).toBe('178.9 KB');
	expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
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
		'Restored 2 attachments (2.0 KB) from the latest backup (restore session S1): a.pdf (2.0 KB), b.txt (10 B)',
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
