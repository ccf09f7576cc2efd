import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { VeeamM365Type } from './node.type';
import { runInParallel } from '../helpers/parallel';
import { RestoreSessionScope } from '../restore/sessionScope';
import * as emailSettings from './emailSettings';
import * as mailboxItem from './mailboxItem';
import * as oneDriveDocument from './oneDriveDocument';
import * as restoreSession from './restoreSession';
import * as sharePointDocument from './sharePointDocument';
import * as sharePointItem from './sharePointItem';
import * as sharePointItemAttachment from './sharePointItemAttachment';
import * as sharePointSite from './sharePointSite';
import * as teamsFile from './teamsFile';

export type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	scope: RestoreSessionScope,
) => Promise<INodeExecutionData[]>;

const operations: { [R in keyof VeeamM365Type]: Record<VeeamM365Type[R], ItemOperation> } = {
	emailSettings,
	mailboxItem,
	oneDriveDocument,
	restoreSession,
	sharePointDocument,
	sharePointItem,
	sharePointItemAttachment,
	sharePointSite,
	teamsFile,
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

interface ItemOperation {
	execute: Operation;
	/** Only reads from VB365, so several input items may be worked on at once. */
	runsInParallel?: boolean;
}

/** Default of the "Parallel Items" option, where an operation offers it. */
const DEFAULT_PARALLEL_ITEMS = 4;
const MAX_PARALLEL_ITEMS = 16;

function findOperation(this: IExecuteFunctions, itemIndex: number): ItemOperation {
	const resource = this.getNodeParameter('resource', itemIndex) as keyof VeeamM365Type;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const handler = (operations[resource] as Record<string, ItemOperation> | undefined)?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, {
			itemIndex,
		});
	}
	return handler;
}

function parallelItems(this: IExecuteFunctions, handlers: ItemOperation[]): number {
	if (!handlers.every((handler) => handler.runsInParallel)) return 1;
	const value = this.getNodeParameter('options.parallelItems', 0, DEFAULT_PARALLEL_ITEMS);
	if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_PARALLEL_ITEMS) {
		throw new NodeOperationError(
			this.getNode(),
			`"Parallel Items" must be a whole number from 1 to ${MAX_PARALLEL_ITEMS} [parameter "Options"]`,
			{ description: 'Use 1 to process the input items one after the other.' },
		);
	}
	return value as number;
}

async function processItems(
	this: IExecuteFunctions,
	scope: RestoreSessionScope,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const handlers = items.map((_, itemIndex) => {
		try {
			return findOperation.call(this, itemIndex);
		} catch (error) {
			return { error: error as Error };
		}
	});
	const runnable = handlers.filter((handler): handler is ItemOperation => 'execute' in handler);
	let parallel = 1;
	// A wrong "Parallel Items" fails every item (each becomes an error item with Continue On Fail).
	let settingError: Error | undefined;
	try {
		if (runnable.length === items.length) parallel = parallelItems.call(this, runnable);
	} catch (error) {
		settingError = error as Error;
	}

	const perItem = await runInParallel(items.length, parallel, async (itemIndex) => {
		const handler = handlers[itemIndex];
		try {
			if (settingError) throw settingError;
			if ('error' in handler) throw handler.error;
			const results = await handler.execute.call(this, itemIndex, scope);
			return this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				const item: INodeExecutionData = {
					json: { error: error.message, description: error.description ?? undefined },
					pairedItem: { item: itemIndex },
				};
				// "Continue (using error output)" routes an item by its `error`; n8n does not take a
				// json with more keys than `error` (and `message`) for a failure.
				if (this.getNode().onError === 'continueErrorOutput') {
					item.error =
						error instanceof NodeApiError || error instanceof NodeOperationError
							? error
							: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				}
				return [item];
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	});
	return perItem.flat();
}
