const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text if they are valid UTF-8, otherwise undefined (no replacement characters). */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
	try {
		return strictDecoder.decode(bytes);
	} catch {
		return undefined;
	}
}
