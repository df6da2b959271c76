/**
 * The queue a fanned-out pass sends its work items to. The queue-triggered functions that read it
 * (and its poison queue) are in functions/queueTriggers.ts; infra/azure.bicep declares both queues.
 */
export const SCHEDULE_WORK_QUEUE = 'schedule-work';
