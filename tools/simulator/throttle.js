'use strict';
// The /token rate limit of VB365 v6+ (off unless configured): fixed windows per second, minute
// and hour, checked shortest first. A request counts in a window only when the shorter windows
// let it through, and the first exhausted window answers 429 with the time until it resets.

const PERIODS = [
	['perSecond', 1000],
	['perMinute', 60_000],
	['perHour', 3_600_000],
];

/** VB365's defaults (EndpointTokensPerSecond/Minute/Hour). */
const VB365_DEFAULTS = { perSecond: 1, perMinute: 5, perHour: 1500 };

function normalizeThrottle(value) {
	if (value === undefined || value === null || value === false) return null;
	const given = value === true || value === 'vb365' ? { ...VB365_DEFAULTS } : { ...value };
	const limits = {};
	for (const [name] of PERIODS) {
		if (given[name] === undefined || given[name] === null) continue;
		const n = Number(given[name]);
		if (!Number.isSafeInteger(n) || n < 1) {
			throw new Error(`tokenThrottle.${name} must be a whole number of logins, 1 or more`);
		}
		limits[name] = n;
	}
	if (Object.keys(limits).length === 0) {
		throw new Error(
			'tokenThrottle needs perSecond, perMinute or perHour (or true for the VB365 defaults)',
		);
	}
	return { ...limits, retryAfter: given.retryAfter !== false };
}

class TokenThrottle {
	constructor(config, now = () => Date.now()) {
		this.now = now;
		this.configure(config);
	}

	/** `null`/`false` turns it off; `true` means VB365's defaults; else `{perSecond, perMinute, perHour, retryAfter}`. */
	configure(config) {
		this.config = normalizeThrottle(config);
		this.windows = PERIODS.filter(([name]) => this.config && this.config[name] !== undefined).map(
			([name, periodMs]) => ({
				name,
				periodMs,
				limit: this.config[name],
				start: -Infinity,
				count: 0,
			}),
		);
		this.accepted = 0;
		this.rejected = 0;
	}

	get enabled() {
		return this.config !== null;
	}

	/** Counts one token request: `null` when allowed, else `{ window, retryAfterSeconds }`. */
	take() {
		if (!this.enabled) return null;
		const now = this.now();
		for (const w of this.windows) {
			if (now >= w.start + w.periodMs) {
				w.start = now;
				w.count = 0;
			}
			w.count++;
			if (w.count > w.limit) {
				this.rejected++;
				const retryAfterSeconds = Math.max(1, Math.ceil((w.start + w.periodMs - now) / 1000));
				return { window: w, retryAfterSeconds };
			}
		}
		this.accepted++;
		return null;
	}

	describe() {
		return {
			enabled: this.enabled,
			...this.config,
			accepted: this.accepted,
			rejected: this.rejected,
		};
	}
}

const PERIOD_WORDS = { perSecond: 'second', perMinute: 'minute', perHour: 'hour' };

/** The 429 VB365 sends when a token quota is used up ("Quota exceeded"). */
function sendThrottled(reply, throttle, refusal) {
	const { window, retryAfterSeconds } = refusal;
	if (throttle.config.retryAfter) reply.header('retry-after', String(retryAfterSeconds));
	return reply
		.code(429)
		.header('cache-control', 'no-cache')
		.send({
			message: `Quota exceeded. Maximum allowed: ${window.limit} per ${PERIOD_WORDS[window.name]}. Please try again in ${retryAfterSeconds} second(s).`,
		});
}

module.exports = { TokenThrottle, normalizeThrottle, sendThrottled, VB365_DEFAULTS };
