'use strict';
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const stream = require('stream');
const { toNodeReadable } = require('../../dist/nodes/VeeamM365/delivery/readable');

function withResponse(handler) {
	return new Promise((resolve, reject) => {
		const server = http.createServer((req, res) => res.end('body'));
		server.listen(0, '127.0.0.1', () => {
			http
				.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, async (response) => {
					try {
						resolve(await handler(response));
					} catch (error) {
						reject(error);
					} finally {
						response.resume();
						server.close();
					}
				})
				.on('error', reject);
		});
	});
}

async function* parts(...chunks) {
	for (const chunk of chunks) yield Buffer.from(chunk);
}

describe('toNodeReadable', () => {
	test('builds a real stream.Readable from an http response template', async () => {
		await withResponse(async (response) => {
			const readable = toNodeReadable(response, parts('hello ', 'world'));
			expect(readable).toBeInstanceOf(stream.Readable);
			expect(readable.readableObjectMode).toBe(false);
			const chunks = [];
			await new Promise((resolve, reject) => {
				readable.on('data', (chunk) => chunks.push(chunk));
				readable.once('error', reject);
				readable.on('end', resolve);
			});
			expect(Buffer.concat(chunks).toString()).toBe('hello world');
			expect(chunks.every((chunk) => Buffer.isBuffer(chunk))).toBe(true);
		});
	});

	test('works with fs.promises.writeFile (as n8n filesystem mode does)', async () => {
		const file = path.join(os.tmpdir(), `readable-${process.pid}-${Date.now()}`);
		try {
			await withResponse(async (response) => {
				await fs.promises.writeFile(file, toNodeReadable(response, parts('a', 'b', 'c')));
			});
			expect(fs.readFileSync(file, 'utf8')).toBe('abc');
		} finally {
			fs.rmSync(file, { force: true });
		}
	});

	test('an error thrown by the source becomes an error event', async () => {
		await withResponse(async (response) => {
			async function* failing() {
				yield Buffer.from('partial');
				throw new Error('CRC mismatch');
			}
			const readable = toNodeReadable(response, failing());
			const error = await new Promise((resolve) => {
				readable.on('data', () => undefined);
				readable.once('error', resolve);
			});
			expect(error.message).toBe('CRC mismatch');
		});
	});

	test('only pulls from the source as it is read', async () => {
		await withResponse(async (response) => {
			let pulled = 0;
			async function* counting() {
				for (let i = 0; i < 1000; i++) {
					pulled++;
					yield Buffer.alloc(16384);
				}
			}
			const readable = toNodeReadable(response, counting());
			readable.pause();
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(pulled).toBeLessThan(10);
			readable.destroy();
		});
	});

	test('also accepts a plain Readable or a subclass instance as template', () => {
		const readable = toNodeReadable(new stream.PassThrough(), parts('x'));
		expect(readable).toBeInstanceOf(stream.Readable);
		readable.destroy();
	});

	test('throws a clear error when the template is not a stream', () => {
		expect(() => toNodeReadable({}, parts('x'))).toThrow(
			'Cannot create a Node.js Readable: the template object is not a Node.js stream',
		);
		expect(() => toNodeReadable(Object.create(null), parts('x'))).toThrow(TypeError);
		class Readable {}
		expect(() => toNodeReadable(new Readable(), parts('x'))).toThrow(TypeError); // named Readable but no from()
	});
});
