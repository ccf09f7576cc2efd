export interface ItemUrl {
	/** Site URL, e.g. https://contoso.sharepoint.com/sites/Contracts */
	siteUrl: string;
	/** The list's URL segment after /Lists/. */
	listSegment: string;
	/** SharePoint's item number (the ID=… of DispForm.aspx). */
	itemNumber: number;
}

function parse(text: string): URL | undefined {
	try {
		return new URL(text.trim());
	} catch {
		return undefined;
	}
}

/** Compares SharePoint URLs the way SharePoint does: scheme, host and path, without case or a trailing slash. */
export function sameSharePointUrl(a: string, b: string): boolean {
	const left = parse(a);
	const right = parse(b);
	if (!left || !right) return false;
	const key = (url: URL) =>
		`${url.host}${decodeURIComponent(url.pathname).replace(/\/+$/, '')}`.toLowerCase();
	return key(left) === key(right);
}

/** The site part of a SharePoint URL: everything before /Lists/, /Shared Documents/ or /_layouts/. */
export function siteUrlOf(text: string): string | undefined {
	const url = parse(text);
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	const path = decodeURIComponent(url.pathname);
	const cut = path.search(/\/(Lists|Shared Documents|_layouts|SitePages|Forms)(\/|$)/i);
	const sitePath = (cut === -1 ? path : path.slice(0, cut)).replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${sitePath}`;
}

/** Reads `…/sites/X/Lists/Y/DispForm.aspx?ID=42` (also EditForm, and `?ID=` in any case). */
export function parseItemUrl(text: string): ItemUrl | undefined {
	const url = parse(text);
	if (!url) return undefined;
	const path = decodeURIComponent(url.pathname);
	const match = /^(.*?)\/Lists\/([^/]+)\//i.exec(path);
	let id: string | null = null;
	url.searchParams.forEach((value, key) => {
		if (key.toLowerCase() === 'id') id = value;
	});
	const itemNumber = Number(id);
	if (!match || !Number.isInteger(itemNumber) || itemNumber <= 0) return undefined;
	return {
		siteUrl: `${url.protocol}//${url.host}${match[1]}`,
		listSegment: match[2],
		itemNumber,
	};
}

/** VB365 names a list item `<number>_.000`; the number is SharePoint's item ID. */
export function itemNumberOf(name: unknown): number | undefined {
	const match = /^(\d+)_\./.exec(String(name ?? ''));
	return match ? Number(match[1]) : undefined;
}

/**
 * A document, folder or library address as users copy it: the host and the decoded path
 * segments. Query strings (`?web=1`, `?csf=1&e=…`) are dropped; a library view
 * (`…/Forms/AllItems.aspx?id=/sites/X/Shared Documents/NDA`) gives the folder in its `id`; a
 * sharing link of the form `/:w:/r/<path>` gives its path. Other sharing links (`/:w:/s/…`)
 * carry a token, not a path: undefined.
 */
export function documentPathOf(text: string): { host: string; segments: string[] } | undefined {
	const url = parse(text);
	if (!url || !/^https?:$/.test(url.protocol)) return undefined;
	let path = url.pathname;
	const sharing = /^\/:[a-z]+:\/r(\/.*)$/i.exec(path);
	if (sharing) path = sharing[1];
	else if (/^\/:[a-z]+:\//i.test(path)) return undefined;
	try {
		let segments = path.split('/').filter(Boolean).map(decodeURIComponent);
		const forms = segments.findIndex((segment) => segment.toLowerCase() === 'forms');
		if (forms !== -1 && /\.aspx$/i.test(segments[segments.length - 1] ?? '')) {
			let id: string | null = null;
			url.searchParams.forEach((value, key) => {
				if (key.toLowerCase() === 'id') id = value;
			});
			segments = id === null ? segments.slice(0, forms) : String(id).split('/').filter(Boolean);
		}
		return { host: url.host.toLowerCase(), segments };
	} catch {
		return undefined;
	}
}

/** Whether `prefix` (decoded segments) starts `segments`, compared without case. */
export function startsWithSegments(segments: string[], prefix: string[]): boolean {
	return (
		prefix.length <= segments.length &&
		prefix.every((segment, index) => segment.toLowerCase() === segments[index].toLowerCase())
	);
}
