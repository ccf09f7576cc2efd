'use strict';
// A stand-in for the `database` binary data manager of n8n's CLI (not part of n8n-core), with
// its two properties that matter to this package: each file is buffered whole in memory, and a
// file over N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (MiB) is refused with n8n's FileTooLargeError.
// Rows live in a Map for the life of the harness process.
const crypto = require('node:crypto');
const { Readable } = require('node:stream');

class DatabaseBinaryStandIn {
	constructor({ maxFileSizeMb, binaryToBuffer, FileTooLargeError }) {
		this.maxFileSizeMb = maxFileSizeMb;
		this.binaryToBuffer = binaryToBuffer;
		this.FileTooLargeError = FileTooLargeError;
		this.rows = new Map();
		this.stats = { stored: 0, refused: 0, largestBytes: 0 };
	}

	async init() {}

	async store(location, bufferOrStream, { mimeType, fileName }) {
		const fileId = crypto.randomUUID();
		const buffer = await this.binaryToBuffer(bufferOrStream);
		if (buffer.length > this.maxFileSizeMb * 1024 * 1024) {
			this.stats.refused++;
			throw new this.FileTooLargeError({
				fileSizeMb: buffer.length / (1024 * 1024),
				maxFileSizeMb: this.maxFileSizeMb,
				fileId,
				fileName,
			});
		}
		this.rows.set(fileId, {
			buffer,
			metadata: { mimeType, fileName, fileSize: buffer.length },
			location,
		});
		this.stats.stored++;
		this.stats.largestBytes = Math.max(this.stats.largestBytes, buffer.length);
		return { fileId, fileSize: buffer.length };
	}

	row(fileId) {
		const row = this.rows.get(fileId);
		if (!row) throw new Error(`database binary stand-in: no file ${fileId}`);
		return row;
	}

	getPath(fileId) {
		return `database://${fileId}`;
	}

	async getAsBuffer(fileId) {
		return this.row(fileId).buffer;
	}

	async getAsStream(fileId) {
		return Readable.from(this.row(fileId).buffer);
	}

	async getMetadata(fileId) {
		return this.row(fileId).metadata;
	}

	async copyByFileId(targetLocation, sourceFileId) {
		const fileId = crypto.randomUUID();
		this.rows.set(fileId, { ...this.row(sourceFileId), location: targetLocation });
		return fileId;
	}

	async copyByFilePath() {
		throw new Error('database binary stand-in: copyByFilePath is not supported');
	}

	async rename(oldFileId, newFileId) {
		this.rows.set(newFileId, this.row(oldFileId));
		this.rows.delete(oldFileId);
	}

	async deleteMany() {}

	async deleteManyByFileId(ids) {
		for (const id of ids) this.rows.delete(id);
	}
}

module.exports = { DatabaseBinaryStandIn };
