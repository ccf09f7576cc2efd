'use strict';
// n8n's AI Agent with an OpenAI-compatible chat model (the scripted fake in tools/fakes/) and
// this package's node as its tool: Manual → Agent, Chat Model and tool attached. The tool's
// item link and recipient are filled by the model through $fromAI().

const { locator, credentialRef, manualTrigger } = require('./nodes');
const { NODE_TYPE } = require('../n8n/package');

const TOOL_TYPE = `${NODE_TYPE}Tool`;
const OPENAI_CREDENTIAL_TYPE = 'openAiApi';

function openAiCredential(
	chat,
	{ id = 'vb365E2eOpenAi01', name = 'Fake chat model (loopback)' } = {},
) {
	return {
		id,
		name,
		type: OPENAI_CREDENTIAL_TYPE,
		data: { apiKey: chat.apiKey, url: chat.baseUrl, organizationId: '', header: false },
	};
}

const ITEM_URL_FROM_AI =
	"={{ $fromAI('itemUrl', 'The SharePoint link of the list item whose attachments to restore, e.g. https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42', 'string') }}";

/** The node's parameters as a tool: start-and-stop session, item by its link (site from it). */
function toolParameters(organizationId, operation, extra) {
	return {
		descriptionType: 'manual',
		resource: 'sharePointItemAttachment',
		operation,
		restoreSessionMode: 'startAndStop',
		organizationId: locator(organizationId),
		siteId: locator('', 'list'),
		itemId: locator(ITEM_URL_FROM_AI, 'url'),
		attachmentSelection: 'all',
		...extra,
	};
}

const TOOLS = {
	save: (organizationId) => ({
		name: 'Restore Attachments',
		parameters: toolParameters(organizationId, 'save', {
			toolDescription:
				'Restores the backed-up attachments of one SharePoint list item from Veeam Backup for Microsoft 365 and returns the file names, sizes and a summary',
			output: 'perItem',
			simplify: true,
			binaryPropertyName: 'data',
		}),
	}),
	send: (organizationId) => ({
		name: 'Email Attachments',
		parameters: toolParameters(organizationId, 'send', {
			toolDescription:
				'Has Veeam Backup for Microsoft 365 email the backed-up attachments of one SharePoint list item to a recipient; returns what was sent',
			to: "={{ $fromAI('to', 'Email address of the person who gets the restored files', 'string') }}",
			subject: 'Your restored files',
			text: 'Restored from the backup at your request.',
			from: '',
		}),
	}),
};

/** n8n's chat window as the trigger: the agent answers what the user types. */
function chatTrigger() {
	return {
		id: 'node-chat',
		name: 'Start',
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: '5b8f2e1c-9a47-4d3e-b6c0-7e1f2a3d4c5b',
		parameters: { options: {} },
	};
}

/**
 * Manual → "Helpdesk Agent" asking `prompt` (or, with `chat: true`, n8n's chat window → the agent
 * answering what the user types), with an OpenAI chat model and one tool of this node.
 */
function agentWorkflow({
	id,
	name,
	cred,
	chatCred,
	organizationId,
	tool,
	prompt,
	chat = false,
	agentVersion = 3,
}) {
	const toolNode = TOOLS[tool](organizationId);
	const nodes = [
		chat ? chatTrigger() : manualTrigger('node-start'),
		{
			id: 'node-agent',
			name: 'Helpdesk Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: agentVersion,
			position: [280, 0],
			parameters: {
				...(chat ? { promptType: 'auto' } : { promptType: 'define', text: prompt }),
				options: {
					systemMessage:
						'You are a helpdesk assistant. Use the Veeam tool to restore files users lost.',
				},
			},
		},
		{
			id: 'node-model',
			name: 'Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [180, 280],
			parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
			credentials: { [OPENAI_CREDENTIAL_TYPE]: { id: chatCred.id, name: chatCred.name } },
		},
		{
			id: 'node-tool',
			name: toolNode.name,
			type: TOOL_TYPE,
			typeVersion: 1.1,
			position: [460, 280],
			parameters: toolNode.parameters,
			credentials: credentialRef(cred),
		},
	];
	return {
		id,
		name,
		active: false,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Helpdesk Agent', type: 'main', index: 0 }]] },
			'Chat Model': {
				ai_languageModel: [[{ node: 'Helpdesk Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[toolNode.name]: { ai_tool: [[{ node: 'Helpdesk Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = { agentWorkflow, openAiCredential, TOOLS, TOOL_TYPE };
