'use strict';
// Opaque bearer/refresh tokens, their lifetimes, revocation and the v7+ antiforgery rule.
const crypto = require('node:crypto');

const ANTIFORGERY_COOKIE = 'VB365-Antiforgery';
const token = () => crypto.randomBytes(48).toString('base64url');

class TokenStore {
	/**
	 * @param {{accessTokenLifetime:number, refreshTokenLifetime:number}} opts lifetimes in seconds
	 */
	constructor({ accessTokenLifetime, refreshTokenLifetime }) {
		this.accessTokenLifetime = accessTokenLifetime;
		this.refreshTokenLifetime = refreshTokenLifetime;
		this.access = new Map();
		this.refresh = new Map();
	}

	/** Issues a new token pair; `antiforgery` is true when the v7+ cookie rule applies. */
	issue({ userName, antiforgery }) {
		const now = Date.now();
		const grant = {
			userName,
			accessToken: token(),
			refreshToken: token(),
			issuedAt: now,
			expiresAt: now + this.accessTokenLifetime * 1000,
			refreshExpiresAt: now + this.refreshTokenLifetime * 1000,
			antiforgeryToken: antiforgery ? token() : null,
			revoked: false,
		};
		this.access.set(grant.accessToken, grant);
		this.refresh.set(grant.refreshToken, grant);
		return grant;
	}

	/** The grant for a bearer token, or null when unknown, revoked or expired. */
	checkAccess(accessToken) {
		const g = this.access.get(accessToken);
		if (!g || g.revoked || Date.now() >= g.expiresAt) return null;
		return g;
	}

	/** The grant a refresh token belongs to (still usable), or null. */
	findRefresh(refreshToken) {
		const g = this.refresh.get(refreshToken);
		if (!g || g.refreshUsed || g.revoked || Date.now() >= g.refreshExpiresAt) return null;
		return g;
	}

	/** Refresh tokens are single-use: a successful refresh retires the old one. */
	retireRefresh(grant) {
		grant.refreshUsed = true;
	}

	revoke(grant) {
		grant.revoked = true;
	}

	revokeAll() {
		for (const g of this.access.values()) g.revoked = true;
	}

	/** Every access, refresh and antiforgery token issued so far (for leak checks in tests). */
	issuedTokens() {
		const all = new Set();
		for (const g of [...this.access.values(), ...this.refresh.values()]) {
			all.add(g.accessToken).add(g.refreshToken);
			if (g.antiforgeryToken) all.add(g.antiforgeryToken);
		}
		return [...all];
	}

	clear() {
		this.access.clear();
		this.refresh.clear();
	}
}

function bearerOf(req) {
	const h = req.headers.authorization;
	if (typeof h !== 'string') return null;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
	return m ? m[1] : null;
}

function cookieValue(req, name) {
	const h = req.headers.cookie;
	if (typeof h !== 'string') return null;
	for (const part of h.split(';')) {
		const i = part.indexOf('=');
		if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
	}
	return null;
}

const isTrue = (v) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');

module.exports = { TokenStore, bearerOf, cookieValue, isTrue, ANTIFORGERY_COOKIE };
