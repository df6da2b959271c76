import type { ConversationRecord } from '../../../../api/src/domain/conversations/records';
import { startQueueWorker } from '../../../../api/src/local/queueWorker';
import type { Services } from '../../../../api/src/services';

/**
 * A queue worker in a process of its own, on the parent test's stack: the app's queue triggers
 * against its Cosmos DB (COSMOS_ENDPOINT), Graph simulator (DEV_PORT) and Azurite (QUEUE_PORT),
 * one message at a time, each hidden for LEASE_MS. With DIE_BEFORE_SCHEDULED it kills itself with
 * SIGKILL at its first booking whose invite Graph has just created but whose record does not yet
 * say so (saying `dying <record pk>` first): the worst moment for a worker to die.
 */
async function main(): Promise<void> {
  const env = process.env;
  const now = new Date(env.CLOCK_NOW ?? Date.now());
  await startQueueWorker({
    // COSMOS_ENDPOINT in env names the stack's Cosmos server.
    ports: { api: 0, tab: 0, cosmos: 0, dev: Number(env.DEV_PORT), queues: Number(env.QUEUE_PORT) },
    tenants: [],
    env,
    hostSettings: { batchSize: 1, newBatchThreshold: 0 },
    leaseMs: Number(env.LEASE_MS),
    adapt: (services) => {
      services.now = () => now;
      if (env.DIE_BEFORE_SCHEDULED) dieBeforeScheduled(services);
    },
  });
  process.stdout.write('ready\n');
}

function dieBeforeScheduled(services: Services): void {
  const c = services.conversations;
  const dieIfScheduled = (record: ConversationRecord) => {
    if (record.status !== 'scheduled') return;
    process.stdout.write(`dying ${record.pk}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  services.conversations = {
    ...c,
    replace: (record, etag) => (dieIfScheduled(record), c.replace(record, etag)),
    replaceIfCurrent: (record, etag) => (dieIfScheduled(record), c.replaceIfCurrent(record, etag)),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
