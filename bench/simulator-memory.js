#!/usr/bin/env node
'use strict';
// Peak memory of the simulator while it streams a 2 GiB ZIP (4 x 512 MiB attachments).
// Starts `node tools/simulator/cli.js` as a child, downloads the save with curl to /dev/null,
// samples the child's RSS from /proc, then checks smaller ZIPs with `unzip -t`.
// Prints JSON: {bytes (ZIP size), attachmentBytes, seconds, mbPerSecond, peakRssMB, baselineRssMB, unzipTest}.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SIZES = process.env.BENCH_SIZES || '512M,512M,512M,512M';
const TARGET_MB = 150;

function startSimulator() {
	const cli = path.join(__dirname, '..', 'tools', 'simulator', 'cli.js');
	const child = spawn(
		process.execPath,
		[cli, '--port', '0', '--large-sizes', SIZES, '--profile', '8.x'],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
			const url = /URL:\s+(\S+)/.exec(out);
			const user = /Username:\s+(.+)/.exec(out);
			const pass = /Password:\s+(.+)/.exec(out);
			if (url && user && pass && out.includes('Ctrl-C'))
				resolve({ child, url: url[1], username: user[1].trim(), password: pass[1].trim() });
		});
		child.on('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
	});
}

function rssKiB(pid, field) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
	return m ? Number(m[1]) : 0;
}

function curl(args) {
	return new Promise((resolve, reject) => {
		const p = spawn('curl', ['-sk', '--fail-with-body', ...args], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		p.stdout.on('data', (d) => (out += d));
		p.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`curl exited ${code}: ${out.slice(0, 200)}`)),
		);
	});
}

async function main() {
	const sim = await startSimulator();
	const { pid } = sim.child;
	try {
		const fixture = JSON.parse(await curl([`${sim.url}/__sim/fixture`]));
		const token = JSON.parse(
			await curl([
				'-X',
				'POST',
				`${sim.url}/v8/token`,
				'--data-urlencode',
				'grant_type=password',
				'--data-urlencode',
				`username=${sim.username}`,
				'--data-urlencode',
				`password=${sim.password}`,
				'--data-urlencode',
				'disable_antiforgery_token=true',
			]),
		).access_token;
		const itemUrl = (key) => {
			const item = fixture.items.find((i) => i.key === key);
			return `${sim.url}/v8/RestoreSessions/${item.restoreSessionId}/Organization/Sites/${item.siteId}/Items/${item.id}`;
		};
		const auth = ['-H', `Authorization: Bearer ${token}`, '-H', 'Content-Type: application/json'];

		const baselineKiB = rssKiB(pid, 'VmRSS');
		let peakKiB = baselineKiB;
		const sampler = setInterval(() => {
			try {
				peakKiB = Math.max(peakKiB, rssKiB(pid, 'VmRSS'));
			} catch {
				/* process gone */
			}
		}, 50);
		const started = process.hrtime.bigint();
		const written = await curl([
			'-X',
			'POST',
			...auth,
			'-d',
			'{}',
			'-o',
			'/dev/null',
			'-w',
			'%{size_download}',
			`${itemUrl('large')}/Attachments/save`,
		]);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		clearInterval(sampler);
		peakKiB = Math.max(peakKiB, rssKiB(pid, 'VmHWM'));

		// Integrity: `unzip -t` on ZIPs small enough to keep on disk.
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-bench-'));
		const checks = [];
		for (const key of ['helpdesk', 'tricky', 'many']) {
			const file = path.join(tmp, `${key}.zip`);
			await curl([
				'-X',
				'POST',
				...auth,
				'-d',
				'{}',
				'-o',
				file,
				`${itemUrl(key)}/Attachments/save`,
			]);
			const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
			checks.push(/No errors detected/.test(out) ? `${key}: ok` : `${key}: FAILED`);
		}
		fs.rmSync(tmp, { recursive: true, force: true });

		const bytes = Number(written);
		const large = fixture.items.find((i) => i.key === 'large');
		const result = {
			bytes,
			attachmentBytes: large.attachments.reduce((n, a) => n + a.sizeBytes, 0),
			seconds: Number(seconds.toFixed(2)),
			mbPerSecond: Number((bytes / 1024 ** 2 / seconds).toFixed(1)),
			peakRssMB: Number((peakKiB / 1024).toFixed(1)),
			baselineRssMB: Number((baselineKiB / 1024).toFixed(1)),
			targetPeakRssMB: TARGET_MB,
			unzipTest: checks,
		};
		console.log(JSON.stringify(result, null, 2));
		if (result.peakRssMB >= TARGET_MB || checks.some((c) => c.endsWith('FAILED')))
			process.exitCode = 1;
	} finally {
		sim.child.kill('SIGINT');
	}
}

main().catch((err) => {
	console.error(err.message);
	process.exit(1);
});
