const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/**
 * Why a value is not one plain email address, or undefined when it is. The API takes `to` as a
 * single string; whether a server accepts a list there is undocumented, so lists are refused.
 */
export function addressProblem(value: string): string | undefined {
	const trimmed = value.trim();
	if (trimmed === '') return 'is empty';
	if (/[;,]/.test(trimmed)) return 'holds several addresses; VB365 sends to one recipient';
	if (!ADDRESS.test(trimmed)) return 'is not a valid email address';
	return undefined;
}
