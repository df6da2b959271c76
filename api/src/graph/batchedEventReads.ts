import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';

import type { MailboxLimiter } from './mailboxLimiter';

/**
 * Re-reads many booked events with JSON batching: up to 20 GETs per `$batch` round trip, never two
 * for the same mailbox in one batch (each item counts against that mailbox's 4-concurrent limit,
 * and we also hold a limiter slot for it). Items throttled inside a batch are not retried by the
 * SDK, so we retry them ourselves after their Retry-After.
 */

export interface EventRead {
  key: string;
  organizerId: string;
  eventId: string;
}

export type EventReadResult = { ok: true; event: Event | null } | { ok: false; status: number };

interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const BATCH_LIMIT = 20;
const MAX_ROUNDS = 5;
const RETRYABLE = new Set([429, 503, 504]);

export async function readEventsBatched(
  client: Client,
  limiter: MailboxLimiter,
  reads: EventRead[],
  onRequest: () => void = () => undefined,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<Map<string, EventReadResult>> {
  const results = new Map<string, EventReadResult>();
  let pending = reads;
  for (let round = 1; pending.length > 0; round++) {
    const retry: EventRead[] = [];
    let waitMs = 0;
    for (const batch of intoBatches(pending)) {
      const responses = await sendBatch(client, limiter, batch, onRequest);
      for (const item of batch) {
        const response = responses.get(item.key);
        const status = response?.status ?? 0;
        if (status === 200) results.set(item.key, { ok: true, event: response!.body as Event });
        else if (status === 404) results.set(item.key, { ok: true, event: null });
        else if (RETRYABLE.has(status) && round < MAX_ROUNDS) {
          retry.push(item);
          waitMs = Math.max(waitMs, retryAfterMs(response?.headers, round));
        } else results.set(item.key, { ok: false, status });
      }
    }
    if (retry.length > 0) await sleep(waitMs);
    pending = retry;
  }
  return results;
}

/** At most 20 items, each mailbox at most once, so a batch never throttles itself. */
export function intoBatches(reads: EventRead[]): EventRead[][] {
  const batches: { items: EventRead[]; mailboxes: Set<string> }[] = [];
  for (const read of reads) {
    let batch = batches.find(
      (b) => b.items.length < BATCH_LIMIT && !b.mailboxes.has(read.organizerId),
    );
    if (!batch) {
      batch = { items: [], mailboxes: new Set() };
      batches.push(batch);
    }
    batch.items.push(read);
    batch.mailboxes.add(read.organizerId);
  }
  return batches.map((b) => b.items);
}

async function sendBatch(
  client: Client,
  limiter: MailboxLimiter,
  batch: EventRead[],
  onRequest: () => void,
) {
  const mailboxes = [...new Set(batch.map((r) => r.organizerId))].sort();
  const send = async (): Promise<BatchResponseItem[]> => {
    onRequest();
    const body = (await client.api('/$batch').post({
      requests: batch.map((r, i) => ({
        id: String(i),
        method: 'GET',
        url: `/users/${encodeURIComponent(r.organizerId)}/events/${encodeURIComponent(r.eventId)}`,
        headers: { Prefer: 'outlook.timezone="UTC"' },
      })),
    })) as { responses: BatchResponseItem[] };
    return body.responses;
  };
  // Hold one slot per mailbox, taken in a fixed order so two batches can never wait on each other.
  const withSlots = mailboxes.reduceRight<() => Promise<BatchResponseItem[]>>(
    (inner, mailbox) => () => limiter.run(mailbox, inner),
    send,
  );
  const responses = await withSlots();
  return new Map(responses.map((r) => [batch[Number(r.id)]?.key ?? '', r]));
}

function retryAfterMs(headers: Record<string, string> | undefined, round: number): number {
  const value = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const seconds = value === undefined ? Number.NaN : Number(value);
  // Without Retry-After, back off exponentially as the SDK would: 1 s, 2 s, 4 s…
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 2 ** (round - 1) * 1000;
}
