'use strict';
// Mutable server state (restore sessions, their events, VESP email settings, the outbox),
// rebuilt from the fixture by reset().
const crypto = require('node:crypto');

class SimState {
	constructor(fixture, { emailSettings = 'configured' } = {}) {
		this.fixture = fixture;
		this.initialEmail = emailSettings;
		this.outbox = [];
		this.reset();
	}

	reset() {
		this.sessions = new Map();
		this.searchSets = new Map();
		this.outbox.length = 0;
		for (const s of this.fixture.restoreSessions) {
			const org = this.fixture.byId(s.organizationId);
			this.addSession({
				id: s.id,
				organizationId: org.id,
				organizationName: org.name,
				type: s.type,
				pointInTime: s.pointInTime,
				creationTime: s.creationTime,
				initiatedBy: s.initiatedBy,
				clientHost: s.clientHost,
				showDeleted: false,
				showAllVersions: false,
			});
		}
		this.setEmailSettings(this.initialEmail);
	}

	setEmailSettings(value) {
		const presets = this.fixture.emailSettings;
		let base;
		if (value === true || value === 'configured') base = presets.configured;
		else if (value === false || value === 'unconfigured') base = presets.unconfigured;
		else if (value && typeof value === 'object') base = { ...presets.unconfigured, ...value };
		else
			throw new Error(`emailSettings must be 'configured', 'unconfigured', a boolean or an object`);
		this.email = {
			...base,
			authenticationType: 'CustomSmtp',
			userPassword: base.userPassword || '',
		};
		// Veeam Explorer for Exchange has its own settings (/VexEmailSettings); one option sets both.
		this.vexEmail = { ...this.email };
		// Likewise Veeam Explorer for OneDrive (/VeodEmailSettings).
		this.veodEmail = { ...this.email };
		// And Veeam Explorer for Microsoft Teams (/VetEmailSettings).
		this.vetEmail = { ...this.email };
	}

	vetEmailConfigured() {
		const e = this.vetEmail;
		return Boolean(e.enableNotification && e.server && e.from);
	}

	veodEmailConfigured() {
		const e = this.veodEmail;
		return Boolean(e.enableNotification && e.server && e.from);
	}

	vexEmailConfigured() {
		const e = this.vexEmail;
		return Boolean(e.enableNotification && e.server && e.from);
	}

	emailConfigured() {
		const e = this.email;
		return Boolean(e.enableNotification && e.server && e.from);
	}

	addSession(fields) {
		const org = this.fixture.byId(fields.organizationId);
		const firstBackup = org.firstBackupTime;
		const session = {
			name: `${fields.type} restore session for ${fields.organizationName}`,
			endTime: null,
			state: 'Working',
			result: 'Success',
			details: '',
			eTag: 1,
			repositoryId: null,
			...fields,
			// A point in time before the first backup yields an empty session.
			empty: fields.pointInTime != null && Date.parse(fields.pointInTime) < Date.parse(firstBackup),
			events: [],
		};
		this.sessions.set(session.id.toLowerCase(), session);
		return session;
	}

	createSession(fields) {
		return this.addSession({
			id: crypto.randomUUID(),
			creationTime: new Date().toISOString(),
			...fields,
		});
	}

	session(id) {
		return id == null ? undefined : this.sessions.get(String(id).toLowerCase());
	}

	stopSession(session) {
		session.state = 'Stopped';
		session.endTime = new Date().toISOString();
		session.eTag += 1;
	}

	addEvent(session, fields) {
		const now = new Date().toISOString();
		const e = {
			id: crypto.randomUUID(),
			status: 'Success',
			startTime: now,
			endTime: now,
			duration: '00:00:00',
			order: session.events.length + 1,
			...fields,
		};
		session.events.push(e);
		session.eTag += 1;
		return e;
	}
}

module.exports = { SimState };
