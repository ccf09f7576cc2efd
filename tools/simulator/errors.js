'use strict';
// RESTExceptionInfo per version: v2-v6 {message}; v7 adds errorCode; v8 adds stackTrace.
// The v7 spec's errorCode enum only lists "ProxyOffline", so by default v7 answers null for
// every other code (option strictV7ErrorCodes: false sends the v8 code names on v7 too).

const V7_CODES = new Set(['ProxyOffline']);

class ApiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string|null} code v8 errorCode (ResourceNotFound, ParameterValidationFailure, OperationConflict, ...)
	 * @param {string} message
	 */
	constructor(status, code, message) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

const notFound = (what) => new ApiError(404, 'ResourceNotFound', `${what} was not found.`);
const invalid = (message) => new ApiError(400, 'ParameterValidationFailure', message);
const conflict = (message) => new ApiError(400, 'OperationConflict', message);

function errorBody(version, code, message, { strictV7ErrorCodes = true } = {}) {
	const body = { message };
	if (version >= 8) {
		body.errorCode = code || null;
		body.stackTrace = null;
	} else if (version === 7) {
		body.errorCode = code && (!strictV7ErrorCodes || V7_CODES.has(code)) ? code : null;
	}
	return body;
}

module.exports = { ApiError, notFound, invalid, conflict, errorBody };
