'use strict';
// The contract check of a node run against the simulator: every request the node sent to this
// API version, and every answer it got (streamed downloads aside), must match Veeam's spec.
const { validateRequest, validateResponse } = require('../contract');

/** Checks the recorded exchanges of `apiVersion` (jest `expect`); returns the operation IDs seen. */
function expectExchangesMatchSpec(sim, apiVersion) {
	const exchanges = sim.exchanges.filter(
		(exchange) => exchange.version === Number(apiVersion.slice(1)),
	);
	const operations = new Set();
	for (const exchange of exchanges) {
		const request = validateRequest(
			apiVersion,
			exchange.method,
			exchange.url,
			exchange.requestBody,
			{ contentType: exchange.requestContentType },
		);
		expect({ url: exchange.url, errors: request.errors }).toEqual({
			url: exchange.url,
			errors: [],
		});
		operations.add(request.operationId);
		if (exchange.responseStreamed) continue;
		const response = validateResponse(
			apiVersion,
			exchange.method,
			exchange.url,
			exchange.status,
			exchange.responseContentType,
			exchange.responseBody,
		);
		expect({ url: exchange.url, errors: response.errors }).toEqual({
			url: exchange.url,
			errors: [],
		});
	}
	return [...operations].sort();
}

module.exports = { expectExchangesMatchSpec };
