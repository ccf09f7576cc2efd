'use strict';
// Loads fixture.json and derives the full, deterministic data model: real-looking IDs
// (site = 2 GUIDs, item = site + 2 GUIDs, attachment = item + 1 GUID), urls, dates, sizes.
const crypto = require('node:crypto');
const { kindOf } = require('./content');
const { withHostileItems } = require('./fixture-hostile');
const { buildExchange } = require('./exchange-fixture');
const { buildOneDrive } = require('./onedrive-fixture');
const { buildSiteDocuments } = require('./sharepoint-docs-fixture');
const { buildTeams } = require('./teams-fixture');

/** With `oneDriveBench`: a running OneDrive session with a fixed ID, for benchmark workflows. */
const BENCH_VEOD_SESSION = {
	key: 'veodBench',
	organization: 'contoso',
	type: 'Veod',
	creationTime: '2024-05-06T08:15:00Z',
	pointInTime: '2024-05-06T08:00:00Z',
	initiatedBy: 'CONTOSO\\restore-operator',
	clientHost: '10.0.0.15',
};

const MiB = 1024 * 1024;
const DEFAULT_LARGE_SIZES = [512 * MiB, 256 * MiB, 192 * MiB, 64 * MiB];

function uuidFrom(seed, label) {
	const h = crypto.createHash('sha256').update(`${seed}|${label}`).digest();
	h[6] = (h[6] & 0x0f) | 0x40;
	h[8] = (h[8] & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function isoPlusDays(base, days, minutes = 0) {
	return new Date(Date.parse(base) + days * 86400000 + minutes * 60000).toISOString();
}

function expandAttachments(raw, largeSizes) {
	if (raw.generate) {
		const g = raw.generate;
		return Array.from({ length: g.count }, (_, i) => ({
			name: g.name.replace('{n}', String(i + 1).padStart(g.pad || 1, '0')),
			size: g.size + i * (g.sizeStep || 0),
		}));
	}
	if (raw.large) {
		return largeSizes.map((size, i) => ({
			name: raw.large[i] || `large-part-${i + 1}.bin`,
			size,
		}));
	}
	return raw.attachments || [];
}

/**
 * @param {object} [opts]
 * @param {number[]} [opts.largeAttachmentSizes] sizes of the "large" item's attachments
 * @param {object} [opts.json] alternative fixture JSON (defaults to fixture.json)
 * @param {boolean} [opts.hostileItems] add the quarantine list (fixture-hostile.js)
 * @param {{largeSizes?: number[], folderFiles?: number}} [opts.oneDriveBench] benchmark data in
 *   Anna's OneDrive (onedrive-fixture.js) and a running OneDrive session with a fixed ID
 */
function loadFixture(opts = {}) {
	const base = opts.json || require('./fixture.json');
	const json = opts.hostileItems ? withHostileItems(base) : base;
	const largeSizes = opts.largeAttachmentSizes || DEFAULT_LARGE_SIZES;
	const seed = json.seed;
	const organizations = [];
	const restorePoints = [];
	const sites = [];
	const lists = [];
	const items = [];
	const attachments = [];
	const byKey = { organization: {}, site: {}, list: {}, item: {} };

	for (const o of json.organizations) {
		const org = {
			key: o.key,
			id: o.id,
			name: o.name,
			officeName: o.officeName,
			firstBackupTime: o.restorePoints[0],
			lastBackupTime: o.restorePoints[o.restorePoints.length - 1],
			siteIds: [],
		};
		organizations.push(org);
		byKey.organization[o.key] = org;
		o.restorePoints.forEach((t, i) => {
			restorePoints.push({
				id: uuidFrom(seed, `rp:${o.id}:${i}`),
				organizationId: o.id,
				backupTime: t,
				jobId: uuidFrom(seed, `job:${o.id}`),
				repositoryId: uuidFrom(seed, `repo:${o.id}`),
			});
		});
		const tenantHost = `https://${o.officeName.toLowerCase()}.sharepoint.com`;

		const addItem = (site, list, raw, parentId, folderPath) => {
			const itemId =
				site.id +
				uuidFrom(seed, `item:${site.id}:${list.id}:${raw.number}:a`) +
				uuidFrom(seed, `item:${raw.number}:${list.id}:b`);
			const created = isoPlusDays(o.restorePoints[0], -30 - raw.number, raw.number * 7);
			const isFolder = Boolean(raw.isFolder);
			const item = {
				key: raw.key,
				id: itemId,
				organizationId: org.id,
				siteId: site.id,
				listId: list.id,
				parentId,
				number: raw.number,
				title: raw.title,
				name: isFolder ? raw.name : `${raw.number}_.000`,
				isFolder,
				version: '1.0',
				versionId: 512,
				createdBy: 'Megan Bowen',
				creationTime: created,
				modifiedBy: 'Adele Vance',
				modificationTime: isoPlusDays(created, 3, 41),
				url: `${list.url}${folderPath}/${isFolder ? raw.name : `${raw.number}_.000`}`,
				attachments: [],
			};
			for (const a of expandAttachments(raw, largeSizes)) {
				const att = {
					id: itemId + uuidFrom(seed, `att:${itemId}:${a.name}`),
					name: a.name,
					sizeBytes: a.size,
					kind: kindOf(a.name),
					url: `${list.url}/Attachments/${raw.number}/${a.name}`,
					organizationId: org.id,
					siteId: site.id,
					listId: list.id,
					itemId,
					itemKey: raw.key,
					modificationTime: item.modificationTime,
				};
				if (a.content !== undefined) att.content = a.content;
				if (a.contentSize !== undefined) att.contentSize = a.contentSize;
				if (raw.rawZipNames) att.rawZipName = true;
				item.attachments.push(att);
				attachments.push(att);
			}
			items.push(item);
			if (raw.key) byKey.item[raw.key] = item;
			return item;
		};

		const addSite = (s, parentId) => {
			const site = {
				key: s.key,
				id: uuidFrom(seed, `site:${o.id}:${s.path}:a`) + uuidFrom(seed, `site:${s.path}:b`),
				organizationId: org.id,
				parentId,
				name: s.name,
				url: tenantHost + s.path,
				path: s.path,
				listIds: [],
			};
			sites.push(site);
			org.siteIds.push(site.id);
			byKey.site[s.key] = site;
			for (const l of s.lists || []) {
				const list = {
					key: l.key,
					id: uuidFrom(seed, `list:${site.id}:${l.name}`),
					siteId: site.id,
					organizationId: org.id,
					name: l.name,
					url: `${s.path}/Lists/${l.name}`,
					creationTime: isoPlusDays(o.restorePoints[0], -400),
				};
				lists.push(list);
				site.listIds.push(list.id);
				byKey.list[l.key] = list;
				for (const raw of l.items || []) addItem(site, list, raw, null, '');
				for (const f of l.folders || []) {
					const folder = addItem(site, list, { ...f, title: f.name, isFolder: true }, null, '');
					for (const raw of f.items || []) addItem(site, list, raw, folder.id, `/${f.name}`);
				}
			}
			for (const sub of s.subsites || []) addSite(sub, site.id);
		};
		for (const s of o.sites) addSite(s, null);
	}

	const sessionSources = opts.oneDriveBench
		? [...json.restoreSessions, { ...BENCH_VEOD_SESSION, id: uuidFrom(seed, 'session:veod-bench') }]
		: json.restoreSessions;
	const restoreSessions = sessionSources.map((s) => ({
		key: s.key,
		id: s.id,
		organizationId: byKey.organization[s.organization].id,
		type: s.type,
		creationTime: s.creationTime,
		pointInTime: s.pointInTime,
		initiatedBy: s.initiatedBy,
		clientHost: s.clientHost,
	}));
	const sessionOfOrg = new Map(restoreSessions.map((s) => [s.organizationId, s.id]));
	for (const x of [...sites, ...lists, ...items, ...attachments]) {
		x.restoreSessionId = sessionOfOrg.get(x.organizationId) || null;
	}

	const index = new Map();
	for (const x of [
		...organizations,
		...sites,
		...lists,
		...items,
		...attachments,
		...restorePoints,
	]) {
		index.set(x.id.toLowerCase(), x);
	}

	const fixture = {
		seed,
		installationId: json.installationId,
		organizations,
		restorePoints,
		restoreSessions,
		restoreSession: restoreSessions[0],
		sites,
		lists,
		items,
		attachments,
		emailSettings: json.emailSettings,
		largeAttachmentSizes: largeSizes.slice(),
	};
	const hidden = {
		/** Look up any fixture object by ID (case-insensitive). */
		byId: (id) => (id == null ? undefined : index.get(String(id).toLowerCase())),
		organization: (key) => byKey.organization[key],
		site: (key) => byKey.site[key],
		list: (key) => byKey.list[key],
		item: (key) => byKey.item[key],
		attachment: (id) => {
			const x = index.get(String(id).toLowerCase());
			return x && x.itemId && x.kind ? x : undefined;
		},
		/** Mailboxes, folders and mail items (exchange-fixture.js). */
		exchange: buildExchange(seed, byKey.organization.contoso || organizations[0], uuidFrom),
		/** OneDrives, folders, documents and their versions (onedrive-fixture.js). */
		oneDrive: buildOneDrive(
			seed,
			byKey.organization.contoso || organizations[0],
			uuidFrom,
			opts.oneDriveBench,
		),
		/** SharePoint libraries, folders, documents and versions (sharepoint-docs-fixture.js). */
		siteDocuments: buildSiteDocuments(seed, byKey.site, uuidFrom),
		/** Teams, channels, channel folders and files with versions (teams-fixture.js). */
		teams: buildTeams(seed, byKey.organization.contoso || organizations[0], uuidFrom),
	};
	for (const [k, v] of Object.entries(hidden))
		Object.defineProperty(fixture, k, { value: v, enumerable: false });
	return fixture;
}

module.exports = { loadFixture, uuidFrom, DEFAULT_LARGE_SIZES };
