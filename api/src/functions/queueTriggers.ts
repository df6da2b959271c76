import type { QueueTriggerDefinition } from './queueTrigger';

/**
 * Every queue-triggered function, in one place: Azure registers them with `app.storageQueue`
 * (index.ts), the local host runs them against Azurite (local/queueTriggerHost.ts).
 */
export const queueTriggers: QueueTriggerDefinition[] = [];
