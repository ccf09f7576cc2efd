'use strict';
// The scripted chat-completions fake: asks for one tool call with the scripted arguments, then
// answers with text quoting the tool result; plain and streamed; refuses a wrong API key.
const { startFakeChatModel, API_KEY } = require('../../tools/fakes/openai-chat');

let chat;
beforeAll(async () => {
	chat = await startFakeChatModel({
		script: {
			arguments: (tool, messages) => ({ itemUrl: `from ${tool.name}: ${messages.at(-1).content}` }),
		},
	});
});
afterAll(() => chat.stop());
beforeEach(() => chat.reset());

const tools = [
	{
		type: 'function',
		function: { name: 'Calculator', description: 'Adds numbers', parameters: {} },
	},
	{
		type: 'function',
		function: { name: 'Restore_Attachments', description: 'Veeam restore', parameters: {} },
	},
];

async function complete(body, key = API_KEY) {
	const res = await fetch(`${chat.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'gpt-4o-mini', ...body }),
	});
	return { status: res.status, text: await res.text() };
}

test('first turn: a call of the Veeam tool with the scripted arguments', async () => {
	const res = await complete({ messages: [{ role: 'user', content: 'restore it' }], tools });
	const { choices } = JSON.parse(res.text);
	expect(choices[0].finish_reason).toBe('tool_calls');
	const [call] = choices[0].message.tool_calls;
	expect(call.function.name).toBe('Restore_Attachments');
	expect(JSON.parse(call.function.arguments)).toEqual({
		itemUrl: 'from Restore_Attachments: restore it',
	});
});

test('after the tool result: a text answer quoting it, and the result is recorded', async () => {
	const messages = [
		{ role: 'user', content: 'restore it' },
		{
			role: 'assistant',
			content: null,
			tool_calls: [
				{ id: 'c1', type: 'function', function: { name: 'Restore_Attachments', arguments: '{}' } },
			],
		},
		{ role: 'tool', tool_call_id: 'c1', content: 'Restored 4 attachments (331 kB)' },
	];
	const { choices } = JSON.parse((await complete({ messages, tools })).text);
	expect(choices[0].message.content).toBe(
		'Done. The tool answered: Restored 4 attachments (331 kB)',
	);
	expect(chat.toolResults()).toEqual(['Restored 4 attachments (331 kB)']);
});

test('streamed: the same tool call as server-sent events ending in [DONE]', async () => {
	const res = await complete({ messages: [{ role: 'user', content: 'x' }], tools, stream: true });
	const events = res.text
		.split('\n\n')
		.filter(Boolean)
		.map((e) => e.replace(/^data: /, ''));
	expect(events.at(-1)).toBe('[DONE]');
	const first = JSON.parse(events[0]);
	expect(first.choices[0].delta.tool_calls[0]).toMatchObject({
		index: 0,
		function: { name: 'Restore_Attachments' },
	});
});

test('a wrong API key gets 401, the models list needs the key too', async () => {
	expect((await complete({ messages: [] }, 'sk-wrong')).status).toBe(401);
	expect((await fetch(`${chat.baseUrl}/models`)).status).toBe(401);
	const models = await fetch(`${chat.baseUrl}/models`, {
		headers: { authorization: `Bearer ${API_KEY}` },
	});
	expect((await models.json()).data[0].id).toBe('gpt-4o-mini');
});
