'use strict';
// Version-specific JSON representations of the data model (field sets follow the v6/v7/v8
// schemas; v2-v5 use the v6 field set with absolute links and, in v2, `size`).

const spBase = (ctx, session) => `/RestoreSessions/${session.id}/Organization`;

function organization(ctx, org) {
	const out = {
		type: 'Office365',
		region: 'Worldwide',
		id: org.id,
		name: org.name,
		officeName: org.officeName,
		isBackedup: true,
		firstBackuptime: org.firstBackupTime,
		lastBackuptime: org.lastBackupTime,
		isExchangeOnline: true,
		isSharePointOnline: true,
		isTeamsOnline: true,
		_links: {
			self: ctx.link(`/Organizations/${org.id}`),
			restorePoints: ctx.link(`/RestorePoints?organizationId=${org.id}`),
		},
	};
	if (ctx.version >= 8) out.backedUpOrganizationId = org.id;
	return out;
}

function restorePoint(ctx, rp) {
	const out = {
		id: rp.id,
		repositoryId: rp.repositoryId,
		backupTime: rp.backupTime,
		jobId: rp.jobId,
		organizationId: rp.organizationId,
		isExchange: true,
		isSharePoint: true,
		isOneDrive: true,
		isTeams: false,
		isLongTermCopy: false,
		isRetrieved: false,
		_links: {
			self: ctx.link(`/RestorePoints/${rp.id}`),
			organization: ctx.link(`/Organizations/${rp.organizationId}`),
		},
	};
	if (ctx.version >= 7) out.isCopy = false;
	return out;
}

function session(ctx, s) {
	const out = {
		id: s.id,
		name: s.name,
		organization: s.organizationName,
		type: s.type,
		creationTime: s.creationTime,
		endTime: s.endTime,
		state: s.state,
		result: s.result,
		initiatedBy: s.initiatedBy,
		details: s.details,
		scopeName: '',
		clientHost: s.clientHost,
		reason: '',
	};
	if (ctx.version >= 8) out.eTag = s.eTag;
	out._links = {
		self: ctx.link(`/RestoreSessions/${s.id}`),
		organization: ctx.link(`/RestoreSessions/${s.id}/Organization`),
		restoreSessionEvents: ctx.link(`/RestoreSessions/${s.id}/Events`),
	};
	return out;
}

function event(ctx, s, e) {
	const out = {
		itemName: e.itemName,
		itemType: e.itemType,
		itemSizeBytes: e.itemSizeBytes,
		source: e.source,
		target: e.target,
		id: e.id,
		type: e.type,
		status: e.status,
		startTime: e.startTime,
		endTime: e.endTime,
		duration: e.duration,
		title: e.title,
		message: e.message,
		order: e.order,
	};
	if (ctx.version >= 8) {
		out.organizationId = s.organizationId;
		out.siteId = e.siteId;
	}
	out._links = { self: ctx.link(`/RestoreSessions/${s.id}/Events/${e.id}`) };
	return out;
}

function backupOrganization(ctx, s, org) {
	return {
		id: org.id,
		name: org.name,
		type: 'Office365',
		_links: {
			self: ctx.link(`/RestoreSessions/${s.id}/Organization`),
			sites: ctx.link(`${spBase(ctx, s)}/Sites`),
		},
	};
}

function site(ctx, s, x) {
	return {
		id: x.id,
		name: x.name,
		url: x.url,
		_links: {
			self: ctx.link(`${spBase(ctx, s)}/Sites/${x.id}`),
			lists: ctx.link(`${spBase(ctx, s)}/Sites/${x.id}/Lists`),
			items: ctx.link(`${spBase(ctx, s)}/Sites/${x.id}/Items`),
		},
	};
}

function list(ctx, s, x) {
	const out = { id: x.id, name: x.name, url: x.url, creationTime: x.creationTime };
	if (ctx.version >= 8) out.siteId = x.siteId;
	out._links = { self: ctx.link(`${spBase(ctx, s)}/Sites/${x.siteId}/Lists/${x.id}`) };
	return out;
}

function item(ctx, s, x) {
	const out = {};
	if (ctx.version >= 8) out.siteId = x.siteId;
	Object.assign(out, {
		title: x.title,
		version: x.version,
		versionId: x.versionId,
		id: x.id,
		name: x.name,
		createdBy: x.createdBy,
		creationTime: x.creationTime,
		modifiedBy: x.modifiedBy,
		modificationTime: x.modificationTime,
	});
	if (ctx.version >= 7) out.isFolder = x.isFolder;
	const self = `${spBase(ctx, s)}/Sites/${x.siteId}/Items/${x.id}`;
	out._links = { self: ctx.link(self) };
	if (!x.isFolder) out._links.attachments = ctx.link(`${self}/Attachments`);
	if (x.parentId)
		out._links.parent = ctx.link(`${spBase(ctx, s)}/Sites/${x.siteId}/Items/${x.parentId}`);
	return out;
}

function attachment(ctx, s, a) {
	const out = {};
	if (ctx.version <= 2) out.size = a.sizeBytes;
	else out.sizeBytes = a.sizeBytes;
	out.id = a.id;
	out.name = a.name;
	out.url = a.url;
	if (ctx.version >= 8) {
		out.siteId = a.siteId;
		out.itemId = a.itemId;
	}
	out._links = {
		self: ctx.link(`${spBase(ctx, s)}/Sites/${a.siteId}/Items/${a.itemId}/Attachments/${a.id}`),
	};
	return out;
}

function emailSettings(ctx, e) {
	const out = {
		enableNotification: e.enableNotification,
		server: e.server,
		port: e.port,
		from: e.from,
		useAuthentication: e.useAuthentication,
		useSSL: e.useSSL,
		username: e.username,
	};
	if (ctx.version >= 8) {
		Object.assign(out, {
			authenticationType: e.authenticationType || 'CustomSmtp',
			clientId: e.clientId || '',
			tenantId: e.tenantId || '',
			userId: e.userId || '',
			mailApiUrl: e.mailApiUrl ?? null,
			isAuthenticated: e.isAuthenticated ?? null,
		});
	}
	out._links = { self: ctx.link('/VespEmailSettings') };
	out._actions = {
		sendTestEmail: { uri: ctx.href('/VespEmailSettings/SendTestEmail'), method: 'Post' },
	};
	return out;
}

module.exports = {
	organization,
	restorePoint,
	session,
	event,
	backupOrganization,
	site,
	list,
	item,
	attachment,
	emailSettings,
};
