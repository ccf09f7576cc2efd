import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { needsAntiforgeryOptOut, parseApiVersion } from '../nodes/VeeamM365/transport/apiVersion';
import { describeLoginFailure } from '../nodes/VeeamM365/transport/connectionFailures';
import {
	LOGIN_WAIT_BUDGET_MS,
	LoginThrottledError,
	describeThrottledLogin,
	loginRetryDelayMs,
	parseRetryAfter,
} from '../nodes/VeeamM365/transport/loginThrottle';
import { normalizeServerUrl } from '../nodes/VeeamM365/transport/serverUrl';
import {
	offeredApiVersions,
	unservedVersionMessage,
} from '../nodes/VeeamM365/transport/versionProbe';
import {
	bindSessionToken,
	boundSessionToken,
	isRequestToServer,
} from '../nodes/VeeamM365/transport/sessionBinding';

export class VeeamM365Api implements ICredentialType {
	name = 'veeamM365Api';

	displayName = 'Veeam Backup for Microsoft 365 API';

	icon: Icon = { light: 'file:../icons/veeam.svg', dark: 'file:../icons/veeam.dark.svg' };

	documentationUrl =
		'https://helpcenter.veeam.com/docs/vbo365/rest/authorization_basic_legacy.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://vb365.contoso.local:4443',
			description:
				'Address of the VB365 REST API. Port 4443 is used when none is given; a trailing path is ignored.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			default: 'v8',
			description:
				'REST API version to call. VB365 8.x serves v8, v7 and v6 (v5 deprecated); 7.0 serves v7 and older; 6.0 serves v6 to v3; VBO 5.0 serves v5 and older.',
			options: [
				{ name: 'V8 (VB365 8.x)', value: 'v8' },
				{ name: 'V7 (VB365 7.x)', value: 'v7' },
				{ name: 'V6 (VB365 6.x)', value: 'v6' },
				{ name: 'V5 (VBO 5.0)', value: 'v5' },
				{ name: 'V4 (VBO 4.0)', value: 'v4' },
				{ name: 'V3 (VBO 3.0)', value: 'v3' },
				{ name: 'V2 (VBO 2.0)', value: 'v2' },
			],
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'password',
			options: [
				{
					name: 'Username and Password',
					value: 'password',
					description: 'Log in with a VB365 account; tokens are obtained and renewed automatically',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'Use a bearer token obtained elsewhere (it is not renewed)',
				},
			],
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'e.g. CONTOSO\\restore-operator',
			description: 'Account allowed to use the VB365 REST API (MFA must be off for it)',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The access_token value returned by POST /vN/token',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be verified, e.g. the self-signed certificate VB365 generates at install',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'accessToken') {
			const token = String(credentials.accessToken ?? '').trim();
			if (token === '') {
				throw new Error(
					'The Access Token is empty: paste a VB365 access token into the credential',
				);
			}
			return { sessionToken: bindSessionToken(credentials, token) };
		}

		const version = parseApiVersion(credentials.apiVersion);
		const form = new URLSearchParams({
			grant_type: 'password',
			username: String(credentials.username ?? ''),
			password: String(credentials.password ?? ''),
		});
		if (needsAntiforgeryOptOut(version)) {
			form.set('disable_antiforgery_token', 'true');
		}
		const tokenUrl = `${normalizeServerUrl(credentials.url)}/${version}/token`;
		let response: LoginResponse;
		for (let attempt = 0, waitedMs = 0; ; attempt++) {
			response = await postLogin.call(this, tokenUrl, form, credentials.ignoreSslIssues === true);
			if (response.statusCode !== 429) break;
			const retryAfter = parseRetryAfter(response.headers?.['retry-after'], Date.now());
			const delay = loginRetryDelayMs(attempt, retryAfter);
			if (waitedMs + delay > LOGIN_WAIT_BUDGET_MS) {
				const message = parseJsonObject(response.body)?.message;
				throw new LoginThrottledError(
					describeThrottledLogin(waitedMs, retryAfter, message),
					retryAfter,
				);
			}
			await sleep(delay);
			waitedMs += delay;
		}
		const body = parseJsonObject(response.body);
		const accessToken = body?.access_token;
		if (response.statusCode === 404) {
			const offered = await offeredApiVersions(normalizeServerUrl(credentials.url), async (url) => {
				const answer = (await this.helpers
					.httpRequest({
						method: 'GET',
						url,
						json: false,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						disableFollowRedirect: true,
						skipSslCertificateValidation: credentials.ignoreSslIssues === true,
					})
					.catch(() => undefined)) as { statusCode?: number } | undefined;
				return answer?.statusCode;
			});
			const message = unservedVersionMessage(version, offered);
			if (message) throw new Error(message);
		}
		if (response.statusCode !== 200 || typeof accessToken !== 'string' || accessToken === '') {
			throw new Error(describeLoginFailure(tokenUrl, response.statusCode, body));
		}
		return { sessionToken: bindSessionToken(credentials, accessToken) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (requestOptions.baseURL !== undefined) {
			requestOptions.baseURL = normalizeServerUrl(requestOptions.baseURL);
		}
		// A token stored for other settings is not sent at all: the server answers 401 and n8n
		// logs in again with the current settings (preAuthentication), then repeats the request.
		// No token goes to any host but the credential's server.
		const token = !isRequestToServer(credentials, requestOptions)
			? undefined
			: credentials.authentication === 'accessToken'
				? String(credentials.accessToken ?? '').trim()
				: boundSessionToken(credentials);
		const headers = { ...requestOptions.headers };
		for (const name of Object.keys(headers)) {
			if (name.toLowerCase() === 'authorization') delete headers[name];
		}
		if (token) headers.Authorization = `Bearer ${token}`;
		requestOptions.headers = headers;
		requestOptions.sendCredentialsOnCrossOriginRedirect = false;
		if (credentials.ignoreSslIssues === true) {
			requestOptions.skipSslCertificateValidation = true;
		}
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url}}',
			url: '=/{{$credentials.apiVersion}}/RestoreSessions',
			method: 'GET',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Logged in, but this server does not offer the selected API version: choose the version your VB365 release serves (8.x: v8, v7, v6)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The server refused the token: check the Access Token, or that the account may use the REST API',
				},
			},
		],
	};
}

interface LoginResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

async function postLogin(
	this: IHttpRequestHelper,
	tokenUrl: string,
	form: URLSearchParams,
	skipSslCertificateValidation: boolean,
): Promise<LoginResponse> {
	try {
		return (await this.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			body: form.toString(),
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			skipSslCertificateValidation,
		})) as LoginResponse;
	} catch (error) {
		throw new Error(describeLoginFailure(tokenUrl, undefined, undefined, error));
	}
}

function parseJsonObject(body: unknown): IDataObject | undefined {
	if (typeof body === 'object' && body !== null) return body as IDataObject;
	if (typeof body !== 'string') return undefined;
	try {
		const parsed = JSON.parse(body);
		return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}
