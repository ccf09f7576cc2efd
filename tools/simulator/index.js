'use strict';
// In-process entry point: const sim = await startSimulator(opts); ... await sim.stop();
const { buildApp } = require('./server');
const { generateCertificate } = require('./tls');
const { loadFixture } = require('./fixture');
const { SimState } = require('./state');
const { TokenStore } = require('./auth');
const { FaultRules } = require('./faults');
const { TokenThrottle, normalizeThrottle } = require('./throttle');
const { resolveProfile } = require('./versions');
const { contentBuffer, contentStream } = require('./content');

const DEFAULTS = {
	port: 0,
	host: '127.0.0.1',
	profile: 'all',
	credentials: { username: 'CONTOSO\\restore-operator', password: 'Restore!2024' },
	accessTokenLifetime: 3600,
	refreshTokenLifetime: 86400,
	contentDisposition: 'filename*',
	emailSettings: 'configured',
	largeAttachmentSizes: undefined,
	forceZip64: false,
	recordExchanges: false,
	antiforgeryStrict: false,
	strictV7ErrorCodes: true,
	maxRequestLog: 10000,
	hostileItems: false,
	tokenThrottle: null,
};
const DISPOSITIONS = ['none', 'filename', 'filename*', 'both'];

function normalizeOptions(opts) {
	const o = {
		...DEFAULTS,
		...opts,
		credentials: { ...DEFAULTS.credentials, ...(opts.credentials || {}) },
	};
	if (!DISPOSITIONS.includes(o.contentDisposition)) {
		throw new Error(`contentDisposition must be one of ${DISPOSITIONS.join(', ')}`);
	}
	for (const k of ['accessTokenLifetime', 'refreshTokenLifetime']) {
		if (!(Number(o[k]) > 0)) throw new Error(`${k} must be a positive number of seconds`);
		o[k] = Number(o[k]);
	}
	if (o.largeAttachmentSizes !== undefined) {
		if (
			!Array.isArray(o.largeAttachmentSizes) ||
			!o.largeAttachmentSizes.every((n) => Number.isSafeInteger(n) && n >= 0)
		) {
			throw new Error('largeAttachmentSizes must be an array of byte counts');
		}
	}
	o.tokenThrottle = normalizeThrottle(o.tokenThrottle);
	return o;
}

function emptyStats(stats = {}) {
	for (const k of Object.keys(stats)) delete stats[k];
	return Object.assign(stats, {
		tokenRequests: {},
		logins: 0,
		tokenThrottled: 0,
		connections: 0,
		requests: 0,
		maxInFlight: 0,
		saves: 0,
		sends: 0,
	});
}

class Simulator {
	constructor(options, cert) {
		this.options = options;
		this.host = options.host;
		this.profile = resolveProfile(options.profile);
		this.credentials = { ...options.credentials };
		this.certificatePem = cert.cert;
		this.fixture = loadFixture({
			largeAttachmentSizes: options.largeAttachmentSizes,
			hostileItems: Boolean(options.hostileItems),
			oneDriveBench: options.oneDriveBench,
		});
		this.state = new SimState(this.fixture, { emailSettings: options.emailSettings });
		this.outbox = this.state.outbox;
		this.tokens = new TokenStore(options);
		this.faults = new FaultRules();
		this.throttle = new TokenThrottle(options.tokenThrottle);
		this.stats = emptyStats();
		this.requests = [];
		this.exchanges = [];
		this.timers = new Map();
		this.app = buildApp(this, cert);
	}

	get servedVersions() {
		return this.profile.served.slice();
	}

	async listen() {
		await this.app.listen({ port: this.options.port, host: this.options.host });
		this.port = this.app.server.address().port;
		const shownHost = this.host.includes(':') ? `[${this.host}]` : this.host;
		this.url = `https://${shownHost}:${this.port}`;
	}

	logRequest(entry) {
		this.requests.push(entry);
		if (this.requests.length > this.options.maxRequestLog)
			this.requests.splice(0, this.requests.length - this.options.maxRequestLog);
	}

	/** A timer that stop() cancels (so a test never leaks a pending handle). */
	later(fn, ms) {
		if (this.stopping) return null;
		const t = setTimeout(() => {
			this.timers.delete(t);
			fn();
		}, ms);
		this.timers.set(t, fn);
		return t;
	}

	sleep(ms) {
		return new Promise((resolve) => this.later(resolve, ms));
	}

	/** Destroys the socket behind `res` once what was already written has left the process. */
	destroyWhenFlushed(res, bodyStream) {
		const socket = res.socket;
		if (!socket) return;
		const started = Date.now();
		const tick = () => {
			if (socket.destroyed) return;
			const pending =
				(bodyStream ? bodyStream.readableLength : 0) +
				(res.writableLength || 0) +
				socket.writableLength;
			if (pending === 0 || Date.now() - started > 2000) socket.destroy();
			else this.later(tick, 5);
		};
		this.later(tick, 10);
	}

	setEmailSettings(value) {
		this.state.setEmailSettings(value);
	}

	/** Turns the /token quota on (`true` = VB365's 1/s, 5/min, 1500/h) or off (`null`); counters restart. */
	setTokenThrottle(config) {
		this.throttle.configure(config);
	}

	revokeAllTokens() {
		this.tokens.revokeAll();
	}

	/** Every token issued since start (access, refresh, antiforgery), for tests that look for leaks. */
	issuedTokens() {
		return this.tokens.issuedTokens();
	}

	/** Back to the fixture state: sessions, email settings, outbox, faults, logs, counters. Tokens stay valid. */
	reset() {
		this.state.reset();
		this.faults.clear();
		this.throttle.configure(this.throttle.config);
		this.requests.length = 0;
		this.exchanges.length = 0;
		emptyStats(this.stats);
	}

	/** The exact bytes of an attachment (for files up to 256 MiB). */
	attachmentContent(attachmentId) {
		return contentBuffer(this.requireAttachment(attachmentId), this.fixture.seed);
	}

	/** The attachment's bytes as a stream (any size). */
	attachmentStream(attachmentId) {
		return contentStream(this.requireAttachment(attachmentId), this.fixture.seed);
	}

	/** The exact bytes of a OneDrive document (by fixture key or ID), latest or one version. */
	oneDriveContent(keyOrId, versionId) {
		const data = this.fixture.oneDrive;
		const doc = data.byKey.document[keyOrId] || data.documents.find((d) => d.id === keyOrId);
		return this.versionContent(doc, 'versionId', versionId, `OneDrive document ${keyOrId}`);
	}

	/** The exact bytes of a SharePoint document (by fixture key or ID), latest or one version. */
	siteDocumentContent(keyOrId, versionId) {
		const data = this.fixture.siteDocuments;
		const doc = data.byKey.document[keyOrId] || data.documents.find((d) => d.id === keyOrId);
		return this.versionContent(doc, 'versionId', versionId, `SharePoint document ${keyOrId}`);
	}

	/** The exact bytes of a Teams channel file (by fixture key or ID), latest or one version (512, 1024, …). */
	teamsFileContent(keyOrId, version) {
		const data = this.fixture.teams;
		const file = data.byKey.file[keyOrId] || data.files.find((f) => f.id === keyOrId);
		return this.versionContent(file, 'version', version, `Teams file ${keyOrId}`);
	}

	/** The bytes of a fixture document's latest version, or of the one whose `field` is `wanted`. */
	versionContent(doc, field, wanted, what) {
		if (!doc) throw new Error(`no ${what}`);
		const v =
			wanted === undefined
				? doc.versions[doc.versions.length - 1]
				: doc.versions.find((x) => String(x[field]) === String(wanted));
		if (!v) throw new Error(`no version ${wanted} of ${what}`);
		return contentBuffer(
			{ id: v.contentId, kind: v.kind, name: v.name, sizeBytes: v.sizeBytes },
			this.fixture.seed,
		);
	}

	requireAttachment(id) {
		const att = this.fixture.attachment(id);
		if (!att) throw new Error(`no attachment with id ${id}`);
		return att;
	}

	async stop() {
		this.stopping = true;
		const clearAll = () => {
			for (const t of this.timers.keys()) clearTimeout(t);
			this.timers.clear();
		};
		clearAll();
		await this.app.close();
		clearAll();
	}
}

/**
 * Starts the simulator on HTTPS. See README.md for every option.
 * @param {object} [opts]
 * @returns {Promise<Simulator>}
 */
async function startSimulator(opts = {}) {
	const options = normalizeOptions(opts);
	const cert = await generateCertificate();
	const sim = new Simulator(options, cert);
	await sim.listen();
	return sim;
}

module.exports = { startSimulator, DEFAULTS };
