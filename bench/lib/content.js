'use strict';
// How the "large" item of the simulator is filled for a given total size. Its first four
// attachments have fixed names and kinds (tools/simulator/fixture.json: two .mp4 and a .zip that
// the simulator stores, a .csv it deflates); further ones are large-part-N.bin (deflated).

const MiB = 1024 * 1024;

const CONTENTS = {
	// Four kinds of file: a video and a ZIP export (stored: already compressed), a CSV log
	// (deflated, ~12 % of its size) and a binary of mixed text and noise (deflated, ~54 %).
	mixed: {
		description: '.mp4 + .zip (stored), .csv (deflated to ~12 %), .bin (deflated to ~54 %)',
		layout: (quarter) => ({ sizes: [quarter, quarter, 0, quarter, quarter], picked: [0, 1, 3, 4] }),
	},
	// Four moderately compressible binaries (deflated to ~54 %); the simulator's deflate is the
	// bottleneck here (~15–20 MiB/s on 2 cores).
	deflated: {
		description: '4 × .bin (deflated to ~54 %)',
		layout: (quarter) => ({
			sizes: [0, 0, 0, 0, quarter, quarter, quarter, quarter],
			picked: [4, 5, 6, 7],
		}),
	},
};

/** { largeAttachmentSizes, picked (attachment indexes of the large item), description }. */
function largeLayout(content, totalMiB) {
	const spec = CONTENTS[content];
	if (!spec)
		throw new Error(`unknown content "${content}" (use ${Object.keys(CONTENTS).join(' or ')})`);
	const quarter = Math.floor((totalMiB * MiB) / 4);
	const { sizes, picked } = spec.layout(quarter);
	return { largeAttachmentSizes: sizes, picked, description: spec.description };
}

module.exports = { CONTENTS, largeLayout, MiB };
