/** What the Search operation's fields ask for; every part is optional. */
export interface MailSearch {
	subject?: string;
	from?: string;
	receivedAfter?: Date;
	receivedBefore?: Date;
	hasAttachments?: boolean;
	/** Veeam's own `criteria:value` syntax, added as it is. */
	raw?: string;
}

/** A value as one term: quoted when it holds spaces or quotes (quotes inside are dropped). */
function term(criteria: string, value: string): string {
	const clean = value.replace(/"/g, '').trim();
	return /[\s():]/.test(clean) ? `${criteria}:"${clean}"` : `${criteria}:${clean}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Veeam's item query (User Guide, Appendix A): `criteria:value` terms joined with AND, dates as
 * days (UTC). Empty when nothing is asked for.
 */
export function buildMailQuery(search: MailSearch): string {
	const terms: string[] = [];
	if (search.subject?.trim()) terms.push(term('subject', search.subject));
	if (search.from?.trim()) terms.push(term('from', search.from));
	if (search.receivedAfter) terms.push(`received:>=${day(search.receivedAfter)}`);
	if (search.receivedBefore) terms.push(`received:<=${day(search.receivedBefore)}`);
	if (search.hasAttachments !== undefined)
		terms.push(`hasattachments:${search.hasAttachments ? 'yes' : 'no'}`);
	if (search.raw?.trim()) terms.push(search.raw.trim());
	return terms.join(' AND ');
}
