import type { IExecuteFunctions } from 'n8n-workflow';

import type { MailboxTarget } from '../api/exchange';
import { findMailboxByEmail, listFolders } from '../api/exchange';
import { addressProblem } from '../helpers/email';
import { parseList } from '../helpers/attachmentSelection';
import type { Context } from '../transport';
import { locatorId, parameterError, readLocator } from './locators';
import { pointInTimeProblem } from './pointInTime';
import type { RestoreSessionScope, SessionInUse } from './sessionScope';

/** EWS-style IDs (base64 or base64url) as VB365 gives folders and mail items. */
const EXCHANGE_ID = /^[A-Za-z0-9+/_=-]{8,2048}$/;

export type MailboxTargetInSession = MailboxTarget & {
	pointInTime?: string;
	/** The address, when the mailbox was given by it. */
	mailboxEmail?: string;
};

/** The Mailbox parameter: an ID (list or By ID) or an address (By Email) looked up in the session. */
export async function resolveMailbox(
	this: Context,
	session: SessionInUse,
	itemIndex?: number,
): Promise<MailboxTargetInSession> {
	const locator = readLocator.call(this, 'mailboxId', itemIndex);
	const base = { restoreSessionId: session.id, pointInTime: session.pointInTime };
	if (locator.mode !== 'email') {
		return { ...base, mailboxId: locatorId.call(this, 'mailboxId', itemIndex, locator) };
	}
	const email = String(locator.value ?? '').trim();
	const problem = addressProblem(email);
	if (problem) {
		throw parameterError(
			this,
			'mailboxId',
			`The mailbox address "${email}" ${problem}`,
			'Give the address of one mailbox, e.g. anna.meier@contoso.com, or pick the mailbox from the list.',
			itemIndex,
		);
	}
	const mailbox = await findMailboxByEmail.call(this, session.id, email, { itemIndex });
	if (!mailbox) {
		throw (
			(await pointInTimeProblem(this, session, itemIndex)) ??
			parameterError(
				this,
				'mailboxId',
				`No mailbox in the backup has the address ${email}`,
				'Check the address (a shared or archive mailbox has its own), or pick the mailbox from the list. A mailbox added after the restore point is not in it either.',
				itemIndex,
			)
		);
	}
	return { ...base, mailboxId: String(mailbox.id), mailboxEmail: String(mailbox.email ?? email) };
}

/** The Exchange session and mailbox an operation works in, from the node's parameters. */
export async function getMailboxTarget(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
): Promise<MailboxTargetInSession> {
	const session = await scope.sessionFor(itemIndex, 'Vex');
	return await resolveMailbox.call(this, session, itemIndex);
}

function exchangeId(ctx: Context, name: string, value: string, itemIndex?: number): string {
	if (!EXCHANGE_ID.test(value)) {
		const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
		throw parameterError(
			ctx,
			name,
			`"${shown}" is not a VB365 mailbox ${name === 'folderId' ? 'folder' : 'item'} ID`,
			name === 'folderId'
				? 'Pick the folder from the list, or use the "id" a folder listing returns.'
				: 'Use the "id" of a mail item as Search or Get Many return it, e.g. {{ $json.id }}.',
			itemIndex,
		);
	}
	return value;
}

/**
 * The Folder parameter: an ID, a folder name typed by hand ("Deleted Items"), or empty for the
 * whole mailbox when `optional`.
 */
export async function resolveFolderId(
	this: Context,
	target: MailboxTarget,
	itemIndex: number | undefined,
	optional: boolean,
): Promise<string | undefined> {
	const locator = readLocator.call(this, 'folderId', itemIndex);
	const value = String(locator.value ?? '').trim();
	if (value === '') {
		if (optional) return undefined;
		throw parameterError(
			this,
			'folderId',
			'No folder given',
			'Pick a folder such as Inbox or Deleted Items from the list.',
			itemIndex,
		);
	}
	if (locator.mode === 'name') {
		const folders = await listFolders.call(this, target, { itemIndex });
		const folder = folders.find(
			(candidate) => String(candidate.name ?? '').toLowerCase() === value.toLowerCase(),
		);
		if (!folder) {
			const names = folders.map((candidate) => String(candidate.name)).join(', ');
			throw parameterError(
				this,
				'folderId',
				`The mailbox has no folder "${value}"`,
				`Its folders are: ${names}.`,
				itemIndex,
			);
		}
		return String(folder.id);
	}
	return exchangeId(this, 'folderId', value, itemIndex);
}

/** The Item IDs parameter: one ID, several separated by commas or new lines, or an array. */
export function readMailItemIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const ids = [...new Set(parseList(this.getNodeParameter('mailItemIds', itemIndex, '')))];
	if (ids.length === 0) {
		throw parameterError(
			this,
			'mailItemIds',
			'No mail item given',
			'Map the "id" of the items a Search returned, e.g. {{ $json.id }}, or paste IDs separated by commas.',
			itemIndex,
		);
	}
	return ids.map((id) => exchangeId(this, 'mailItemIds', id, itemIndex));
}
