import { parseWorkItem } from '../domain/scheduling/workItems';
import { bookWorkItem, recordPoisonedItem } from '../scheduler/fanOut/bookWorkItem';
import { SCHEDULE_WORK_QUEUE } from '../scheduler/fanOut/workQueues';
import type { QueueTriggerDefinition } from './queueTrigger';
import { poisonQueueName } from './queueTrigger';

/**
 * Every queue-triggered function, in one place: Azure registers them with `app.storageQueue`
 * (index.ts), the local host runs them against Azurite (local/queueTriggerHost.ts).
 */
export const queueTriggers: QueueTriggerDefinition[] = [
  {
    // A fanned-out pass's work item: one manager's pairs (scheduler/fanOut/bookWorkItem.ts).
    name: 'scheduleWork',
    queueName: SCHEDULE_WORK_QUEUE,
    async run({ services, context, message, dequeueCount }) {
      const item = parseWorkItem(message);
      // Nothing of ours wrote it, and no delivery could make it one: dropped, not retried.
      if (!item) return void context.warn('scheduleWork: not a work item; dropped');
      await bookWorkItem(services, item, {
        dequeueCount,
        log: (line) => context.warn(line),
      });
    },
  },
  {
    // The host's poison queue for the work items: what every delivery failed is told, not lost.
    name: 'scheduleWorkPoison',
    queueName: poisonQueueName(SCHEDULE_WORK_QUEUE),
    async run({ services, context, message }) {
      const item = parseWorkItem(message);
      if (!item) return void context.warn('scheduleWorkPoison: not a work item; dropped');
      await recordPoisonedItem(services, item);
    },
  },
];

/**
 * The queues triggers read. infra/azure.bicep declares each with its `<name>-poison` queue on the
 * Function App's storage account (tests/infra/bicep.test.ts holds the two together), so the poison
 * queue exists for the admin to look at before anything has failed.
 */
export const WORK_QUEUES: readonly string[] = [SCHEDULE_WORK_QUEUE];
