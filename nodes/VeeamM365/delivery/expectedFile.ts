/** A file a download should contain, as VB365 listed it before the download. */
export interface ExpectedFile {
	name: string;
	sizeBytes?: number;
}

/** Says whether the listing had no real name for a file (its `name` is then a stand-in). */
export type UnnamedCheck<T extends ExpectedFile> = (file: T) => boolean;
