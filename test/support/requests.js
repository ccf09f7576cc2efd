'use strict';
// What the simulator was asked: request counting and timing for tests that check retries,
// back-off and what reached the server.

/** API requests (not /__sim) whose method and path match; `path` is a case-insensitive regex. */
function requestsTo(sim, method, path) {
	const pattern = new RegExp(path, 'i');
	return sim.requests.filter(
		(request) => !request.control && request.method === method && pattern.test(request.path),
	);
}

const tokenRequests = (sim) => requestsTo(sim, 'POST', '/token$');

/** Milliseconds between consecutive requests in a list from `requestsTo`. */
function gapsMs(requests) {
	const times = requests.map((request) => Date.parse(request.at));
	return times.slice(1).map((time, i) => time - times[i]);
}

/** Resolves once `condition()` holds or `ms` have passed (for server work the client gave up on). */
async function waitFor(condition, ms) {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until)
		await new Promise((resolve) => setTimeout(resolve, 25));
}

module.exports = { requestsTo, tokenRequests, gapsMs, waitFor };
