import type { QueueTriggerDefinition } from './queueTrigger';

/**
 * Every queue-triggered function, in one place: Azure registers them with `app.storageQueue`
 * (index.ts), the local host runs them against Azurite (local/queueTriggerHost.ts).
 */
export const queueTriggers: QueueTriggerDefinition[] = [];

/**
 * The queues triggers read. infra/azure.bicep declares each with its `<name>-poison` queue on the
 * Function App's storage account (tests/infra/bicep.test.ts holds the two together), so the poison
 * queue exists for the admin to look at before anything has failed.
 */
export const WORK_QUEUES: readonly string[] = ['schedule-work'];
