// Numbers from the ZIP format (PKWARE APPNOTE.TXT), defined once for the whole reader.

export const SIGNATURE = {
	localHeader: 0x04034b50,
	centralHeader: 0x02014b50,
	dataDescriptor: 0x08074b50,
	endOfCentralDirectory: 0x06054b50,
	zip64EndOfCentralDirectory: 0x06064b50,
	zip64Locator: 0x07064b50,
	digitalSignature: 0x05054b50,
} as const;

/** General-purpose bit flags of local and central headers. */
export const FLAG = {
	encrypted: 0x0001,
	dataDescriptor: 0x0008,
	strongEncryption: 0x0040,
	utf8: 0x0800,
	maskedHeaders: 0x2000,
} as const;

/** Header IDs of the extra fields the reader understands. */
export const EXTRA = {
	zip64: 0x0001,
	/** Info-ZIP Unicode Path: a UTF-8 name plus the CRC-32 of the header's own name. */
	unicodePath: 0x7075,
} as const;

/** Compression methods the reader can extract. */
export const METHOD = {
	stored: 0,
	deflate: 8,
} as const;

/** Names of other methods, only to say in an error which one an entry uses. */
export const UNSUPPORTED_METHOD_NAMES: Record<number, string> = {
	1: 'Shrink',
	6: 'Implode',
	9: 'Deflate64',
	12: 'BZIP2',
	14: 'LZMA',
	93: 'Zstandard',
	95: 'XZ',
	98: 'PPMd',
	99: 'AES encryption',
};

/** Bytes after the signature of a local header, central header and end record (fixed parts). */
export const FIXED_LENGTH = {
	localHeader: 26,
	centralHeader: 42,
	endOfCentralDirectory: 18,
	zip64EndOfCentralDirectory: 44,
	zip64Locator: 16,
} as const;

/** 16- and 32-bit fields holding these values defer to a ZIP64 record or extra field. */
export const UINT16_MAX = 0xffff;
export const UINT32_MAX = 0xffffffff;
