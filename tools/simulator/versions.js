'use strict';
// Which API prefixes a simulated server release serves, and the product build it reports.

const PROFILES = {
	'8.x': { served: [5, 6, 7, 8], deprecated: [5], build: '8.1.0.331' },
	'7.0': { served: [4, 5, 6, 7], deprecated: [], build: '7.0.0.2911' },
	'6.0': { served: [3, 4, 5, 6], deprecated: [3], build: '6.0.0.367' },
	'5.0': { served: [2, 3, 4, 5], deprecated: [], build: '5.0.3.1063' },
	all: { served: [2, 3, 4, 5, 6, 7, 8], deprecated: [], build: '8.1.0.331' },
};
const ALIASES = {
	8: '8.x',
	'8.0': '8.x',
	v8: '8.x',
	7: '7.0',
	v7: '7.0',
	6: '6.0',
	v6: '6.0',
	5: '5.0',
	v5: '5.0',
};

const MIN_VERSION = 2;
const MAX_VERSION = 8;

function resolveProfile(name) {
	const key = PROFILES[name] ? name : ALIASES[String(name).toLowerCase()];
	if (!key)
		throw new Error(`unknown profile "${name}"; use one of ${Object.keys(PROFILES).join(', ')}`);
	return { name: key, ...PROFILES[key] };
}

/** Extracts N from a path beginning with /vN/ (case-insensitive); null when not versioned. */
function versionOfPath(path) {
	const m = /^\/v(\d+)(?:\/|$|\?)/i.exec(path);
	return m ? Number(m[1]) : null;
}

module.exports = { PROFILES, resolveProfile, versionOfPath, MIN_VERSION, MAX_VERSION };
