'use strict';
// The subset of Veeam's item query syntax (User Guide, Appendix A) the simulator understands:
//   criteria:value terms joined by spaces or AND; values may be "quoted" and may hold * wildcards
//   subject, from, to, body      - contains, case-insensitive (from/to also match the display name)
//   received, sent               - a date (YYYY-MM-DD or ISO) with =, >, >=, <, <= or a range a..b
//   hasattachments               - yes/no/true/false
//   a word without criteria      - contained in subject, body or sender
// Anything else (OR, NOT, unknown criteria) is answered 400, so a test notices it.
const { invalid } = require('./errors');

const TEXT = ['subject', 'from', 'to', 'body'];
const DATES = ['received', 'sent'];

function tokenize(query) {
	const tokens = [];
	const re = /\s*([A-Za-z]+:)?("([^"]*)"|[^\s"]+)/gy;
	let m;
	let last = 0;
	while ((m = re.exec(query)) !== null) {
		tokens.push({ criteria: m[1] ? m[1].slice(0, -1).toLowerCase() : null, value: m[3] ?? m[2] });
		last = re.lastIndex;
	}
	if (query.slice(last).trim() !== '') throw invalid(`The search query '${query}' is not valid.`);
	return tokens;
}

function dayBounds(text, query) {
	const t = Date.parse(text);
	if (Number.isNaN(t)) throw invalid(`The search query '${query}' has an invalid date '${text}'.`);
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
	return { start: t, end: dateOnly ? t + 86400000 - 1 : t };
}

function dateTest(value, query) {
	const range = value.split('..');
	if (range.length === 2) {
		const from = dayBounds(range[0], query).start;
		const to = dayBounds(range[1], query).end;
		return (t) => t >= from && t <= to;
	}
	const m = /^(>=|<=|>|<|=)?(.+)$/.exec(value);
	const { start, end } = dayBounds(m[2], query);
	switch (m[1]) {
		case '>=':
			return (t) => t >= start;
		case '>':
			return (t) => t > end;
		case '<=':
			return (t) => t <= end;
		case '<':
			return (t) => t < start;
		default:
			return (t) => t >= start && t <= end;
	}
}

function contains(haystack, needle) {
	const parts = needle.toLowerCase().split('*').filter(Boolean);
	const text = String(haystack || '').toLowerCase();
	return parts.every((part) => text.includes(part));
}

/** A predicate over fixture mail items for `query`. */
function compileQuery(query) {
	const tests = [];
	for (const { criteria, value } of tokenize(query || '')) {
		if (criteria === null && value.toUpperCase() === 'AND') continue;
		if (criteria === null && (value.toUpperCase() === 'OR' || value.toUpperCase() === 'NOT'))
			throw invalid(`The simulator does not support ${value} in '${query}'.`);
		if (criteria === null) {
			tests.push((i) => contains(`${i.subject}\n${i.body}\n${i.fromName} ${i.from}`, value));
		} else if (TEXT.includes(criteria)) {
			const field = (i) =>
				criteria === 'from' ? `${i.fromName} <${i.from}>` : criteria === 'to' ? i.to : i[criteria];
			tests.push((i) => contains(field(i), value));
		} else if (DATES.includes(criteria)) {
			const test = dateTest(value, query);
			tests.push((i) => test(Date.parse(i[criteria])));
		} else if (criteria === 'hasattachments') {
			if (!/^(yes|no|true|false)$/i.test(value))
				throw invalid(`hasattachments takes yes or no, not '${value}'.`);
			const wanted = /^(yes|true)$/i.test(value);
			tests.push((i) => i.attachments.length > 0 === wanted);
		} else {
			throw invalid(`The search query '${query}' uses the unknown criteria '${criteria}'.`);
		}
	}
	return (item) => tests.every((test) => test(item));
}

module.exports = { compileQuery, tokenize, dateTest, contains };
