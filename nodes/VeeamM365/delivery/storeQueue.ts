/**
 * Archive entries up to this size are read whole before they are stored, so the next entries
 * can be read while n8n stores them.
 */
export const SMALL_FILE_BYTES = 256 * 1024;

/**
 * Stores of small files that may run at once. n8n's filesystem binary store spends most of a
 * small file's time waiting for file system calls made one after another (directory, open,
 * write, close, stat, rename, metadata); a folder of many small files waited on each in turn.
 */
export const SMALL_STORES_AT_ONCE = 8;

const ignore = () => undefined;

/** The binary-store writes of one download, in order; small ones overlap (at most a few at once). */
export class StoreQueue<R> {
	private readonly all: Array<Promise<R>> = [];
	private readonly running: Array<Promise<R>> = [];

	/**
	 * Adds a store. A large one is waited for (it reads the download itself); a small one (its
	 * bytes already read) only when too many small ones run. Fails when a store waited for fails.
	 */
	async add(store: Promise<R>, small: boolean): Promise<void> {
		// Handled here so a failure is not unhandled before it is waited for (results or add).
		store.catch(ignore);
		this.all.push(store);
		if (!small) {
			await store;
			return;
		}
		this.running.push(store);
		if (this.running.length >= SMALL_STORES_AT_ONCE) await this.running.shift();
	}

	/** Every result in the order added, once all stores are done; fails if any failed. */
	async results(): Promise<R[]> {
		await this.settle();
		return await Promise.all(this.all);
	}

	/** Waits until no store runs any more, whatever their outcome (before giving up on a download). */
	async settle(): Promise<void> {
		await Promise.all(this.all.map(async (store) => await store.catch(ignore)));
	}
}
