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
	// After the buffered chunks, calls go straight to the source's iterator (no generator in
	// between: this sits on the path of every network chunk of a download).
	const replay: AsyncIterator<Buffer> = {
		async next() {
			const chunk = buffered.shift();
			if (chunk !== undefined) return { done: false, value: chunk };
			if (done) return { done: true, value: undefined };
			return await iterator.next();
		},
		async return() {
			buffered.length = 0;
			done = true;
			if (iterator.return) await iterator.return();
			return { done: true, value: undefined };
		},
	};
	return {
		head: Buffer.concat(buffered).subarray(0, count),
		stream: { [Symbol.asyncIterator]: () => replay },
	};
}
