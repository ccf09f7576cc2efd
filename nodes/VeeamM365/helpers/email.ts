const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** Returns the parts of a ";"- or ","-separated address list that are not plain email addresses. */
export function invalidAddresses(list: string): string[] {
	const parts = list.split(/[;,]/).map((part) => part.trim());
	if (parts.every((part) => part === '')) return [list];
	return parts.filter((part) => part !== '' && !ADDRESS.test(part));
}
