// `n8n-node build` copies every .png/.svg of the project into dist/ (screenshots, demo output).
// Only what the package needs may be published.
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const keep = new Set(['nodes', 'credentials', 'icons', 'package.json']);
for (const entry of fs.readdirSync(dist)) {
	if (!keep.has(entry)) fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
}
