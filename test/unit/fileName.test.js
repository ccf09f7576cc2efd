'use strict';
const {
	sanitizeFileName,
	uniqueFileNames,
} = require('../../dist/nodes/VeeamM365/delivery/fileName');

const bytes = (s) => Buffer.byteLength(s, 'utf8');

describe('sanitizeFileName', () => {
	test.each([
		['report.pdf', 'report.pdf'],
		['../../etc/passwd', 'passwd'],
		['..\\..\\Windows\\system.ini', 'system.ini'],
		['/absolute/path/file.txt', 'file.txt'],
		['C:\\Users\\x\\file.txt', 'file.txt'],
		['dir/sub/', 'sub'],
		['a\u0000b\u0007c\u001f\u007fd\u0085e\u009f.txt', 'abcde.txt'],
		['invoice\u202Efdp.exe', 'invoicefdp.exe'],
		['x\u2066y\u2069\u200e\u200f\u061c.txt', 'xy.txt'],
		['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
		['trailing dots...', 'trailing dots'],
		['trailing space.txt  ', 'trailing space.txt'],
		['  leading space.txt', 'leading space.txt'],
		['CON', '_CON'],
		['con.txt', '_con.txt'],
		['Nul.tar.gz', '_Nul.tar.gz'],
		['COM1', '_COM1'],
		['lpt9.log', '_lpt9.log'],
		['COM\u00b9.txt', '_COM\u00b9.txt'],
		['CON .txt', '_CON .txt'],
		['console.txt', 'console.txt'],
		['COM10', 'COM10'],
		['aux_data.csv', 'aux_data.csv'],
		['Angebot Müller; Version=2 (100%).docx', 'Angebot Müller; Version=2 (100%).docx'],
		["O'Brien's notes.txt", "O'Brien's notes.txt"],
		['日本語のファイル.txt', '日本語のファイル.txt'],
		['emoji 😀.png', 'emoji 😀.png'],
		['.profile', '.profile'],
		['Cafe\u0301.txt', 'Café.txt'], // NFC
	])('%j → %j', (input, expected) => {
		expect(sanitizeFileName(input, 'fallback.bin')).toBe(expected);
	});

	test.each([
		'',
		'.',
		'..',
		'...',
		'   ',
		'/',
		'\\',
		'../..',
		'a/..',
		'\u0000\u0001',
		'\u202e',
		' . . ',
	])('%j uses the fallback', (input) => {
		expect(sanitizeFileName(input, 'attachment.zip')).toBe('attachment.zip');
	});

	test('the fallback is sanitized too, with a last resort', () => {
		expect(sanitizeFileName('', '../x<y>.zip')).toBe('x_y_.zip');
		expect(sanitizeFileName('', '')).toBe('file');
		expect(sanitizeFileName(undefined, 'CON')).toBe('_CON');
	});

	test('limits the name to 255 UTF-8 bytes, keeping the extension and whole characters', () => {
		const long = 'a'.repeat(300) + '.pdf';
		const result = sanitizeFileName(long, 'x');
		expect(bytes(result)).toBe(255);
		expect(result.endsWith('.pdf')).toBe(true);

		const umlauts = 'ü'.repeat(200) + '.docx'; // 2 bytes each
		const shortened = sanitizeFileName(umlauts, 'x');
		expect(bytes(shortened)).toBeLessThanOrEqual(255);
		expect(shortened).toBe('ü'.repeat(125) + '.docx');

		const emoji = '😀'.repeat(100) + '.png'; // 4 bytes, surrogate pairs
		const trimmed = sanitizeFileName(emoji, 'x');
		expect(trimmed).toBe('😀'.repeat(62) + '.png');
		expect(trimmed).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);

		const hugeExtension = 'name.' + 'e'.repeat(300);
		expect(bytes(sanitizeFileName(hugeExtension, 'x'))).toBe(255);
		expect(sanitizeFileName('x'.repeat(250) + ' . .txt', 'y').endsWith('.txt')).toBe(true);
	});

	test('results survive path.parse unchanged', () => {
		const path = require('path');
		for (const name of ['../a/b.txt', 'C:\\x\\y.zip', 'we;ird=na%me.txt', '..\\..\\boot.ini']) {
			const safe = sanitizeFileName(name, 'f');
			expect(path.posix.parse(safe).base).toBe(safe);
			expect(path.win32.parse(safe).base).toBe(safe);
		}
	});
});

describe('uniqueFileNames', () => {
	test('appends (2), (3) before the extension, case-insensitively', () => {
		expect(uniqueFileNames(['a.txt', 'A.TXT', 'a.txt', 'b.txt'])).toEqual([
			'a.txt',
			'A (2).TXT',
			'a (3).txt',
			'b.txt',
		]);
	});

	test('names without extension and dot files', () => {
		expect(uniqueFileNames(['README', 'readme', '.env', '.ENV'])).toEqual([
			'README',
			'readme (2)',
			'.env',
			'.ENV (2)',
		]);
	});

	test('generated names never collide with later original names', () => {
		expect(uniqueFileNames(['a.txt', 'a.txt', 'a (2).txt'])).toEqual([
			'a.txt',
			'a (3).txt',
			'a (2).txt',
		]);
		const names = ['x.zip', 'x.zip', 'x (2).zip', 'X (2).zip', 'x (3).zip', 'x.zip'];
		const unique = uniqueFileNames(names);
		expect(new Set(unique.map((n) => n.toLowerCase())).size).toBe(names.length);
	});

	test('keeps unique names untouched and handles empty input', () => {
		expect(uniqueFileNames([])).toEqual([]);
		expect(uniqueFileNames(['a', 'b', 'c.d'])).toEqual(['a', 'b', 'c.d']);
	});

	test('stays within 255 UTF-8 bytes after adding the counter', () => {
		const long = 'é'.repeat(125) + '.pdf'; // 254 bytes
		const [first, second] = uniqueFileNames([long, long]);
		expect(first).toBe(long);
		expect(bytes(second)).toBeLessThanOrEqual(255);
		expect(second.endsWith(' (2).pdf')).toBe(true);
	});
});
