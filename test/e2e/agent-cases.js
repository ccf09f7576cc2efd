'use strict';
// The node as an AI Agent's tool (issue 16): n8n's AI Agent with the OpenAI Chat Model node
// pointed at a scripted chat-completions fake on loopback. The fake asks for one call of this
// node's tool, filling the $fromAI() arguments from the user's message, and reads the result.

const assert = require('node:assert/strict');
const path = require('node:path');

const { n8nOk, executeWorkflow, writeJson } = require('../../tools/n8n/n8n');
const { startFakeChatModel } = require('../../tools/fakes/openai-chat');
const { agentWorkflow, openAiCredential } = require('../../tools/workflows/agent');

const ITEM_URL =
	'https://contoso.sharepoint.com/sites/Contracts/Lists/Contracts/DispForm.aspx?ID=42';
const REQUESTER = 'anna.meier@contoso.com';
const IDS = { save: 'vb365E2eAgentSv1', send: 'vb365E2eAgentSd1' };

/** Arguments for the tool call, taken from the user's message the way a model would. */
function argumentsFromConversation(tool, messages) {
	const user = messages
		.filter((m) => m.role === 'user')
		.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
		.join('\n');
	const args = {};
	for (const name of Object.keys(tool.parameters?.properties ?? {})) {
		if (/url|link/i.test(name)) args[name] = user.match(/https:\/\/\S+?(?=[\s"]|$)/)?.[0] ?? '';
		else if (/^to$|mail|recipient/i.test(name))
			args[name] = user.match(/[\w.+-]+@[\w.-]+\.\w+/)?.[0] ?? '';
	}
	return args;
}

function toolOffered(chat, namePattern) {
	const first = chat.requests[0];
	assert.ok(first, 'the chat model was never called');
	const tools = (first.tools ?? []).map((t) => t.function ?? t);
	const tool = tools.find((t) => namePattern.test(t.name));
	assert.ok(tool, `tool not offered; offered: ${tools.map((t) => t.name).join(', ')}`);
	return tool;
}

function assertRunOk(result, what) {
	const detail = `${what}: exit ${result.code ?? result.signal}\n${(result.stdout + result.stderr).slice(-3000)}`;
	assert.ok(result.run, `no run JSON\n${detail}`);
	assert.equal(result.code, 0, detail);
	const error = result.run.data?.resultData?.error;
	assert.equal(error, undefined, `${what}: ${error?.message}\n${detail}`);
	return result.run.data.resultData.runData;
}

async function runAgentCases(laneDef, { sim, env, workDir, logFile, record, tag, cred }) {
	const chat = await startFakeChatModel({ script: { arguments: argumentsFromConversation } });
	const item = sim.fixture.item('helpdesk');
	const working = () =>
		[...sim.state.sessions.values()].filter((s) => s.state === 'Working').length;
	try {
		let ready = false;
		await record(
			`${tag} (ai0) import the AI Agent workflows (chat model credential → loopback fake)`,
			async () => {
				const chatCred = openAiCredential(chat);
				const common = { cred, chatCred, organizationId: item.organizationId };
				const dir = path.join(workDir, 'agent-workflows');
				writeJson(
					path.join(dir, 'save.json'),
					agentWorkflow({
						...common,
						id: IDS.save,
						name: 'E2E: AI Agent restores through the Veeam tool',
						tool: 'save',
						prompt: `Anna deleted the signed contract of ${ITEM_URL} last week. Restore the attachments and tell me what you restored.`,
					}),
				);
				writeJson(
					path.join(dir, 'send.json'),
					agentWorkflow({
						...common,
						id: IDS.send,
						name: 'E2E: AI Agent emails through the Veeam tool',
						tool: 'send',
						prompt: `Please email the files of ${ITEM_URL} to ${REQUESTER}.`,
					}),
				);
				const credFile = writeJson(path.join(workDir, 'agent-credentials.json'), [chatCred]);
				await n8nOk(laneDef, env, ['import:credentials', `--input=${credFile}`], { logFile });
				await n8nOk(laneDef, env, ['import:workflow', '--separate', `--input=${dir}`], { logFile });
				ready = true;
			},
		);

		const agentCase = (name, fn) =>
			record(name, async () => {
				assert.ok(ready, 'skipped: the agent workflows were not imported');
				return fn();
			});

		await agentCase(
			`${tag} (ai1) the agent's tool call restores in a session of its own; the model gets names, sizes and the summary`,
			async () => {
				sim.reset();
				chat.reset();
				const before = working();
				const runData = assertRunOk(
					await executeWorkflow(laneDef, env, IDS.save, { logFile }),
					'agent save',
				);
				const tool = toolOffered(chat, /restore/i);
				assert.match(tool.description ?? '', /Veeam Backup for Microsoft 365/);
				assert.ok(
					tool.parameters?.properties?.itemUrl,
					`itemUrl argument: ${JSON.stringify(tool.parameters)}`,
				);
				assert.ok(
					runData['Restore Attachments'],
					`the tool node did not run; nodes: ${Object.keys(runData).join(', ')}`,
				);
				const [result, ...more] = chat.toolResults();
				assert.equal(more.length, 0, 'one tool call');
				assert.ok(result, 'the model never got a tool result');
				assert.match(
					result,
					new RegExp(`Restored ${item.attachments.length} attachments \\(331 kB\\)`),
				);
				for (const a of item.attachments)
					assert.ok(result.includes(a.name), `tool result names ${a.name}: ${result}`);
				assert.match(result, /183 kB/);
				assert.doesNotMatch(result, /"error"|There was an error|failed/i);
				assert.equal(working(), before, 'the session it started was stopped');
				assert.equal(sim.state.sessions.size > 0, true);
				const output = runData['Helpdesk Agent'][0].data.main[0][0].json.output;
				assert.match(output, /Restored 4 attachments/);
				return `tool result: ${result.slice(0, 160)}…`;
			},
		);

		await agentCase(
			`${tag} (ai2) Send through the agent's tool sends exactly one email`,
			async () => {
				sim.reset();
				chat.reset();
				const runData = assertRunOk(
					await executeWorkflow(laneDef, env, IDS.send, { logFile }),
					'agent send',
				);
				const tool = toolOffered(chat, /email/i);
				assert.ok(
					tool.parameters?.properties?.to,
					`to argument: ${JSON.stringify(tool.parameters)}`,
				);
				assert.ok(runData['Email Attachments'], 'the tool node did not run');
				assert.deepEqual(
					sim.outbox.map((mail) => [mail.to, mail.attachments.length]),
					[[REQUESTER, item.attachments.length]],
				);
				const [result] = chat.toolResults();
				assert.match(
					result ?? '',
					new RegExp(`Sent ${item.attachments.length} attachments .* to ${REQUESTER}`),
				);
				return `tool result: ${result.slice(0, 160)}…`;
			},
		);
	} finally {
		await chat.stop();
	}
}

module.exports = { runAgentCases };
