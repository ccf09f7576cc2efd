'use strict';
// Summarises a V8 .cpuprofile (from BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR") over the
// window of one node: from the first to the last sample whose stack has a frame whose
// "functionName url" matches --window (default: fs.promises.writeFile's loop, which n8n's binary
// store runs over the stream a node hands it, in 1.x and 2.x alike). Prints self time by function and by package, and the
// garbage collector's share, so the node's run and n8n's floor can be compared side by side.
//
//   node bench/profile-summary.js FILE.cpuprofile [--window REGEX] [--top N]

const fs = require('node:fs');

function parseArgs(argv) {
	const args = { files: [], window: '^writeFileHandle ', top: 25 };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--window') args.window = argv[++i];
		else if (argv[i] === '--top') args.top = Number(argv[++i]);
		else args.files.push(argv[i]);
	}
	return args;
}

/** The package (or node: module) a script URL belongs to. */
function packageOf(url) {
	if (!url) return '(native/V8)';
	if (url.startsWith('node:')) return url;
	const parts = url.split('/node_modules/');
	if (parts.length === 1) return url.replace(/^file:\/\//, '');
	const rest = parts[parts.length - 1].split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function summarise(file, { window, top }) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const matcher = new RegExp(window);
	const inWindowStack = new Map();
	const stackMatches = (id) => {
		if (inWindowStack.has(id)) return inWindowStack.get(id);
		const n = byId.get(id);
		const own = matcher.test(`${n.callFrame.functionName} ${n.callFrame.url}`);
		const p = parent.get(id);
		const result = own || (p !== undefined && stackMatches(p));
		inWindowStack.set(id, result);
		return result;
	};
	const times = [];
	let t = profile.startTime;
	for (const delta of profile.timeDeltas) times.push((t += delta));
	let first = -1;
	let last = -1;
	profile.samples.forEach((id, i) => {
		if (stackMatches(id)) {
			if (first < 0) first = i;
			last = i;
		}
	});
	if (first < 0) return console.log(`${file}: no sample matches /${window}/`);
	const self = new Map();
	const pkg = new Map();
	let total = 0;
	for (let i = first; i <= last; i++) {
		const dt = (times[i + 1] ?? times[i]) - times[i];
		const n = byId.get(profile.samples[i]);
		const f = n.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${packageOf(f.url)}:${f.lineNumber + 1}`;
		self.set(key, (self.get(key) ?? 0) + dt);
		const p = f.url ? packageOf(f.url) : f.functionName;
		pkg.set(p, (pkg.get(p) ?? 0) + dt);
		total += dt;
	}
	const ms = (us) => (us / 1000).toFixed(0).padStart(6);
	const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
	console.log(`\n${file}\nwindow /${window}/: ${(total / 1e6).toFixed(2)} s of samples`);
	console.log('self time by package / category:');
	for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
		console.log(`  ${ms(v)} ms ${pct(v)}  ${k}`);
	console.log('self time by function:');
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(`  ${ms(v)} ms ${pct(v)}  ${k}`);
}

const args = parseArgs(process.argv.slice(2));
for (const file of args.files) summarise(file, args);
