import type { InvocationContext, StorageQueueHandler } from '@azure/functions';

import { describeError } from '../logging/logSafety';
import type { Services } from '../services';

/**
 * A queue-triggered function, registered like the v4 model's `app.storageQueue` (index.ts in
 * Azure, local/queueTriggerHost.ts locally). The host owns delivery: a run that throws is
 * retried, and after `maxDequeueCount` deliveries (api/host.json) the message moves to
 * `<queueName>-poison`. A run may therefore see one message more than once, also after a worker
 * died mid-item: it must be idempotent.
 */
export interface QueueTriggerDefinition {
  /** The Azure Function name. */
  name: string;
  /** Lowercase letters, digits and single hyphens, 3 to 63 characters (Storage's queue names). */
  queueName: string;
  run: (input: {
    services: Services;
    context: InvocationContext;
    /** The message: parsed JSON when it is JSON, else its text (as the Node.js worker passes it). */
    message: unknown;
    /** 1 on the first delivery; rises with every retry and redelivery. */
    dequeueCount: number;
  }) => Promise<void>;
}

/** Where the host moves a message after `maxDequeueCount` failed deliveries. */
export function poisonQueueName(queueName: string): string {
  return `${queueName}-poison`;
}

/** The storage account connection both hosts use: the Functions host's own (AzureWebJobsStorage). */
export const QUEUE_CONNECTION = 'AzureWebJobsStorage';

/**
 * Wraps a definition into an `app.storageQueue` handler. A failure is logged by kind, code and
 * invocation id and rethrown carrying only those (as toTimerHandler does), so the host retries the
 * message without ever logging an error message that could quote board content.
 */
export function toQueueHandler(
  definition: QueueTriggerDefinition,
  getServices: () => Promise<Services>,
): StorageQueueHandler {
  return async (message: unknown, context: InvocationContext): Promise<void> => {
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    try {
      const services = await getServices();
      await definition.run({ services, context, message, dequeueCount });
    } catch (error) {
      const failure = `${definition.name} failed: ${describeError(error)} (invocation ${context.invocationId}, delivery ${dequeueCount})`;
      context.error(failure);
      // No `cause`: the host would log the original error, message and all.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(failure);
    }
  };
}
