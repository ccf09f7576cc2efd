/** What a document Search asks for; every part is optional. */
export interface DocumentSearch {
	fileName?: string;
	modifiedAfter?: Date;
	modifiedBefore?: Date;
	/** Veeam's own `criteria:value` syntax, added as it is. */
	raw?: string;
}

/** A value as one term: quoted when it holds spaces or other separators (quotes inside dropped). */
function term(criteria: string, value: string): string {
	const clean = value.replace(/"/g, '').trim();
	return /[\s():]/.test(clean) ? `${criteria}:"${clean}"` : `${criteria}:${clean}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Veeam's item query for OneDrive and SharePoint documents (User Guide, Appendix A): `filename`
 * (with * wildcards) and `datemodified` as days (UTC), joined with AND. Empty when nothing is asked.
 */
export function buildDocumentQuery(search: DocumentSearch): string {
	const terms: string[] = [];
	if (search.fileName?.trim()) terms.push(term('filename', search.fileName));
	if (search.modifiedAfter) terms.push(`datemodified:>=${day(search.modifiedAfter)}`);
	if (search.modifiedBefore) terms.push(`datemodified:<=${day(search.modifiedBefore)}`);
	if (search.raw?.trim()) terms.push(search.raw.trim());
	return terms.join(' AND ');
}
