'use strict';
// No state between executions in the published code: n8n keeps a node's module loaded for the
// life of the process (and in queue mode a job can land on any worker), so a module-level cache,
// map or counter would leak one execution's data into the next or differ between workers.
const path = require('node:path');
const { findModuleState, scanFolders, typeScriptFiles } = require('../support/module-state');

const ROOT = path.join(__dirname, '..', '..');

test('nodes/ and credentials/ keep no module-level state', () => {
	expect(typeScriptFiles(path.join(ROOT, 'nodes')).length).toBeGreaterThan(40);
	expect(scanFolders(ROOT, ['nodes', 'credentials'])).toEqual([]);
});

describe('the check itself', () => {
	const names = (source) => findModuleState(source).map((f) => `${f.name}: ${f.why}`);

	test('flags a per-context cache like the WeakMap transport/request.ts once had', () => {
		const source = `
const knownApiContexts = new WeakMap<object, string>();
export function get(ctx: object) {
	const known = knownApiContexts.get(ctx);
	if (known) return known;
	knownApiContexts.set(ctx, 'x');
	return 'x';
}`;
		expect(names(source)).toEqual(['knownApiContexts: module-level const changed (.set())']);
	});

	test('flags let counters, array caches, object caches, Object.assign, delete, static fields', () => {
		const source = `
let logins = 0;
const seen: string[] = [];
const tokens: Record<string, string> = {};
const settings = {};
const order = new Set<string>();
export class A { static last = ''; static readonly FIXED = 1; }
export function f(k: string) {
	seen.push(k); tokens[k] = k; Object.assign(settings, { k }); delete tokens.x; order.clear();
	(tokens as any).n++;
}`;
		expect(names(source).sort()).toEqual(
			[
				'logins: module-level let/var',
				'seen: module-level const changed (.push())',
				'tokens: module-level const changed (property assignment)',
				'settings: module-level const changed (Object.assign)',
				'tokens: module-level const changed (delete)',
				'order: module-level const changed (.clear())',
				'tokens: module-level const changed (++/--)',
				'last: static class property',
			].sort(),
		);
	});

	test('leaves alone read-only tables and state inside functions', () => {
		const source = `
const CODES = new Set(['A', 'B']);
const LIMITS = { max: 3 } as const;
export function g(x: string) {
	const local = new Map<string, number>();
	local.set(x, 1);
	let n = 0; n++;
	const list: string[] = []; list.push(x);
	return CODES.has(x) && LIMITS.max > n && local.size > 0 && list.length > 0;
}`;
		expect(names(source)).toEqual([]);
	});
});
