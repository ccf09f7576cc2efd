'use strict';

const { validateRequest, VERSIONS } = require('./index');

const RID = '9f786f0f-de9a-4a90-8118-093b6cb2c4fc';
const ORG = '0b5a3c4e-6b2f-4a4e-9d56-2f1f0c9a7e11';
const ATT = 'att-1';
const items = (v) => `/${v}/RestoreSessions/${RID}/Organization/Sites/site-1/Items/item-1`;
const mail = {
	from: 'backup@contoso.com',
	to: 'r.clark@contoso.com',
	subject: 'Restored',
	text: 'See attached.',
};

function expectOk(result) {
	expect(result.errors).toEqual([]);
	expect(result.ok).toBe(true);
}

function expectErrors(result, ...patterns) {
	expect(result.ok).toBe(false);
	for (const pattern of patterns)
		expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
}

describe('validateRequest: attachment save and send', () => {
	test.each(VERSIONS)('%s accepts the documented bodies', (v) => {
		const save = validateRequest(v, 'POST', `${items(v)}/Attachments/save`, {
			attachments: [{ id: ATT }],
		});
		expectOk(save);
		expect(save.operationId).toBe('SharePointAttachment_SaveAttachmentsAction');
		expectOk(
			validateRequest(v, 'POST', `${items(v)}/Attachments/send`, {
				attachments: [{ id: ATT }],
				...mail,
			}),
		);
		expectOk(validateRequest(v, 'POST', `${items(v)}/Attachments/${ATT}/send`, mail));
		expectOk(validateRequest(v, 'POST', `${items(v)}/Attachments/${ATT}/save`, undefined));
	});

	test('accepts JSON text and Buffers as bodies', () => {
		const body = JSON.stringify({ attachments: [{ id: ATT }] });
		expectOk(validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, body));
		expectOk(validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, Buffer.from(body)));
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, '{"attachments":'),
			/not valid JSON/,
		);
	});

	test('rejects unknown fields, at any depth', () => {
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, {
				attachments: [{ id: ATT, fileName: 'x' }],
				asZip: true,
			}),
			/^request body: unknown property "asZip"$/,
			/^request body\/attachments\/0: unknown property "fileName"$/,
		);
		expectErrors(
			validateRequest('v6', 'POST', `${items('v6')}/Attachments/${ATT}/send`, {
				...mail,
				attachments: [],
			}),
			/unknown property "attachments"/,
		);
		expectErrors(
			validateRequest('v7', 'POST', `${items('v7')}/Attachments/send`, {
				...mail,
				skipItemChecks: true,
			}),
			/unknown property "skipItemChecks"/,
		);
	});

	test('rejects read-only fields copied from a GET response', () => {
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, {
				attachments: [{ id: ATT, _links: { self: { href: '/x' } } }],
			}),
			/attachments\/0\/_links: read-only property must not be sent/,
		);
	});

	test('rejects wrong types', () => {
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, {
				attachments: { id: ATT },
			}),
			/attachments: must be array/,
		);
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/send`, { ...mail, to: ['a@b.c'] }),
			/\/to: must be string/,
		);
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, [{ id: ATT }]),
			/request body: must be object/,
		);
	});

	test('requires the body where the spec does, and forbids one where there is none', () => {
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/send`, undefined),
			/request body is required/,
		);
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/save`, ''),
			/request body is required/,
		);
		expectErrors(
			validateRequest('v8', 'POST', `${items('v8')}/Attachments/${ATT}/save`, {}),
			/takes no request body/,
		);
		expectErrors(
			validateRequest('v7', 'POST', `/v7/RestoreSessions/${RID}/Stop`, { stop: null }),
			/takes no request body/,
		);
	});
});

describe('validateRequest: explore', () => {
	const body = {
		dateTime: '2024-05-01T00:00:00Z',
		type: 'Vesp',
		showDeleted: false,
		showAllVersions: false,
	};
	const explore = (v) => `/${v}/Organizations/${ORG}/explore`;

	test.each(VERSIONS)('%s accepts the common body, with nulls where nullable', (v) => {
		expectOk(validateRequest(v, 'POST', explore(v), body));
		expectOk(
			validateRequest(v, 'POST', explore(v), {
				dateTime: null,
				type: null,
				showDeleted: null,
				showAllVersions: null,
			}),
		);
		expectOk(validateRequest(v, 'POST', explore(v), {}));
	});

	test('repositoryId is v8-only', () => {
		expectOk(
			validateRequest('v8', 'POST', explore('v8'), {
				...body,
				repositoryId: '5d9fd0a5-7a66-4bd0-9b4c-0c4bb9e1c5a8',
			}),
		);
		expectOk(validateRequest('v8', 'POST', explore('v8'), { ...body, repositoryId: null }));
		expectErrors(
			validateRequest('v6', 'POST', explore('v6'), { ...body, repositoryId: null }),
			/unknown property "repositoryId"/,
		);
		expectErrors(
			validateRequest('v7', 'POST', explore('v7'), { ...body, repositoryId: null }),
			/unknown property "repositoryId"/,
		);
	});

	test('checks enum, format and the v6 doc spelling "datetime"', () => {
		expectErrors(
			validateRequest('v8', 'POST', explore('v8'), { ...body, type: 'vesp' }),
			/\/type: must be one of "Vex", "Veod", "Vesp", "Vet", null/,
		);
		expectErrors(
			validateRequest('v8', 'POST', explore('v8'), { ...body, dateTime: '2024-05-01 00:00' }),
			/\/dateTime: must match format "date-time"/,
		);
		expectErrors(
			validateRequest('v8', 'POST', explore('v8'), { ...body, repositoryId: 'repo-1' }),
			/\/repositoryId: must match format "uuid"/,
		);
		expectErrors(
			validateRequest('v6', 'POST', explore('v6'), { datetime: '2024-05-01T00:00:00Z' }),
			/unknown property "datetime"/,
		);
		expectErrors(
			validateRequest('v6', 'POST', explore('v6'), { ...body, showDeleted: 'true' }),
			/showDeleted: must be boolean,null/,
		);
	});

	test('checks path parameter formats', () => {
		expectErrors(
			validateRequest('v8', 'POST', '/v8/Organizations/contoso/explore', body),
			/path parameter organizationId: must match format "uuid"/,
		);
		expectErrors(
			validateRequest('v8', 'GET', '/v8/RestoreSessions/not-a-uuid'),
			/path parameter restoreSessionId/,
		);
	});
});

describe('validateRequest: query parameters', () => {
	test('accepts known, typed parameters (names matched case-insensitively)', () => {
		expectOk(validateRequest('v8', 'GET', `${items('v8')}/Attachments?offset=0&limit=30`));
		expectOk(
			validateRequest(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}/Organization/Sites/s/Items?parentId=root&includeFolders=false&Limit=10`,
			),
		);
		expectOk(validateRequest('v8', 'GET', '/v8/RestoreSessions?orderBy=EndTime&orderAsc=true'));
		expectOk(validateRequest('v6', 'GET', '/v6/Organizations?extendedView=false'));
	});

	test('reports unknown names, bad integers, booleans and enums, duplicates', () => {
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?pageSize=5`),
			/unknown query parameter "pageSize" \(known: offset, limit\)/,
		);
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?limit=ten`),
			/query parameter limit: must be integer/,
		);
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?limit=1.5`),
			/query parameter limit: must be integer/,
		);
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?limit=0x10`),
			/query parameter limit: must be integer/,
		);
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?offset=1e3`),
			/query parameter offset: must be integer/,
		);
		expectErrors(
			validateRequest('v8', 'GET', `${items('v8')}/Attachments?limit=99999999999`),
			/query parameter limit: must match format "int32"/,
		);
		expectErrors(
			validateRequest('v8', 'GET', '/v8/RestoreSessions?orderAsc=yes'),
			/query parameter orderAsc: must be boolean/,
		);
		expectErrors(
			validateRequest('v8', 'GET', '/v8/RestoreSessions?orderBy=Name'),
			/query parameter orderBy: must be one of "CreationTime", "EndTime"/,
		);
		expectErrors(
			validateRequest('v8', 'GET', '/v8/RestoreSessions?limit=1&limit=2'),
			/limit given more than once/,
		);
	});

	test('version differences in parameters', () => {
		expectErrors(
			validateRequest(
				'v6',
				'GET',
				`/v6/RestoreSessions/${RID}/Organization/Sites/s/Items?includeFolders=true`,
			),
			/unknown query parameter "includeFolders"/,
		);
		expectErrors(
			validateRequest('v7', 'GET', '/v7/RestoreSessions?orderBy=EndTime'),
			/unknown query parameter "orderBy"/,
		);
		// v6 declares extendedView as required on GET /Organizations; v7 and v8 do not.
		expectErrors(
			validateRequest('v6', 'GET', '/v6/Organizations'),
			/missing required query parameter extendedView/,
		);
		expectOk(validateRequest('v7', 'GET', '/v7/Organizations'));
		expectErrors(
			validateRequest('v7', 'GET', '/v7/Organizations?limit=10'),
			/unknown query parameter "limit"/,
		);
		expectOk(validateRequest('v8', 'GET', '/v8/Organizations?limit=10&offset=0'));
	});
});

describe('validateRequest: token, email settings, unknown operations', () => {
	test('token accepts form-encoded and JSON bodies', () => {
		const form =
			'grant_type=password&username=DOMAIN%5Cadmin&password=s3cret&disable_antiforgery_token=true';
		expectOk(validateRequest('v8', 'POST', '/v8/token', form));
		expectOk(
			validateRequest(
				'v7',
				'POST',
				'/v7/token',
				new URLSearchParams({
					grant_type: 'refresh_token',
					refresh_token: 'r',
					disable_antiforgery_token: 'true',
				}),
			),
		);
		expectOk(
			validateRequest('v6', 'POST', '/v6/token', {
				grant_type: 'password',
				username: 'u',
				password: 'p',
			}),
		);
		expectOk(
			validateRequest('v6', 'POST', '/v6/token', 'grant_type=password&username=u&password=p', {
				contentType: 'application/x-www-form-urlencoded',
			}),
		);
		const formObject = {
			grant_type: 'password',
			username: 'u',
			password: 'p',
			disable_antiforgery_token: true,
		};
		const asForm = { contentType: 'application/x-www-form-urlencoded' };
		expectOk(validateRequest('v8', 'POST', '/v8/token', formObject, asForm));
		expectErrors(
			validateRequest('v8', 'POST', '/v8/token', { ...formObject, extra: 'x' }, asForm),
			/unknown property "extra"/,
		);
		expectErrors(
			validateRequest('v8', 'POST', '/v8/token', {
				...formObject,
				disable_antiforgery_token: 'true',
			}),
			/disable_antiforgery_token: must be boolean/,
		);
	});

	test('token: version differences and bad values, without echoing secrets', () => {
		const v6 = validateRequest(
			'v6',
			'POST',
			'/v6/token',
			'grant_type=password&username=u&password=hunter2&disable_antiforgery_token=true',
		);
		expectErrors(v6, /unknown property "disable_antiforgery_token"/);
		expectErrors(
			validateRequest('v8', 'POST', '/v8/token', {
				grant_type: 'integration',
				integration_token: 't',
			}),
			/grant_type: must be one of/,
			/unknown property "integration_token"/,
		);
		expectErrors(
			validateRequest('v8', 'POST', '/v8/token', 'username=u&password=hunter2'),
			/missing required property "grant_type"/,
		);
		expectErrors(
			validateRequest(
				'v8',
				'POST',
				'/v8/token',
				'grant_type=password&disable_antiforgery_token=maybe',
			),
			/disable_antiforgery_token: must be boolean/,
		);
		expectErrors(
			validateRequest('v8', 'POST', '/v8/token', '<x/>', { contentType: 'text/xml' }),
			/content type text\/xml is not accepted/,
		);
		const all = [
			v6,
			validateRequest('v8', 'POST', '/v8/token', { grant_type: 'password', password: 42 }),
		];
		for (const result of all) expect(result.errors.join(' ')).not.toMatch(/hunter2|42/);
	});

	test('email settings update and test mail', () => {
		const settings = {
			enableNotification: true,
			server: 'smtp.contoso.com',
			port: 587,
			from: 'b@contoso.com',
			useAuthentication: true,
			useSSL: true,
			username: 'b',
			userPassword: 'p',
		};
		expectOk(validateRequest('v6', 'PUT', '/v6/VespEmailSettings', settings));
		expectOk(
			validateRequest('v8', 'PUT', '/v8/VespEmailSettings', {
				...settings,
				port: null,
				requestId: null,
			}),
		);
		expectErrors(
			validateRequest('v6', 'PUT', '/v6/VespEmailSettings', { ...settings, requestId: 'x' }),
			/unknown property "requestId"/,
		);
		expectErrors(
			validateRequest('v8', 'PUT', '/v8/VespEmailSettings', { ...settings, port: '587' }),
			/\/port: must be integer,null/,
		);
		expectErrors(
			validateRequest('v8', 'PUT', '/v8/VespEmailSettings', { ...settings, smtpServer: 'x' }),
			/unknown property "smtpServer"/,
		);
		expectOk(
			validateRequest('v7', 'POST', '/v7/VespEmailSettings/SendTestEmail', {
				email: 'a@contoso.com',
			}),
		);
		expectErrors(
			validateRequest('v8', 'POST', '/v8/VespEmailSettings/SendTestEmail', { to: 'a@contoso.com' }),
			/unknown property "to"/,
		);
	});

	test('search body', () => {
		const search = `/v8/RestoreSessions/${RID}/Organization/Sites/s/Lists/l/search?itemType=Items&limit=100`;
		expectOk(validateRequest('v8', 'POST', search, { query: '*' }));
		expectErrors(validateRequest('v8', 'POST', search, { q: '*' }), /unknown property "q"/);
		expectErrors(
			validateRequest('v8', 'POST', search.replace('Items', 'Documents'), { query: '*' }),
			/itemType: must be one of "All", "Folders", "Items"/,
		);
	});

	test('unknown operation or method', () => {
		const result = validateRequest(
			'v8',
			'GET',
			`${items('v8')}/Attachments/save`.replace('/save', `/${ATT}/save`),
		);
		expect(result).toEqual({
			ok: false,
			operationId: null,
			errors: [
				expect.stringMatching(
					/no v8 operation in the contract matches GET .*\(that path allows: POST\)/,
				),
			],
		});
		expect(validateRequest('v8', 'POST', '/v8/Jobs').ok).toBe(false);
	});
});
