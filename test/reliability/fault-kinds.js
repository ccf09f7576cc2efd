'use strict';
// The fault matrix: every kind of server or network fault the node must survive, the operations
// it applies to, and what must happen. fault-matrix.test.js runs each kind × operation on a v5
// and a v8 server.
const { gapsMs, waitFor, tokenRequests, requestsTo } = require('../support/requests');
const { expectComplete, expectFailedCleanly } = require('./operations');

const LOOKUP_OPS = ['getAll', 'save', 'send'];
const DOWNLOAD_OPS = ['save', 'saveZip'];
const MiB = 1024 * 1024;

/** A timeout must say so and name the option that changes it. */
const TIMEOUT_ERROR = /(did not answer|no answer|no data|timed? ?out)[\s\S]*Timeout \(Seconds\)/i;

/** Runs the case's node once: `extra` overrides parameters (its `options` are the node's Options); the rest goes to runNode. */
const run = (ctx, { extra = {}, ...rest } = {}) =>
	ctx.runNode({ parameters: ctx.parameters(extra), ...rest });

/** Two input items with Continue On Fail: the fault hits the first, the second must be whole. */
const runTwoItems = (ctx, extra = {}) =>
	run(ctx, { extra, inputItems: [{ n: 1 }, { n: 2 }], continueOnFail: true });

const KINDS = [
	// ── Server errors and dropped connections on lookups (GET) ────────────────────────────────
	{
		id: 'lookup-5xx-backoff',
		fault: 'GET …/Attachments answers 500 once, no Retry-After',
		expected: 'retried after the 0.5 s backoff, then success',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, status: 500, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.lookups().map((r) => r.status)).toEqual([500, 200]);
			expect(gapsMs(ctx.lookups())[0]).toBeGreaterThanOrEqual(450);
		},
	},
	{
		id: 'lookup-503-retry-after',
		fault: 'GET …/Attachments answers 503 with Retry-After: 1 once',
		expected: 'waits the server-given second, then success',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: ctx.lookupPath,
				status: 503,
				retryAfter: 1,
				times: 1,
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(gapsMs(ctx.lookups())[0]).toBeGreaterThanOrEqual(950);
		},
	},
	{
		id: 'lookup-5xx-exhausted',
		fault: 'GET …/Attachments answers 503 (Retry-After: 0) every time',
		expected: '"Retries on Server Errors" + 1 attempts, then a clear error; no save or send',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, status: 503, retryAfter: 0 });
			const result = await run(ctx, { extra: { options: { retries: 2 } } });
			expectFailedCleanly(
				result,
				/Could not list the item's attachments: the VB365 server failed \(HTTP 503\)/,
			);
			expect(ctx.lookups()).toHaveLength(3);
			expect(ctx.actions()).toHaveLength(0);
			expect(ctx.sim.outbox).toHaveLength(0);
		},
	},
	{
		id: 'lookup-429',
		fault: 'GET …/Attachments answers 429 (Retry-After: 0) twice',
		expected: 'retried twice (default retries), then success',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: ctx.lookupPath,
				status: 429,
				retryAfter: 0,
				times: 2,
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.lookups().map((r) => r.status)).toEqual([429, 429, 200]);
		},
	},
	{
		id: 'lookup-retries-off',
		fault: 'GET …/Attachments answers 500 once, "Retries on Server Errors" = 0',
		expected: 'exactly one attempt, then a clear error',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: ctx.lookupPath,
				status: 500,
				retryAfter: 0,
				times: 1,
			});
			const result = await run(ctx, { extra: { options: { retries: 0 } } });
			expectFailedCleanly(result, /HTTP 500/);
			expect(ctx.lookups()).toHaveLength(1);
		},
	},
	{
		id: 'lookup-connection-dropped',
		fault: 'the connection of GET …/Attachments is closed without an answer, once',
		expected: 'retried like a 5xx, then success',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, dropConnection: true, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.lookups()).toHaveLength(2);
		},
	},
	{
		id: 'lookup-reset-mid-body',
		fault: 'GET …/Attachments is reset after 10 body bytes, once',
		expected: 'retried like a 5xx, then success',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, resetAfterBytes: 10, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.lookups()).toHaveLength(2);
		},
	},
	{
		id: 'email-settings-5xx',
		fault: 'GET /VespEmailSettings (the pre-send check) answers 503 (Retry-After: 0) once',
		expected: 'retried, then exactly one email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: '/VespEmailSettings$',
				status: 503,
				retryAfter: 0,
				times: 1,
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.sim.outbox).toHaveLength(1);
		},
	},

	// ── Server errors on the save request ─────────────────────────────────────────────────────
	{
		id: 'save-5xx-backoff',
		fault: 'the save request answers 500 once, no Retry-After',
		expected: 'retried after the 0.5 s backoff, then every file whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, status: 500, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.actions().map((r) => r.status)).toEqual([500, 200]);
			expect(gapsMs(ctx.actions())[0]).toBeGreaterThanOrEqual(450);
		},
	},
	{
		id: 'save-503-retry-after',
		fault: 'the save request answers 503 with Retry-After: 1 once',
		expected: 'waits the server-given second, then every file whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				status: 503,
				retryAfter: 1,
				times: 1,
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(gapsMs(ctx.actions())[0]).toBeGreaterThanOrEqual(950);
		},
	},
	{
		id: 'save-5xx-exhausted',
		fault: 'the save request answers 503 (Retry-After: 0) every time, 1 retry allowed',
		expected: 'two attempts, then a clear error and no file',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, status: 503, retryAfter: 0 });
			const result = await run(ctx, { extra: { options: { retries: 1 } } });
			expectFailedCleanly(
				result,
				/Could not save the attachments: the VB365 server failed \(HTTP 503\)/,
			);
			expect(ctx.actions()).toHaveLength(2);
		},
	},
	{
		id: 'save-connection-dropped',
		fault: 'the connection of the save request is closed without an answer, once',
		expected: 'retried like a 5xx, then every file whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, dropConnection: true, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.actions()).toHaveLength(2);
		},
	},

	// ── Broken downloads: the item fails, nothing partial goes downstream ─────────────────────
	{
		id: 'download-reset',
		fault: 'the ZIP download is reset after 20 000 bytes (first input item)',
		expected: 'that item fails ("interrupted"), no file from it; the next item is whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				resetAfterBytes: 20000,
				times: 1,
			});
			const result = await runTwoItems(ctx);
			expectFailedCleanly(result, /interrupted/i, 0);
			await expectComplete(ctx, result, 1);
		},
	},
	{
		id: 'download-truncated',
		fault: 'the ZIP ends cleanly after 20 000 bytes (first input item)',
		expected: 'that item fails ("truncated"), no file from it; the next item is whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				truncateAfterBytes: 20000,
				times: 1,
			});
			const result = await runTwoItems(ctx);
			expectFailedCleanly(result, /truncated|incomplete|interrupted/i, 0);
			await expectComplete(ctx, result, 1);
		},
	},
	{
		id: 'download-corrupt-data',
		fault: "a byte of the first entry's compressed data is flipped",
		expected: 'that item fails (inflate or CRC error), no file from it; the next item is whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				corruptEntryDataAt: 64,
				times: 1,
			});
			const result = await runTwoItems(ctx);
			expectFailedCleanly(result, /CRC|corrupt|invalid|inflate|deflate/i, 0);
			await expectComplete(ctx, result, 1);
		},
	},
	{
		id: 'download-crc-mismatch',
		fault: 'the stored CRC-32 of the first entry is wrong (data intact)',
		expected: 'that item fails naming the CRC check, no file from it; the next item is whole',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, corruptCrc: true, times: 1 });
			const result = await runTwoItems(ctx);
			expectFailedCleanly(result, /CRC/, 0);
			await expectComplete(ctx, result, 1);
		},
	},
	{
		id: 'download-not-a-zip',
		fault: 'the first byte of the answer is flipped (an item with one attachment)',
		expected: 'the item fails: a damaged archive is not passed on as the file',
		ops: DOWNLOAD_OPS,
		item: 'archived2023b',
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, corruptAt: 0, times: 1 });
			const result = await runTwoItems(ctx);
			expectFailedCleanly(result, /ZIP|archive/i, 0);
			await expectComplete(ctx, result, 1);
		},
	},
	{
		id: 'slow-save-answer',
		fault: 'the save request answers after 2 s, Timeout 1 s',
		expected: 'gives up after about a second with a message naming "Timeout (Seconds)"',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, latencyMs: 2000, times: 1 });
			const result = await run(ctx, { extra: { options: { timeout: 1 } } });
			expectFailedCleanly(result, TIMEOUT_ERROR);
			expect(result.elapsedMs).toBeLessThan(2000);
		},
	},
	{
		id: 'download-stalls',
		fault: 'the ZIP download goes quiet for 2 s after 20 000 bytes, Timeout 1 s',
		expected: 'gives up about a second into the silence, naming "Timeout (Seconds)"; no file',
		ops: DOWNLOAD_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				stallAfterBytes: 20000,
				stallMs: 2000,
				times: 1,
			});
			const result = await run(ctx, { extra: { options: { timeout: 1 } } });
			expectFailedCleanly(result, TIMEOUT_ERROR);
			expect(result.elapsedMs).toBeLessThan(2000);
		},
	},
	{
		id: 'download-slow-but-steady',
		fault: 'the ZIP trickles in (64 bytes every 100 ms, over 1 s in all), Timeout 1 s',
		expected: 'success: the timeout is for silence, not for the whole download',
		ops: DOWNLOAD_OPS,
		item: 'archived2023b',
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				dripBytes: 64,
				dripIntervalMs: 100,
				times: 1,
			});
			const result = await run(ctx, { extra: { options: { timeout: 1 } } });
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(result.elapsedMs).toBeGreaterThan(1000);
		},
	},

	// ── Send: never repeated automatically ───────────────────────────────────────────────────
	{
		id: 'send-503-not-retried',
		fault: 'the send request answers 503 (Retry-After: 0), 5 retries allowed',
		expected: 'exactly one send request, a clear error, no email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, status: 503, retryAfter: 0 });
			const result = await run(ctx, { extra: { options: { retries: 5 } } });
			expectFailedCleanly(result, /Could not send the attachments.*HTTP 503/);
			expect(ctx.actions()).toHaveLength(1);
			expect(ctx.sim.outbox).toHaveLength(0);
		},
	},
	{
		id: 'send-500-not-retried',
		fault: 'the send request answers 500 once',
		expected: 'exactly one send request, a clear error, no email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'POST',
				path: ctx.actionPath,
				status: 500,
				retryAfter: 0,
				times: 1,
			});
			const result = await run(ctx);
			expectFailedCleanly(result, /Could not send the attachments.*HTTP 500/);
			expect(ctx.actions()).toHaveLength(1);
			expect(ctx.sim.outbox).toHaveLength(0);
		},
	},
	{
		id: 'send-connection-dropped',
		fault: 'the connection of the send request is closed without an answer',
		expected: 'not repeated (the server may have sent it): one request, a clear error',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, dropConnection: true, times: 1 });
			const result = await run(ctx);
			expectFailedCleanly(result, /send the attachments|connection|closed/i);
			expect(ctx.actions()).toHaveLength(1);
		},
	},
	{
		id: 'send-timeout',
		fault: 'the send request takes 1.5 s (the server still sends), Timeout 1 s',
		expected: 'a timeout error naming the option, never a second request: exactly one email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, latencyMs: 1500, times: 1 });
			const result = await run(ctx, { extra: { options: { timeout: 1, retries: 3 } } });
			await waitFor(() => ctx.sim.outbox.length > 0, 1500);
			expect(ctx.actions()).toHaveLength(1);
			expect(ctx.sim.outbox).toHaveLength(1);
			expectFailedCleanly(result, TIMEOUT_ERROR);
		},
	},

	// ── Authentication during a run ──────────────────────────────────────────────────────────
	{
		id: 'auth-401-mid-run',
		fault: 'every token is revoked before the second input item',
		expected: 'one new password login, then every item succeeds',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: ctx.lookupPath,
				revokeTokens: true,
				skip: 1,
				times: 1,
			});
			const result = await run(ctx, { inputItems: [{ n: 1 }, { n: 2 }] });
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result, 0);
			await expectComplete(ctx, result, 1);
			expect(tokenRequests(ctx.sim).map((r) => r.body.grant_type)).toEqual([
				'password',
				'password',
			]);
			expect(result.stats.preAuthenticationForcedCalls).toBe(1);
			if (ctx.op === 'send') expect(ctx.sim.outbox).toHaveLength(2);
		},
	},
	{
		id: 'auth-401-on-action',
		fault: 'every token is revoked as the save or send request arrives',
		expected: 'one new login, the request is made once more, exactly one result (one email)',
		ops: ['save', 'saveZip', 'send'],
		async run(ctx) {
			ctx.sim.faults.add({ method: 'POST', path: ctx.actionPath, revokeTokens: true, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			// Refused requests (401) did nothing; exactly one went through after the new login.
			const statuses = ctx.actions().map((r) => r.status);
			expect(statuses[0]).toBe(401);
			expect(statuses.filter((status) => status !== 401)).toEqual([
				ctx.op === 'send' ? ctx.server.sendStatus : 200,
			]);
			expect(tokenRequests(ctx.sim)).toHaveLength(2);
			if (ctx.op === 'send') expect(ctx.sim.outbox).toHaveLength(1);
		},
	},
	{
		id: 'auth-expired',
		fault: 'access and refresh tokens live 0.5 s; the lookup arrives after 0.6 s',
		expected: 'a fresh password login (never a refresh grant), then success',
		ops: LOOKUP_OPS,
		sim: { accessTokenLifetime: 0.5, refreshTokenLifetime: 0.5 },
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, latencyMs: 600, times: 1 });
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			const statuses = ctx.lookups().map((r) => r.status);
			expect(statuses[0]).toBe(401);
			expect(statuses.filter((status) => status !== 401)).toEqual([200]);
			// Every login is a password grant; a slow machine may need one more as tokens live 0.5 s.
			const grants = tokenRequests(ctx.sim).map((r) => r.body.grant_type);
			expect(grants.length).toBeGreaterThanOrEqual(2);
			expect(new Set(grants)).toEqual(new Set(['password']));
		},
	},
	{
		id: 'auth-401-persistent',
		fault: 'every token is revoked on every lookup (the account was locked)',
		expected: 'one re-login only, then a clear 401 error (no login loop)',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, revokeTokens: true });
			const result = await run(ctx);
			expectFailedCleanly(result, /refused the credentials \(HTTP 401\)/);
			expect(tokenRequests(ctx.sim)).toHaveLength(2);
			expect(ctx.sim.outbox).toHaveLength(0);
		},
	},

	// ── Slow server ──────────────────────────────────────────────────────────────────────────
	{
		id: 'slow-lookup',
		fault: 'GET …/Attachments answers after 2 s, Timeout 1 s',
		expected: 'gives up after about a second with a message naming "Timeout (Seconds)"',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: ctx.lookupPath, latencyMs: 2000, times: 1 });
			const result = await run(ctx, { extra: { options: { timeout: 1 } } });
			expectFailedCleanly(result, TIMEOUT_ERROR);
			expect(result.elapsedMs).toBeLessThan(2000);
			expect(ctx.actions()).toHaveLength(0);
		},
	},
	{
		id: 'slow-email-settings',
		fault: 'GET /VespEmailSettings (the pre-send check) answers after 2 s, Timeout 1 s',
		expected: 'gives up after about a second; no email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({ method: 'GET', path: '/VespEmailSettings$', latencyMs: 2000, times: 1 });
			const result = await run(ctx, { extra: { options: { timeout: 1 } } });
			expectFailedCleanly(result, TIMEOUT_ERROR);
			expect(result.elapsedMs).toBeLessThan(2000);
			expect(ctx.sim.outbox).toHaveLength(0);
		},
	},

	// ── Archive limits (ZIP bombs) ───────────────────────────────────────────────────────────
	{
		id: 'bomb-ratio-default',
		fault: 'an 8 MiB attachment of zeros (deflates about 1030:1), default options',
		expected: 'refused by "Max Compression Ratio" (1000), nothing passed on',
		ops: DOWNLOAD_OPS,
		item: 'bomb',
		sim: { hostileItems: true },
		async run(ctx) {
			const result = await run(ctx);
			expectFailedCleanly(result, /Max Compression Ratio/);
		},
	},
	{
		id: 'bomb-ratio-raised',
		fault: 'the same attachment, "Max Compression Ratio" = 0 (off)',
		expected: 'accepted: 8 MiB, byte-equal (the limit is configurable)',
		ops: DOWNLOAD_OPS,
		item: 'bomb',
		sim: { hostileItems: true },
		async run(ctx) {
			const result = await run(ctx, { extra: { options: { maxCompressionRatio: 0 } } });
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.item.attachments[0].sizeBytes).toBe(8 * MiB);
		},
	},
	{
		id: 'bomb-total-cap',
		fault: 'the same attachment, ratio check off, "Max Total Size (MB)" = 4',
		expected: 'refused by "Max Total Size (MB)", nothing passed on',
		ops: DOWNLOAD_OPS,
		item: 'bomb',
		sim: { hostileItems: true },
		async run(ctx) {
			const result = await run(ctx, {
				extra: { options: { maxCompressionRatio: 0, maxTotalSizeMb: 4 } },
			});
			expectFailedCleanly(result, /Max Total Size/);
		},
	},
	{
		id: 'bomb-lying-size',
		fault: 'an attachment listed as 4 KiB whose ZIP entry unpacks to 64 MiB, ratio check off',
		expected: 'refused once it outgrows the listed size, nothing passed on',
		ops: DOWNLOAD_OPS,
		item: 'lyingSize',
		sim: { hostileItems: true },
		async run(ctx) {
			const result = await run(ctx, { extra: { options: { maxCompressionRatio: 0 } } });
			expectFailedCleanly(result, /larger than|exceed|listed/i);
			expect(result.elapsedMs).toBeLessThan(5000);
		},
	},

	// ── Tolerated surprises in answers ───────────────────────────────────────────────────────
	{
		id: 'nulls-in-attachments',
		fault: 'the attachment listing has null name, sizeBytes and url',
		expected: 'tolerated: the operation still succeeds',
		ops: ['getAll', 'save', 'saveZip', 'send'],
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: ctx.lookupPath,
				nullFields: ['name', 'sizeBytes', 'size', 'url'],
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			if (ctx.op === 'save') {
				const bytes = await Promise.all(
					result.items.map((entry) => result.readBinary(entry.binary.data)),
				);
				expect(bytes.map((b) => b.length)).toEqual(ctx.item.attachments.map((a) => a.sizeBytes));
			} else if (ctx.op !== 'getAll') {
				await expectComplete(ctx, result);
			} else {
				expect(result.items.map((entry) => entry.json.id)).toEqual(
					ctx.item.attachments.map((a) => a.id),
				);
				expect(result.items.every((entry) => typeof entry.json.name === 'string')).toBe(true);
			}
		},
	},
	{
		id: 'nulls-in-email-settings',
		fault: 'GET /VespEmailSettings has null port, useSSL, username, authenticationType',
		expected: 'tolerated: exactly one email',
		ops: ['send'],
		async run(ctx) {
			ctx.sim.faults.add({
				method: 'GET',
				path: '/VespEmailSettings$',
				nullFields: ['port', 'useSSL', 'username', 'authenticationType'],
			});
			const result = await run(ctx);
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			expect(ctx.sim.outbox).toHaveLength(1);
		},
	},
	{
		id: 'unknown-enums',
		fault:
			'a started restore session reports state "Hibernating" and type "VespNext"; email settings authenticationType "CarrierPigeon"',
		expected: 'tolerated: the operation succeeds and the session is still stopped',
		ops: LOOKUP_OPS,
		async run(ctx) {
			ctx.sim.faults.add([
				{
					method: 'POST',
					path: '/Organizations/[^/]+/(explore|Action)$',
					setFields: { state: 'Hibernating', type: 'VespNext' },
				},
				{
					method: 'GET',
					path: '/VespEmailSettings$',
					setFields: { authenticationType: 'CarrierPigeon' },
				},
			]);
			const parameters = {
				...ctx.parameters(),
				restoreSessionMode: 'startAndStop',
				organizationId: { __rl: true, mode: 'id', value: ctx.item.organizationId },
			};
			delete parameters.restoreSessionId;
			const result = await ctx.runNode({ parameters });
			expect(result.error).toBeUndefined();
			await expectComplete(ctx, result);
			const [explore] = requestsTo(ctx.sim, 'POST', '/Organizations/[^/]+/(explore|Action)$');
			expect(explore.faults).toHaveLength(1);
			const stops = requestsTo(ctx.sim, 'POST', '/RestoreSessions/[^/]+/(Stop|Action)$');
			expect(stops).toHaveLength(1);
		},
	},
];

/** The matrix as rows: kind × operation (each row runs on every server). */
function matrixRows() {
	return KINDS.flatMap((kind) => kind.ops.map((op) => ({ kind, op })));
}

module.exports = { KINDS, matrixRows, LOOKUP_OPS, DOWNLOAD_OPS, TIMEOUT_ERROR };
