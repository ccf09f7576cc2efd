/** Reads at least `count` bytes ahead and returns them with a stream that still yields everything. */
export async function peekBytes(
	source: AsyncIterable<Buffer>,
	count: number,
): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
	const iterator = source[Symbol.asyncIterator]();
	const buffered: Buffer[] = [];
	let size = 0;
	let done = false;
	while (size < count) {
		const next = await iterator.next();
		if (next.done) {
			done = true;
			break;
		}
		buffered.push(next.value);
		size += next.value.length;
	}
	async function* replay(): AsyncGenerator<Buffer> {
		yield* buffered;
		if (done) return;
		for (;;) {
			const next = await iterator.next();
			if (next.done) return;
			yield next.value;
		}
	}
	return { head: Buffer.concat(buffered).subarray(0, count), stream: replay() };
}
