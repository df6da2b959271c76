import { QueueServiceClient } from '@azure/storage-queue';

import { readQueueHostSettings } from '../../../../api/src/local/hostQueueSettings';
import { startQueueTriggerHost } from '../../../../api/src/local/queueTriggerHost';

/**
 * A queue worker in a process of its own, for the test that kills one mid-item: it takes the first
 * message of QUEUE_NAME from the Azurite at CONNECTION_STRING, hidden for LEASE_MS, says
 * `started <dequeueCount>` on stdout and never finishes, so only SIGKILL ends the run.
 */
const service = QueueServiceClient.fromConnectionString(process.env.CONNECTION_STRING ?? '');
void startQueueTriggerHost({
  service,
  settings: { ...readQueueHostSettings(), batchSize: 1, newBatchThreshold: 0 },
  leaseMs: Number(process.env.LEASE_MS),
  functions: [
    {
      name: 'hangingWorker',
      queueName: process.env.QUEUE_NAME ?? '',
      handler: (_message, context) => {
        process.stdout.write(`started ${String(context.triggerMetadata?.dequeueCount)}\n`);
        return new Promise<void>(() => undefined);
      },
    },
  ],
});
