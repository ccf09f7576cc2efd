#!/usr/bin/env node
'use strict';
// Writes examples/ai-agent-helpdesk-chat.json: n8n's chat window → AI Agent (OpenAI chat model)
// with this node as its tool, restoring the item the user names by its SharePoint link. Built
// from the same workflow the e2e lanes run (tools/workflows/agent.js).

const fs = require('node:fs');
const path = require('node:path');
const { agentWorkflow } = require('../../tools/workflows/agent');

const workflow = agentWorkflow({
	id: 'vb365ExAgentChat',
	name: 'VB365: helpdesk chat → AI Agent restores SharePoint item attachments',
	cred: { id: 'vb365Credential1', name: 'Veeam Backup for Microsoft 365 account' },
	chatCred: { id: 'openAiCredential1', name: 'OpenAI account' },
	organizationId: '8d3c1f6e-2b7a-4e41-9c55-0f3e8a6b7d21',
	tool: 'save',
	chat: true,
});
const tool = workflow.nodes.find((node) => node.name === 'Restore Attachments');
tool.parameters.organizationId = {
	...tool.parameters.organizationId,
	mode: 'list',
	cachedResultName: 'contoso.onmicrosoft.com',
};
workflow.nodes.unshift({
	id: 'node-note',
	name: 'About This Workflow',
	type: 'n8n-nodes-base.stickyNote',
	typeVersion: 1,
	position: [0, -340],
	parameters: {
		width: 640,
		height: 280,
		content: [
			'## Helpdesk chat: an AI agent restores lost files',
			'Open the chat and ask e.g. *"Restore the attachments of https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42"*.',
			'',
			"The agent calls **Restore Attachments** (this package's node as a tool): it starts a restore session, finds the item from the link the model passes in (`$fromAI('itemUrl')`), restores every attachment and stops the session. The model gets the file names, sizes and a one-line summary back.",
			'',
			'Pick your OpenAI credential (any OpenAI-compatible server works through its Base URL) and your organization.',
		].join('\n'),
	},
});

const file = path.join(__dirname, '..', '..', 'examples', 'ai-agent-helpdesk-chat.json');
fs.writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
