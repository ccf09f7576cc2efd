'use strict';
const {
	parseRetryAfter,
	loginRetryDelayMs,
	throttledRepeatDelayMs,
	LOGIN_WAIT_BUDGET_MS,
} = require('../../dist/nodes/VeeamM365/transport/loginThrottle');

test('Retry-After: seconds, an HTTP date, or nothing usable', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	expect(parseRetryAfter('7', now)).toBe(7);
	expect(parseRetryAfter(['3'], now)).toBe(3);
	expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:12 GMT', now)).toBe(12);
	expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
	expect(parseRetryAfter('soon', now)).toBeUndefined();
	expect(parseRetryAfter(undefined, now)).toBeUndefined();
});

test('login waits: the server’s Retry-After, else 1, 2, 4, 8, 8 s; all within the budget', () => {
	expect(loginRetryDelayMs(0, 5)).toBe(5000);
	expect(loginRetryDelayMs(3, 0)).toBe(250);
	expect([0, 1, 2, 3, 4].map((n) => loginRetryDelayMs(n, undefined))).toEqual([
		1000, 2000, 4000, 8000, 8000,
	]);
	expect(LOGIN_WAIT_BUDGET_MS).toBeGreaterThanOrEqual(8000);
});

test('repeats after a throttled login grow to 8 s with up to 50 % jitter', () => {
	expect(throttledRepeatDelayMs(0, 0)).toBe(1000);
	expect(throttledRepeatDelayMs(0, 1)).toBe(1500);
	expect(throttledRepeatDelayMs(10, 0.5)).toBe(10000);
});
