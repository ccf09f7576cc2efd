import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { VeeamM365Type } from './node.type';
import { RestoreSessionScope } from './restoreScope';
import * as emailSettings from './emailSettings';
import * as restoreSession from './restoreSession';
import * as sharePointItem from './sharePointItem';
import * as sharePointItemAttachment from './sharePointItemAttachment';
import * as sharePointSite from './sharePointSite';

export type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
) => Promise<INodeExecutionData[]>;

const operations: { [R in keyof VeeamM365Type]: Record<VeeamM365Type[R], { execute: Operation }> } =
	{
		emailSettings,
		restoreSession,
		sharePointItem,
		sharePointItemAttachment,
		sharePointSite,
	};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const scope = new RestoreSessionScope(this);
	// Sessions this node started are stopped whatever happened to the items.
	const outcome = await processItems.call(this, scope).then(
		(data) => ({ data, error: undefined }),
		(error: unknown) => ({ data: [], error }),
	);
	const notStopped = await scope.stopAll();
	if (outcome.error !== undefined) throw outcome.error;
	if (notStopped.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not stop the restore session${notStopped.length > 1 ? 's' : ''} ${notStopped.join(', ')} that this node started`,
			{
				description:
					'Stop it in the VB365 console (Restore sessions) so it does not keep the backup mounted.',
			},
		);
	}
	return [outcome.data];
}

async function processItems(
	this: IExecuteFunctions,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as keyof VeeamM365Type;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = (operations[resource] as Record<string, { execute: Operation }> | undefined)?.[
			operation
		];
		try {
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported`,
					{
						itemIndex,
					},
				);
			}
			const results = await handler.execute.call(this, itemIndex, scope);
			returnData.push(
				...this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: error.message, description: error.description ?? undefined },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return returnData;
}
