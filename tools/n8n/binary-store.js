'use strict';
// Finds the file behind a filesystem-mode binary id ("filesystem-v2:workflows/…/binary_data/<uuid>")
// under <N8N_USER_FOLDER>/.n8n/binaryData (n8n 1.x) or <N8N_USER_FOLDER>/.n8n/storage (2.x). n8n may move an execution's files once the execution
// is saved, so the lookup goes by the id's last segment, not by the full path.

const fs = require('node:fs');
const path = require('node:path');

function walk(dir, visit) {
	let entries;
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch {
		return;
	}
	for (const entry of entries) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, visit);
		else visit(full, entry.name);
	}
}

function binaryStoreDirs(userFolder) {
	return ['binaryData', 'storage'].map((name) => path.join(userFolder, '.n8n', name));
}

/** Returns the stored file's path, or undefined. */
function findStoredBinary(userFolder, binaryId) {
	const match = /^filesystem(?:-v2)?:(.+)$/.exec(String(binaryId ?? ''));
	if (!match) return undefined;
	const roots = binaryStoreDirs(userFolder);
	const direct = roots.map((root) => path.join(root, match[1])).find((file) => fs.existsSync(file));
	if (direct) return direct;
	const baseName = path.basename(match[1]);
	let found;
	for (const root of roots) {
		walk(root, (full, name) => {
			if (!found && name === baseName) found = full;
		});
	}
	return found;
}

module.exports = { findStoredBinary, binaryStoreDirs };
