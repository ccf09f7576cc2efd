'use strict';
// A scripted OpenAI-compatible chat-completions server on loopback (plain HTTP) for n8n's AI
// Agent with the "OpenAI Chat Model" node (credential Base URL = `${url}/v1`). It plays a model
// that, on the first turn, calls one tool with arguments the test scripted, and once the tool's
// result is in the conversation answers with text quoting it. Every request body is kept so a
// test can read the tools n8n offered and the tool result the model got back.

const fastify = require('fastify');

const MODEL = 'gpt-4o-mini';
const API_KEY = 'sk-fake-loopback-key';

/** The last tool message of the conversation, or undefined. */
function toolResult(messages) {
	return [...messages].reverse().find((message) => message.role === 'tool');
}

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return JSON.stringify(content ?? '');
}

/**
 * `script`: { pickTool(tools) → tool (default: the first whose name or description mentions
 * "veeam" or "restore"), arguments: object or (tool, messages) → object }.
 */
async function startFakeChatModel({ port = 0, script = {} } = {}) {
	const requests = [];
	let callCount = 0;
	const app = fastify({ logger: false, forceCloseConnections: true, bodyLimit: 16 * 1024 * 1024 });

	const authorized = (req, reply) => {
		if (req.headers.authorization === `Bearer ${API_KEY}`) return true;
		reply
			.code(401)
			.send({
				error: {
					message: 'Incorrect API key provided',
					type: 'invalid_request_error',
					code: 'invalid_api_key',
				},
			});
		return false;
	};

	app.get('/v1/models', async (req, reply) => {
		if (!authorized(req, reply)) return undefined;
		return {
			object: 'list',
			data: [{ id: MODEL, object: 'model', created: 1700000000, owned_by: 'fake' }],
		};
	});

	app.post('/v1/chat/completions', async (req, reply) => {
		if (!authorized(req, reply)) return undefined;
		const body = req.body ?? {};
		requests.push(body);
		const messages = body.messages ?? [];
		const tools = (body.tools ?? []).map((tool) => tool.function ?? tool);
		const result = toolResult(messages);
		let message;
		if (!result && tools.length > 0) {
			const pick =
				script.pickTool ??
				((all) => all.find((t) => /veeam|restore/i.test(`${t.name} ${t.description}`)) ?? all[0]);
			const tool = pick(tools);
			const args =
				typeof script.arguments === 'function'
					? script.arguments(tool, messages)
					: (script.arguments ?? {});
			callCount += 1;
			message = {
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: `call_fake_${callCount}`,
						type: 'function',
						function: { name: tool.name, arguments: JSON.stringify(args) },
					},
				],
			};
		} else {
			const text = result ? textOf(result.content) : 'No tool was offered.';
			message = { role: 'assistant', content: `Done. The tool answered: ${text.slice(0, 2000)}` };
		}
		const finish = message.tool_calls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (body.stream) return streamed(reply, message, finish, usage);
		return {
			id: `chatcmpl-fake-${requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model ?? MODEL,
			choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
			usage,
		};
	});

	await app.listen({ port, host: '127.0.0.1' });
	const url = `http://127.0.0.1:${app.server.address().port}`;
	return {
		url,
		baseUrl: `${url}/v1`,
		apiKey: API_KEY,
		model: MODEL,
		requests,
		/** Tool results the model was sent, in order (content as text). */
		toolResults: () =>
			requests
				.map((b) => toolResult(b.messages ?? []))
				.filter(Boolean)
				.map((m) => textOf(m.content)),
		reset: () => {
			requests.length = 0;
		},
		stop: () => app.close(),
	};
}

/** The same answer as server-sent events, for a client that asked for `stream: true`. */
function streamed(reply, message, finish, usage) {
	const base = {
		id: 'chatcmpl-fake-stream',
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: MODEL,
	};
	const delta = message.tool_calls
		? {
				role: 'assistant',
				content: null,
				tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: message.content };
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }], usage },
	];
	reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	for (const chunk of chunks) reply.raw.write(`data: ${JSON.stringify(chunk)}\n\n`);
	reply.raw.end('data: [DONE]\n\n');
	return reply;
}

module.exports = { startFakeChatModel, MODEL, API_KEY };
