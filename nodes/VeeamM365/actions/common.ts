import type { IExecuteFunctions } from 'n8n-workflow';

/** Reads "Return All" / "Limit": undefined means every result. */
export function getResultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}
