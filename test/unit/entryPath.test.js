const { splitEntryPath, unlistedArchiveLimits } = require('../../dist/nodes/VeeamM365/delivery');

describe('folder paths of archive entries', () => {
	test('keeps the folders and the name', () => {
		expect(splitEntryPath('Projects/Fabrikam/Contracts/見積書 メモ.txt')).toEqual({
			folderPath: 'Projects/Fabrikam/Contracts',
			name: '見積書 メモ.txt',
		});
		expect(splitEntryPath('top.docx')).toEqual({ folderPath: '', name: 'top.docx' });
	});
	test('backslashes separate too; empty, "." and ".." parts are dropped', () => {
		expect(splitEntryPath('..\\..\\etc//./passwd')).toEqual({ folderPath: 'etc', name: 'passwd' });
		expect(splitEntryPath('/abs/path/x.txt').folderPath).toBe('abs/path');
	});
	test('folder names are made safe like file names', () => {
		expect(splitEntryPath('a:b/c?d/file.txt').folderPath).toBe('a_b/c_d');
	});
});

describe('limits for an archive nothing was listed for', () => {
	test('only the user caps and an entry ceiling', () => {
		expect(unlistedArchiveLimits({ maxCompressionRatio: 1000, maxTotalSizeMb: 0 })).toEqual({
			maxEntries: 1_000_000,
			maxCompressionRatio: 1000,
		});
		expect(unlistedArchiveLimits({ maxCompressionRatio: 0, maxTotalSizeMb: 2 })).toEqual({
			maxEntries: 1_000_000,
			maxTotalBytes: 2 * 1024 * 1024,
		});
	});
});
