'use strict';
// ICredentialsHelper backed by an in-memory store, following the rules of n8n's CLI
// `CredentialsHelper` (packages/cli/src/credentials-helper.ts): defaults from the credential
// type's properties, generic/functional `authenticate`, and `preAuthentication` driven by a
// hidden `expirable` property whose refreshed value is persisted back to the store.

const { ICredentialsHelper, NodeHelpers, isExpression } = require('n8n-workflow');
const { loadCore } = require('./environment');

function cloneData(data) {
	return structuredClone(data ?? {});
}

function createStats() {
	return {
		getDecryptedCalls: 0,
		authenticateCalls: 0,
		preAuthenticationCalls: 0,
		preAuthenticationRuns: 0,
		preAuthenticationForcedCalls: 0,
		updateCredentialsCalls: 0,
	};
}

// store shape: { [credentialTypeName]: { [credentialId]: { name, data } } } (data decrypted)
function createCredentialStore(credentials) {
	const store = {};
	for (const [typeName, byId] of Object.entries(credentials ?? {})) {
		store[typeName] = {};
		for (const [id, entry] of Object.entries(byId)) {
			store[typeName][id] = {
				name: entry.name ?? `${typeName} ${id}`,
				data: cloneData(entry.data),
			};
		}
	}
	return store;
}

class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor({ credentialTypes, store, stats }) {
		super();
		this.credentialTypes = credentialTypes;
		this.store = store;
		this.stats = stats;
	}

	getCredentialType(typeName) {
		const type = this.credentialTypes[typeName];
		if (!type) throw new Error(`n8n harness: unknown credential type "${typeName}"`);
		return type;
	}

	getParentTypes(typeName) {
		const type = this.credentialTypes[typeName];
		if (!type || !type.extends) return [];
		const parents = [];
		for (const parent of type.extends) parents.push(parent, ...this.getParentTypes(parent));
		return parents;
	}

	getCredentialsProperties(typeName) {
		const type = this.getCredentialType(typeName);
		if (type.extends === undefined) return type.properties;
		const combined = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}

	getStoredEntry(nodeCredentials, typeName) {
		if (!nodeCredentials || !nodeCredentials.id) {
			throw new Error(
				`n8n harness: credential "${nodeCredentials?.name}" of type "${typeName}" has no id`,
			);
		}
		const entry = this.store[typeName]?.[nodeCredentials.id];
		if (!entry) {
			throw new Error(
				`n8n harness: credential with ID "${nodeCredentials.id}" of type "${typeName}" does not exist`,
			);
		}
		return entry;
	}

	async getCredentials(nodeCredentials, typeName) {
		const { Credentials } = loadCore();
		const entry = this.getStoredEntry(nodeCredentials, typeName);
		const credentials = new Credentials({ id: nodeCredentials.id, name: entry.name }, typeName);
		credentials.setData(cloneData(entry.data));
		return credentials;
	}

	async getDecrypted(
		additionalData,
		nodeCredentials,
		typeName,
		mode,
		executeData,
		raw,
		expressionResolveValues,
	) {
		this.stats.getDecryptedCalls++;
		const original = cloneData(this.getStoredEntry(nodeCredentials, typeName).data);
		if (raw === true) return original;

		let decrypted = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(typeName),
			original,
			true,
			false,
			null,
			null,
		);
		if (original.oauthTokenData !== undefined) decrypted.oauthTokenData = original.oauthTokenData;

		// Outside a node execution (no resolve values) expressions are left as stored.
		if (expressionResolveValues) {
			const { getAdditionalKeys } = loadCore();
			const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			decrypted = expressionResolveValues.workflow.expression.getParameterValue(
				decrypted,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decrypted,
			);
		}
		return decrypted;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		this.stats.authenticateCalls++;
		const { authenticate } = this.getCredentialType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (typeof authenticate !== 'object' || authenticate.type !== 'generic') return requestOptions;
		if (!workflow || !node) {
			throw new Error('n8n harness: workflow and node are required for generic authentication');
		}

		if (requestOptions.headers === undefined) requestOptions.headers = {};
		const resolve = (value) => this.resolveValue(value, credentials, workflow, node);
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			if (!requestOptions[section]) requestOptions[section] = {};
			for (const [key, value] of Object.entries(entries)) {
				requestOptions[section][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	resolveValue(value, credentials, workflow, node) {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		this.stats.preAuthenticationCalls++;
		if (credentialsExpired) this.stats.preAuthenticationForcedCalls++;
		const type = this.getCredentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;

		// The CLI means to run the hook for every credential test too, but its check never matches
		// there (1.123.50 and 2.41.1): the tester's mock node gets the loaded description name
		// "noOp" as its type, so a Test logs in only when the field is empty or after a 401.
		const isCredentialTest = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest) {
			return undefined;
		}

		this.stats.preAuthenticationRuns++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (!output || output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;

		const nodeCredentials = node.credentials[type.name];
		const stored = (await this.getCredentials(nodeCredentials, type.name)).getData();
		const toPersist = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, type.name, toPersist);
		return Object.assign(credentials, output);
	}

	async updateCredentials(nodeCredentials, typeName, data) {
		this.stats.updateCredentialsCalls++;
		this.getStoredEntry(nodeCredentials, typeName).data = cloneData(data);
	}

	async updateCredentialsOauthTokenData(nodeCredentials, typeName, data) {
		this.stats.updateCredentialsCalls++;
		const entry = this.getStoredEntry(nodeCredentials, typeName);
		entry.data = { ...entry.data, oauthTokenData: cloneData(data.oauthTokenData) };
	}
}

module.exports = { HarnessCredentialsHelper, createCredentialStore, createStats };
