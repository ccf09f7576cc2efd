'use strict';

const { validateResponse, VERSIONS } = require('./index');

const RID = '9f786f0f-de9a-4a90-8118-093b6cb2c4fc';
const ORG = '0b5a3c4e-6b2f-4a4e-9d56-2f1f0c9a7e11';
const JSON_CT = 'application/json; charset=utf-8';
const BIN_CT = 'application/octet-stream';
const site = (v) => `/${v}/RestoreSessions/${RID}/Organization/Sites/site-1`;
const items = (v) => `${site(v)}/Items/item-1`;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);

function expectOk(result) {
	expect(result.errors).toEqual([]);
	expect(result.ok).toBe(true);
}

function expectErrors(result, ...patterns) {
	expect(result.ok).toBe(false);
	for (const pattern of patterns)
		expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
}

const session = (v) => ({
	id: RID,
	name: 'Restore',
	organization: 'contoso.onmicrosoft.com',
	type: 'Vesp',
	creationTime: '2024-05-01T10:00:00.1234567Z',
	endTime: null,
	state: 'Working',
	result: 'Success',
	initiatedBy: 'DOMAIN\\admin',
	...(v === 'v8' ? { eTag: 1 } : {}),
	_links: { self: { href: `/${v}/RestoreSessions/${RID}` } },
});

const item = {
	id: 'item-1',
	name: '1_.000',
	title: 'Item_1',
	version: '5.0',
	versionId: 5,
	createdBy: 'a',
	creationTime: '2024-05-01T10:00:00Z',
	modifiedBy: 'b',
	modificationTime: '2024-05-02T10:00:00Z',
};

const page = (v, results) => ({
	offset: 0,
	limit: 30,
	results,
	_links: { self: { href: `/${v}/x?offset=0&limit=30` } },
});

describe('validateResponse: status codes per version', () => {
	test('send: 200 without body in v6/v7, 204 in v8', () => {
		for (const v of ['v6', 'v7']) {
			expectOk(
				validateResponse(v, 'POST', `${items(v)}/Attachments/send`, 200, undefined, undefined),
			);
			expectErrors(
				validateResponse(v, 'POST', `${items(v)}/Attachments/send`, 204, undefined, ''),
				/status 204 is not declared \(declared: 200, default\)/,
			);
		}
		expectOk(validateResponse('v8', 'POST', `${items('v8')}/Attachments/send`, 204, '', ''));
		expectOk(
			validateResponse(
				'v8',
				'POST',
				`${items('v8')}/Attachments/att-1/send`,
				204,
				undefined,
				Buffer.alloc(0),
			),
		);
		expectErrors(
			validateResponse('v8', 'POST', `${items('v8')}/Attachments/send`, 200, undefined, undefined),
			/status 200 is not declared \(declared: 204, default\)/,
		);
		expectErrors(
			validateResponse('v8', 'POST', `${items('v8')}/Attachments/send`, '200', JSON_CT, {}),
			/status 200 is not declared/,
		);
	});

	test('explore: 200 in v6/v7, 201 in v8', () => {
		expectOk(
			validateResponse(
				'v6',
				'POST',
				`/v6/Organizations/${ORG}/explore`,
				200,
				JSON_CT,
				session('v6'),
			),
		);
		expectErrors(
			validateResponse(
				'v7',
				'POST',
				`/v7/Organizations/${ORG}/explore`,
				201,
				JSON_CT,
				session('v7'),
			),
			/status 201 is not declared/,
		);
		expectOk(
			validateResponse(
				'v8',
				'POST',
				`/v8/Organizations/${ORG}/explore`,
				201,
				JSON_CT,
				session('v8'),
			),
		);
		expectErrors(
			validateResponse(
				'v8',
				'POST',
				`/v8/Organizations/${ORG}/explore`,
				200,
				JSON_CT,
				session('v8'),
			),
			/status 200 is not declared/,
		);
	});

	test('stop, logout, settings update, test mail', () => {
		expectOk(
			validateResponse('v7', 'POST', `/v7/RestoreSessions/${RID}/Stop`, 200, undefined, undefined),
		);
		expectOk(
			validateResponse('v8', 'POST', `/v8/RestoreSessions/${RID}/Stop`, 204, undefined, undefined),
		);
		expectOk(validateResponse('v7', 'POST', '/v7/token/logout', 200, undefined, undefined));
		expectErrors(
			validateResponse('v8', 'POST', '/v8/token/logout', 200, undefined, undefined),
			/not declared/,
		);
		expectOk(validateResponse('v6', 'PUT', '/v6/VespEmailSettings', 200, undefined, undefined));
		expectOk(validateResponse('v8', 'PUT', '/v8/VespEmailSettings', 204, undefined, undefined));
		expectOk(
			validateResponse(
				'v7',
				'POST',
				'/v7/VespEmailSettings/SendTestEmail',
				200,
				undefined,
				undefined,
			),
		);
		expectOk(
			validateResponse(
				'v8',
				'POST',
				'/v8/VespEmailSettings/SendTestEmail',
				204,
				undefined,
				undefined,
			),
		);
	});

	test('a body where none is declared is an error', () => {
		expectErrors(
			validateResponse('v8', 'POST', `${items('v8')}/Attachments/send`, 204, JSON_CT, {
				sent: true,
			}),
			/status 204 declares no body/,
		);
		expectErrors(
			validateResponse('v6', 'POST', `${items('v6')}/Attachments/send`, 200, 'text/plain', 'OK'),
			/declares no body/,
		);
	});

	test('errors use the default response only for non-2xx', () => {
		expectOk(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 404, JSON_CT, {
				message: 'Not found',
				errorCode: 'ResourceNotFound',
			}),
		);
		expectOk(
			validateResponse('v6', 'POST', `${items('v6')}/Attachments/save`, 500, JSON_CT, {
				message: 'Boom',
			}),
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 202, JSON_CT, session('v8')),
			/status 202 is not declared/,
		);
		expectErrors(
			validateResponse('v7', 'GET', `/v7/RestoreSessions/${RID}`, 404, JSON_CT, {
				message: 'x',
				errorCode: 'ResourceNotFound',
			}),
			/errorCode: must be one of "ProxyOffline", null/,
		);
		// v6 RESTExceptionInfo has no errorCode, but responses stay open as the spec declares them.
		expectOk(
			validateResponse('v6', 'GET', `/v6/RestoreSessions/${RID}`, 400, JSON_CT, {
				message: 'x',
				errorCode: null,
			}),
		);
		expectErrors(
			validateResponse('v6', 'GET', `/v6/RestoreSessions/${RID}`, 400, JSON_CT, { message: 42 }),
			/message: must be string/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 401, 'text/html', '<h1>401</h1>'),
			/content type text\/html does not match the declared application\/json/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 401, JSON_CT, ''),
			/body is empty/,
		);
	});
});

describe('validateResponse: content types', () => {
	test.each(VERSIONS)('%s: save returns octet-stream bytes', (v) => {
		expectOk(validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, BIN_CT, ZIP));
		expectOk(
			validateResponse(
				v,
				'POST',
				`${items(v)}/Attachments/att-1/save`,
				200,
				BIN_CT,
				new Uint8Array(ZIP),
			),
		);
		expectErrors(
			validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, 'application/zip', ZIP),
			/content type application\/zip does not match the declared application\/octet-stream/,
		);
		expectErrors(
			validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, JSON_CT, { ok: true }),
			/does not match/,
		);
		expectErrors(
			validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, undefined, ZIP),
			/content type \(none\)/,
		);
		expectErrors(
			validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, BIN_CT, Buffer.alloc(0)),
			/body is empty/,
		);
		expectErrors(
			validateResponse(v, 'POST', `${items(v)}/Attachments/save`, 200, BIN_CT, { data: 'x' }),
			/must be bytes/,
		);
	});

	test('JSON responses must be JSON', () => {
		expectErrors(
			validateResponse(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}`,
				200,
				'text/plain',
				JSON.stringify(session('v8')),
			),
			/content type text\/plain does not match/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 200, JSON_CT, '{"id":'),
			/response body is not valid JSON/,
		);
		expectOk(
			validateResponse(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}`,
				200,
				'APPLICATION/JSON',
				Buffer.from(JSON.stringify(session('v8'))),
			),
		);
	});

	test('token: the spec says */*, application/json is accepted', () => {
		const token = {
			access_token: 'a',
			refresh_token: 'r',
			token_type: 'bearer',
			expires_in: 3600,
			userName: 'DOMAIN\\admin',
			'.issued': '2024-05-01T10:00:00Z',
			'.expires': '2024-05-01T11:00:00Z',
		};
		for (const v of VERSIONS)
			expectOk(validateResponse(v, 'POST', `/${v}/token`, 200, JSON_CT, token));
		expectErrors(
			validateResponse('v8', 'POST', '/v8/token', 200, 'text/plain', JSON.stringify(token)),
			/does not match the declared application\/json/,
		);
		const { userName, ...withoutUser } = token;
		expect(userName).toBeDefined();
		expectOk(validateResponse('v8', 'POST', '/v8/token', 200, JSON_CT, withoutUser));
		expectErrors(
			validateResponse('v6', 'POST', '/v6/token', 200, JSON_CT, withoutUser),
			/missing required property "userName"/,
		);
		expectErrors(
			validateResponse('v7', 'POST', '/v7/token', 200, JSON_CT, { ...token, expires_in: '3600' }),
			/expires_in: must be integer/,
		);
		expectErrors(
			validateResponse('v8', 'POST', '/v8/token', 200, JSON_CT, {
				...token,
				'.expires': 'Wed, 01 May 2024 11:00:00 GMT',
			}),
			/\.expires: must match format "date-time"/,
		);
	});
});

describe('validateResponse: schemas', () => {
	test.each(VERSIONS)('%s: item, attachment and session pages', (v) => {
		expectOk(
			validateResponse(v, 'GET', `${site(v)}/Items?parentId=root`, 200, JSON_CT, page(v, [item])),
		);
		expectOk(validateResponse(v, 'GET', `${items(v)}`, 200, JSON_CT, item));
		expectOk(
			validateResponse(
				v,
				'GET',
				`${items(v)}/Attachments`,
				200,
				JSON_CT,
				page(v, [
					{
						id: 'att-1',
						name: 'a.txt',
						sizeBytes: 16,
						url: '/sites/x/Lists/l/Attachments/1/a.txt',
					},
				]),
			),
		);
		expectOk(
			validateResponse(v, 'GET', `/${v}/RestoreSessions`, 200, JSON_CT, page(v, [session(v)])),
		);
	});

	test('missing required fields and wrong types are reported', () => {
		const { modifiedBy, ...noModifiedBy } = item;
		expect(modifiedBy).toBeDefined();
		expectErrors(
			validateResponse('v8', 'GET', items('v8'), 200, JSON_CT, noModifiedBy),
			/^response body: missing required property "modifiedBy"$/,
		);
		expectErrors(
			validateResponse('v8', 'GET', items('v8'), 200, JSON_CT, { ...item, version: 5 }),
			/response body\/version: must be string/,
		);
		expectErrors(
			validateResponse('v8', 'GET', items('v8'), 200, JSON_CT, { ...item, versionId: 5.5 }),
			/versionId: must be integer/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `${items('v8')}/Attachments`, 200, JSON_CT, {
				offset: 0,
				results: [],
			}),
			/missing required property "limit"/,
		);
		expectErrors(
			validateResponse(
				'v8',
				'GET',
				`${items('v8')}/Attachments`,
				200,
				JSON_CT,
				page('v8', [{ id: 'a', sizeBytes: '16' }]),
			),
			/results\/0\/sizeBytes: must be integer/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 200, JSON_CT, {
				...session('v8'),
				state: 'Running',
			}),
			/state: must be one of "Working", "Stopped"/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 200, JSON_CT, {
				...session('v8'),
				id: 'abc',
			}),
			/\/id: must match format "uuid"/,
		);
		expectErrors(
			validateResponse('v8', 'GET', `/v8/RestoreSessions/${RID}`, 200, JSON_CT, {
				...session('v8'),
				endTime: '2024-05-01',
			}),
			/endTime: must match format "date-time"/,
		);
	});

	test('responses are not closed where the spec does not close them', () => {
		expectOk(
			validateResponse('v8', 'GET', items('v8'), 200, JSON_CT, { ...item, somethingNew: 1 }),
		);
	});

	test('version differences in page shapes', () => {
		const orgs = [{ id: ORG, name: 'contoso', type: 'Office365', region: 'Worldwide' }];
		expectOk(validateResponse('v7', 'GET', '/v7/Organizations', 200, JSON_CT, orgs));
		expectErrors(
			validateResponse('v8', 'GET', '/v8/Organizations', 200, JSON_CT, orgs),
			/response body: must be object/,
		);
		expectOk(validateResponse('v8', 'GET', '/v8/Organizations', 200, JSON_CT, page('v8', orgs)));
		expectOk(
			validateResponse('v6', 'GET', '/v6/RestoreSessions', 200, JSON_CT, {
				...page('v6', []),
				totalCount: null,
			}),
		);
		expectOk(validateResponse('v6', 'GET', '/v6/RestorePoints', 200, JSON_CT, []));
		expectErrors(
			validateResponse('v8', 'GET', '/v8/RestorePoints', 200, JSON_CT, []),
			/must be object/,
		);
	});

	test('events page and email settings', () => {
		const event = {
			id: RID,
			status: 'Success',
			message: 'Sent',
			startTime: '2024-05-01T10:00:00Z',
			order: 1,
			type: 'Send',
			duration: '00:00:01',
		};
		expectOk(
			validateResponse(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}/Events?limit=10`,
				200,
				JSON_CT,
				page('v8', [event]),
			),
		);
		const { order, ...noOrder } = event;
		expect(order).toBe(1);
		expectErrors(
			validateResponse(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}/Events`,
				200,
				JSON_CT,
				page('v8', [noOrder]),
			),
			/results\/0: missing required property "order"/,
		);
		const settings = {
			enableNotification: true,
			server: 'smtp',
			port: 587,
			from: 'a@b.c',
			useAuthentication: false,
			useSSL: true,
			username: '',
		};
		expectOk(validateResponse('v6', 'GET', '/v6/VespEmailSettings', 200, JSON_CT, settings));
		expectErrors(
			validateResponse('v6', 'GET', '/v6/VespEmailSettings', 200, JSON_CT, {
				...settings,
				port: null,
			}),
			/port: must be integer/,
		);
		expectOk(
			validateResponse('v8', 'GET', '/v8/VespEmailSettings', 200, JSON_CT, {
				...settings,
				authenticationType: 'CustomSmtp',
				mailApiUrl: null,
			}),
		);
	});

	test('unknown operation', () => {
		expectErrors(
			validateResponse('v8', 'GET', '/v8/Jobs', 200, JSON_CT, []),
			/no v8 operation in the contract matches GET \/v8\/Jobs/,
		);
	});
});
