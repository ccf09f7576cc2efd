'use strict';

const { findOperation, listOperations, VERSIONS } = require('./index');

const RID = '9f786f0f-de9a-4a90-8118-093b6cb2c4fc';
const SITE = 'ef10cefb-1111-4a90-8118-d3702fc4ac8f6d7caa6b-2222-4a90-8118-8bf5b0b55ebd';
const ITEM = `${SITE}1cfe4469-0a31-414b-9fd0-e84a087dcb739f242172-6d3f-47a2-816a-4989d45e88dd`;
const ATT = `${ITEM}e42b25e5-3333-4a90-8118-093b6cb2c4fc`;
const itemPath = (v) => `/${v}/RestoreSessions/${RID}/Organization/Sites/${SITE}/Items/${ITEM}`;

describe('findOperation', () => {
	test.each(VERSIONS)('%s: attachment operations with their params', (v) => {
		expect(findOperation(v, 'GET', `${itemPath(v)}/Attachments?offset=0&limit=30`)).toEqual({
			operationId: 'SharePointAttachment_Get',
			name: 'SharePointAttachment_Get',
			pathTemplate: `/${v}/RestoreSessions/{restoreSessionId}/Organization/Sites/{siteId}/Items/{itemId}/Attachments`,
			params: { restoreSessionId: RID, siteId: SITE, itemId: ITEM },
		});
		expect(findOperation(v, 'POST', `${itemPath(v)}/Attachments/save`).operationId).toBe(
			'SharePointAttachment_SaveAttachmentsAction',
		);
		const single = findOperation(v, 'POST', `${itemPath(v)}/Attachments/${ATT}/send`);
		expect(single.operationId).toBe('SharePointAttachment_SendAttachmentAction');
		expect(single.params.attachmentId).toBe(ATT);
		expect(findOperation(v, 'GET', `${itemPath(v)}/Attachments/${ATT}`).operationId).toBe(
			'SharePointAttachment_GetById',
		);
	});

	test('matches case-insensitively (method, literals) and keeps param values as given', () => {
		const found = findOperation(
			'v8',
			'post',
			`/V8/restoresessions/${RID}/organization/sites/AbC/items/dEf/attachments/SAVE?X=1`,
		);
		expect(found.operationId).toBe('SharePointAttachment_SaveAttachmentsAction');
		expect(found.params).toEqual({ restoreSessionId: RID, siteId: 'AbC', itemId: 'dEf' });
		expect(findOperation('v7', 'PUT', '/v7/vespemailsettings').operationId).toBe(
			'VespEmailSettings_Update',
		);
		expect(findOperation('v6', 'POST', '/V6/TOKEN').operationId).toBe('token');
	});

	test('per-version operationIds and canonical names', () => {
		const explore = (v) => findOperation(v, 'POST', `/${v}/Organizations/${RID}/explore`);
		expect(explore('v6')).toMatchObject({
			operationId: 'Organization_ExploreAction',
			name: 'Organization_Explore',
		});
		expect(explore('v7')).toMatchObject({
			operationId: 'Organization_ExploreAction',
			name: 'Organization_Explore',
		});
		expect(explore('v8')).toMatchObject({
			operationId: 'Organization_Explore',
			name: 'Organization_Explore',
		});
		const sendTest = (v) =>
			findOperation(v, 'POST', `/${v}/VespEmailSettings/SendTestEmail`).operationId;
		expect([sendTest('v6'), sendTest('v7'), sendTest('v8')]).toEqual([
			'VespEmailSettings_SendTestEmailAction',
			'VespEmailSettings_SendTestEmailAction',
			'VespEmailSettings_SendTestEmail',
		]);
		expect(findOperation('v7', 'GET', '/v7/RestorePoints?limit=1').operationId).toBe(
			'RestorePoint_GetRestorePointsV7',
		);
	});

	test('logout exists in v7 and v8 only', () => {
		expect(findOperation('v6', 'POST', '/v6/token/logout')).toBeNull();
		expect(findOperation('v7', 'POST', '/v7/token/logout').operationId).toBe('logout');
		expect(findOperation('v8', 'POST', '/v8/Token/Logout').operationId).toBe('logout');
	});

	test('accepts full URLs, decodes params and tolerates a trailing slash', () => {
		const found = findOperation(
			'v8',
			'GET',
			`https://vbo.local:4443/v8/RestoreSessions/${RID}/Organization/Sites/a%20b/`,
		);
		expect(found.operationId).toBe('SharePointSite_GetById');
		expect(found.params.siteId).toBe('a b');
	});

	test('a literal segment in a param position matches the param (as the server routes it)', () => {
		expect(findOperation('v8', 'GET', `${itemPath('v8')}/Attachments/save`)).toMatchObject({
			operationId: 'SharePointAttachment_GetById',
			params: { attachmentId: 'save' },
		});
	});

	test('returns null for a wrong method, wrong version prefix, unknown or out-of-contract path', () => {
		expect(findOperation('v8', 'GET', `${itemPath('v8')}/Attachments/${ATT}/save`)).toBeNull();
		expect(findOperation('v8', 'DELETE', `/v8/RestoreSessions/${RID}`)).toBeNull();
		expect(findOperation('v8', 'GET', `/v7/RestoreSessions/${RID}`)).toBeNull();
		expect(findOperation('v8', 'GET', '/v8/Nothing')).toBeNull();
		expect(
			findOperation(
				'v8',
				'GET',
				`/v8/RestoreSessions/${RID}/Organization/Sites/${SITE}/Documents/${RID}/Versions`,
			),
		).toBeNull();
		expect(
			findOperation('v8', 'GET', `/v8/RestoreSessions/${RID}/Organization/Sites//Items`),
		).toBeNull();
	});

	test('rejects unsupported versions loudly', () => {
		expect(() => findOperation('v5', 'GET', '/v5/RestoreSessions')).toThrow(
			/unsupported API version/,
		);
	});

	test.each(VERSIONS)('%s: every listed operation is found at its own template', (v) => {
		for (const op of listOperations(v)) {
			const concrete = op.pathTemplate.replace(/\{(\w+)\}/g, (_, name) => `x-${name}`);
			expect(findOperation(v, op.method, concrete)).toMatchObject({
				operationId: op.operationId,
				pathTemplate: op.pathTemplate,
			});
		}
	});
});
