import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads "Return All" / "Limit": undefined means every result. */
export function getResultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

/** The "Options" collection of an operation, read once per item. */
export interface OperationOptions {
	retries: number;
	timeoutMs: number;
	checkEmailSettings: boolean;
	maxCompressionRatio: number;
	maxTotalSizeMb: number;
	databaseFileLimitMb: number;
}

function invalidOption(ctx: IExecuteFunctions, itemIndex: number, message: string, fix: string) {
	return new NodeOperationError(ctx.getNode(), `${message} [parameter "Options"]`, {
		itemIndex,
		description: fix,
	});
}

export function getOptions(this: IExecuteFunctions, itemIndex: number): OperationOptions {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const retries = Number(options.retries ?? 2);
	const timeout = Number(options.timeout ?? 300);
	if (!Number.isInteger(retries) || retries < 0 || !(timeout > 0)) {
		throw invalidOption(
			this,
			itemIndex,
			'"Retries on Server Errors" must be a whole number from 0 and "Timeout (Seconds)" a positive number',
			'Correct the values under Options, e.g. 2 retries and 300 seconds.',
		);
	}
	const limit = (name: string, label: string, fallback: number): number => {
		const value = Number(options[name] ?? fallback);
		if (!Number.isFinite(value) || value < 0) {
			throw invalidOption(
				this,
				itemIndex,
				`"${label}" must be a number from 0`,
				`Correct "${label}" under Options (0 turns the check off).`,
			);
		}
		return value;
	};
	return {
		retries,
		timeoutMs: Math.round(timeout * 1000),
		checkEmailSettings: options.checkEmailSettings !== false,
		maxCompressionRatio: limit('maxCompressionRatio', 'Max Compression Ratio', 1000),
		maxTotalSizeMb: limit('maxTotalSizeMb', 'Max Total Size (MB)', 0),
		databaseFileLimitMb: limit('databaseFileLimitMb', 'Database Mode File Limit (MB)', 512),
	};
}

/** The request settings every VB365 call of an item takes from "Options". */
export function getRequestSettings(
	this: IExecuteFunctions,
	itemIndex: number,
): { retries: number; timeoutMs: number } {
	const { retries, timeoutMs } = getOptions.call(this, itemIndex);
	return { retries, timeoutMs };
}

export function getBinaryPropertyName(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	// Names like __proto__ or constructor would clash with JavaScript's own object properties.
	if (name === '' || /[\s.[\]]/.test(name) || name in Object.prototype) {
		throw new NodeOperationError(
			this.getNode(),
			`"${name}" cannot name a binary field [parameter "Put Output File in Field"]`,
			{ itemIndex, description: 'Use letters, digits, "_" or "-", e.g. data or attachment.' },
		);
	}
	return name;
}

/** An optional date parameter: undefined when empty, a clear error when it is not a date. */
export function getOptionalDate(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): Date | undefined {
	const raw = this.getNodeParameter(name, itemIndex, '') as string;
	if (raw === '' || raw === null || raw === undefined) return undefined;
	const date = new Date(raw);
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(this.getNode(), `"${raw}" is not a date [parameter "${label}"]`, {
			itemIndex,
			description: 'Use a date such as 2024-04-30, or leave the field empty.',
		});
	}
	return date;
}
