'use strict';
// Outlook message (.msg) files: an OLE compound file (written with the `cfb` package) holding
// the MAPI properties of a mail as `__substg1.0_*` streams and a `__properties_version1.0` table
// ([MS-OXMSG]). Only what a reader needs for subject, sender, recipients, body and dates.
const CFB = require('cfb');

const UNICODE = 0x001f;
const SYSTIME = 0x0040;
const LONG = 0x0003;
const READABLE_WRITABLE = 0x00000006;

// Property tags (id << 16 | type).
const STRING_PROPS = {
	messageClass: 0x001a,
	subject: 0x0037,
	senderName: 0x0c1a,
	senderEmail: 0x0c1f,
	senderAddressType: 0x0c1e,
	displayTo: 0x0e04,
	body: 0x1000,
	internetMessageId: 0x1035,
};
const TIME_PROPS = { clientSubmitTime: 0x0039, deliveryTime: 0x0e06 };
const MESSAGE_FLAGS = 0x0e07;

const hex = (n) => n.toString(16).toUpperCase().padStart(8, '0');

/** 100-ns intervals since 1601-01-01 (FILETIME), as a little-endian 8-byte value. */
function fileTime(iso) {
	const ms = BigInt(Date.parse(iso)) + 11644473600000n;
	const buf = Buffer.alloc(8);
	buf.writeBigUInt64LE(ms * 10000n);
	return buf;
}

function propertyEntry(tag, value8) {
	const entry = Buffer.alloc(16);
	entry.writeUInt32LE(tag >>> 0, 0);
	entry.writeUInt32LE(READABLE_WRITABLE, 4);
	value8.copy(entry, 8);
	return entry;
}

/**
 * @param {{subject: string, from: string, fromName?: string, to: string, body: string,
 *   received: string, sent?: string, internetMessageId?: string}} mail
 * @returns {Buffer} the .msg file
 */
function buildMsg(mail) {
	const cfb = CFB.utils.cfb_new();
	const entries = [];
	const strings = {
		messageClass: 'IPM.Note',
		subject: mail.subject,
		senderName: mail.fromName || mail.from,
		senderEmail: mail.from,
		senderAddressType: 'SMTP',
		displayTo: mail.to,
		body: mail.body,
		internetMessageId: mail.internetMessageId,
	};
	for (const [name, id] of Object.entries(STRING_PROPS)) {
		const value = strings[name];
		if (value === undefined || value === null) continue;
		const data = Buffer.from(`${value}\0`, 'utf16le');
		const tag = ((id << 16) | UNICODE) >>> 0;
		CFB.utils.cfb_add(cfb, `/__substg1.0_${hex(tag)}`, data);
		const size = Buffer.alloc(8);
		size.writeUInt32LE(data.length, 0);
		entries.push(propertyEntry(tag, size));
	}
	const times = { clientSubmitTime: mail.sent || mail.received, deliveryTime: mail.received };
	for (const [name, id] of Object.entries(TIME_PROPS)) {
		entries.push(propertyEntry(((id << 16) | SYSTIME) >>> 0, fileTime(times[name])));
	}
	const flags = Buffer.alloc(8);
	flags.writeUInt32LE(1, 0); // read
	entries.push(propertyEntry(((MESSAGE_FLAGS << 16) | LONG) >>> 0, flags));
	// Top-level header: 8 reserved, next recipient ID, next attachment ID, counts, 8 reserved.
	const header = Buffer.alloc(32);
	CFB.utils.cfb_add(cfb, '/__properties_version1.0', Buffer.concat([header, ...entries]));
	CFB.utils.cfb_del(cfb, '/\u0001Sh33tJ5'); // the library's placeholder stream
	return Buffer.from(CFB.write(cfb, { type: 'buffer' }));
}

module.exports = { buildMsg };
