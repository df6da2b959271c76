import { ManagedIdentityCredential, DefaultAzureCredential } from '@azure/identity';
import { QueueServiceClient } from '@azure/storage-queue';

import { ConfigError } from '../config';
import type { QueueConfig } from '../config';

/**
 * Sending work to the queue triggers, through the Storage SDK: Azurite locally, the Function App's
 * storage account in Azure (managed identity, no key). Messages are encoded as the host reads them
 * (host.json `messageEncoding`, base64 by default; tests/api/store/workQueue.test.ts holds the two
 * together).
 */

export const MESSAGE_ENCODING: 'base64' | 'none' = 'base64';

export interface WorkQueue {
  /** Sends one message; `delayMs` keeps it invisible that long first (a deferred item). */
  send(queueName: string, message: unknown, options?: { delayMs?: number }): Promise<void>;
}

/** Encodes a message as the trigger reads it (host.json `messageEncoding`). */
export function encodeQueueMessage(message: unknown, encoding = MESSAGE_ENCODING): string {
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  return encoding === 'base64' ? Buffer.from(text, 'utf8').toString('base64') : text;
}

export function queueServiceFor(config: QueueConfig): QueueServiceClient {
  if (config.kind === 'connection-string')
    return QueueServiceClient.fromConnectionString(config.connectionString);
  const credential = config.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
    : new DefaultAzureCredential();
  return new QueueServiceClient(config.serviceUri, credential);
}

export function createWorkQueue(config: QueueConfig | null): WorkQueue {
  if (config === null)
    return {
      send: () =>
        Promise.reject(
          new ConfigError(
            'No work queue is configured: set AzureWebJobsStorage__queueServiceUri (or AzureWebJobsStorage)',
            ['AzureWebJobsStorage__queueServiceUri'],
          ),
        ),
    };
  const service = queueServiceFor(config);
  const created = new Map<string, Promise<unknown>>();
  return {
    async send(queueName, message, options = {}) {
      const queue = service.getQueueClient(queueName);
      // Bicep declares the queues in Azure; locally the first send makes sure it exists.
      if (!created.has(queueName))
        created.set(
          queueName,
          queue.createIfNotExists().catch((error: unknown) => {
            created.delete(queueName);
            throw error;
          }),
        );
      await created.get(queueName);
      await queue.sendMessage(encodeQueueMessage(message), {
        visibilityTimeout: options.delayMs ? Math.ceil(options.delayMs / 1000) : undefined,
      });
    },
  };
}
