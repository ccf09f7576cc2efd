'use strict';
const {
	parseContentDisposition,
} = require('../../dist/nodes/VeeamM365/delivery/contentDisposition');

describe('parseContentDisposition', () => {
	test.each([
		['attachment; filename="x=y.zip"', { type: 'attachment', fileName: 'x=y.zip' }],
		['attachment; filename="a;b.zip"', { type: 'attachment', fileName: 'a;b.zip' }],
		['attachment; filename="100%.zip"', { type: 'attachment', fileName: '100%.zip' }],
		[
			"attachment; filename*=UTF-8''Angebot%20M%C3%BCller.zip",
			{ type: 'attachment', fileName: 'Angebot Müller.zip' },
		],
		[
			'attachment; filename="fallback.zip"; filename*=UTF-8\'\'%E2%82%AC%20rates.zip',
			{ type: 'attachment', fileName: '€ rates.zip' },
		],
		[
			'attachment; filename*=UTF-8\'\'%E2%82%AC.zip; filename="fallback.zip"',
			{ type: 'attachment', fileName: '€.zip' },
		],
		[
			'attachment; filename*=UTF-8\'\'bad%ZZ.zip; filename="ok.zip"',
			{ type: 'attachment', fileName: 'ok.zip' },
		],
		["attachment; filename*=UTF-8''trailing%2", { type: 'attachment' }],
		[
			"attachment; filename*=UTF-8''%C3%28.zip; filename=ok.zip",
			{ type: 'attachment', fileName: 'ok.zip' },
		], // invalid UTF-8
		[
			"attachment; filename*=ISO-8859-1'de'Gr%FC%DFe.txt",
			{ type: 'attachment', fileName: 'Grüße.txt' },
		],
		[
			"attachment; filename*=iso-8859-1''%A3%20rates.txt",
			{ type: 'attachment', fileName: '£ rates.txt' },
		],
		["attachment; filename*=UTF-8'en-US'a%20b.txt", { type: 'attachment', fileName: 'a b.txt' }],
		[
			"attachment; filename*=KOI8-R''%C1.txt; filename=x.txt",
			{ type: 'attachment', fileName: 'x.txt' },
		],
		['attachment; filename="say \\"hi\\".txt"', { type: 'attachment', fileName: 'say "hi".txt' }],
		[
			'attachment; filename="back\\\\slash.txt"',
			{ type: 'attachment', fileName: 'back\\slash.txt' },
		],
		['ATTACHMENT; FILENAME="Upper.ZIP"', { type: 'attachment', fileName: 'Upper.ZIP' }],
		[
			"Attachment; FileName*=utf-8''Upper%20Star.zip",
			{ type: 'attachment', fileName: 'Upper Star.zip' },
		],
		['attachment; filename=token.zip', { type: 'attachment', fileName: 'token.zip' }],
		[
			"attachment; filename=Attachments.zip; filename*=UTF-8''Attachments.zip",
			{ type: 'attachment', fileName: 'Attachments.zip' },
		],
		["attachment; filename*=utf8''caf%C3%A9.zip", { type: 'attachment', fileName: 'café.zip' }],
		[
			'attachment; filename*="UTF-8\'\'quoted%20star.zip"',
			{ type: 'attachment', fileName: 'quoted star.zip' },
		],
		['attachment;filename=token.zip ;size=12', { type: 'attachment', fileName: 'token.zip' }],
		['  inline ;  filename = "spaced.pdf"  ', { type: 'inline', fileName: 'spaced.pdf' }],
		[
			'attachment; filename="first.zip"; filename="second.zip"',
			{ type: 'attachment', fileName: 'first.zip' },
		],
		[
			'attachment; size=3; filename="late.zip"; creation-date="Wed, 12 Feb 1997 16:29:51 -0500"',
			{ type: 'attachment', fileName: 'late.zip' },
		],
		[
			'attachment; filename="M\u00c3\u00bcller.zip"',
			{ type: 'attachment', fileName: 'Müller.zip' },
		], // raw UTF-8 seen as Latin-1
		['attachment; filename="Caf\u00e9.zip"', { type: 'attachment', fileName: 'Café.zip' }], // genuine Latin-1
		[
			'attachment; filename="unterminated.zip',
			{ type: 'attachment', fileName: 'unterminated.zip' },
		],
		['attachment; filename=""', { type: 'attachment' }],
		['attachment; filename', { type: 'attachment' }],
		['attachment', { type: 'attachment' }],
		['filename="no-type.zip"', { fileName: 'no-type.zip' }],
		['', {}],
		[';;;', {}],
		['"quoted" garbage ;= ; ="x"', {}],
		[undefined, {}],
	])('%j', (header, expected) => {
		expect(parseContentDisposition(header)).toEqual(expected);
	});

	test('never throws on arbitrary input', () => {
		const alphabet = [
			'"',
			"'",
			';',
			'=',
			'%',
			'\\',
			'*',
			' ',
			'a',
			'filename',
			'filename*',
			'UTF-8',
			'%C3',
			'%ZZ',
			'\u00fc',
			'\ud83d',
		];
		for (let i = 0; i < 3000; i++) {
			let header = '';
			for (let j = 0; j < 12; j++)
				header += alphabet[(i * 7 + j * 13 + ((i * j) % 11)) % alphabet.length];
			expect(() => parseContentDisposition(header)).not.toThrow();
		}
		expect(() => parseContentDisposition(42)).not.toThrow();
	});
});
