/**
 * Runs `task(0) … task(count - 1)` with at most `limit` running at once and resolves with their
 * results in index order. Task 0 runs alone first: it logs in (n8n stores the session token with
 * the credential), so the tasks after it reuse the token instead of each logging in.
 *
 * When a task fails, no further task starts; the ones running are awaited (nothing is left
 * half-done in the background) and the failure with the lowest index is thrown.
 */
export async function runInParallel<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures: Array<{ index: number; error: unknown }> = [];
	let next = 0;
	const runNext = async (): Promise<void> => {
		const index = next++;
		try {
			results[index] = await task(index);
		} catch (error) {
			failures.push({ index, error });
		}
	};
	const worker = async (): Promise<void> => {
		while (next < count && failures.length === 0) await runNext();
	};
	if (count > 0) await runNext();
	const workers = Math.max(1, Math.min(Math.floor(limit), count - 1));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failures.length > 0) {
		const first = failures.reduce((a, b) => (b.index < a.index ? b : a));
		throw first.error;
	}
	return results;
}
