import { randomUUID } from 'node:crypto';

import type { JSONObject } from '@azure/cosmos';

import type { AspirationView, BoardView } from '../api/src/contract/boardContract';
import { aspirationInputSchema } from '../api/src/contract/boardContract';
import { createAspiration } from '../api/src/domain/board/aspirationRules';
import type { AspirationRecord } from '../api/src/domain/board/records';
import type { Stack } from '../api/src/local/stack';
import { BENCH_NOW, BENCH_TENANT, bookable } from './org';
import { progress } from './progress';

/**
 * Board content for the API benchmark.
 *
 * Volume: everyone in the org has a board with two aspirations, built by the product's own rule
 * (`createAspiration`) and bulk-written to the boards container. Volume matters locally because
 * the embedded Cosmos server runs every query over the whole container: an empty database would
 * flatter every read. (Bulk, not the API, because seeding 2,000 aspirations through the API takes
 * minutes; these boards are only ballast.)
 *
 * The boards under test are written through the real API, as the people themselves would: the
 * board that is read (six aspirations with steps, evidence, acknowledgements and comments) and
 * the acknowledgements on the measured team.
 */

export interface SeededApi {
  /** Bearer tokens by user id. */
  tokens: Map<string, string>;
  reader: string;
  manager: string;
  /** One aspiration per writer (each on their own board) with its current HTTP ETag. */
  writers: { employeeId: string; aspirationId: string; etag: string }[];
  /** Aspiration documents in the boards container besides the board that is read. */
  ballastAspirations: number;
}

const HORIZONS = ['next', '1y', '3y'] as const;
const BULK_CHUNK = 100;

export async function seedApi(
  stack: Stack,
  managerId: string,
  writersNeeded: number,
  options: { ballastCopies: number },
): Promise<SeededApi> {
  const users = stack.orgStore.listUsers(BENCH_TENANT.tenantId).filter(bookable);
  const tokens = new Map<string, string>();
  for (const user of users) tokens.set(user.id, await stack.issuer.mintUserToken(user));
  const call = apiCaller(stack.urls.api, tokens);

  const team = users.filter((u) => u.managerId === managerId);
  const reader = team[0].id;
  const writers = users
    .filter((u) => u.managerId !== null && u.managerId !== managerId && u.id !== managerId)
    .slice(0, writersNeeded);
  // Without ballast, only the boards the benchmark touches get content.
  const withBoards =
    options.ballastCopies > 0
      ? users.filter((u) => u.id !== reader && u.managerId !== null)
      : [...team.filter((u) => u.id !== reader), ...writers];
  // Copies past the first belong to other tenants sharing the container, as in production: the
  // measured tenant's own data stays the same, only what else the container holds grows.
  const tenants = [
    BENCH_TENANT.tenantId,
    ...Array.from({ length: Math.max(0, options.ballastCopies - 1) }, (_, i) => `ballast-${i + 1}`),
  ];
  const records = tenants.flatMap((tenantId) =>
    withBoards.flatMap((person) => ballastFor(tenantId, person.id)),
  );
  progress(`api: bulk-writing ${records.length} aspirations`);
  await bulkCreate(stack, records);

  progress('api: writing the measured boards through the API');
  for (let i = 0; i < 6; i++) {
    const created = await call<AspirationView>('POST', `/boards/${reader}/aspirations`, {
      as: reader,
      body: {
        kind: (['title', 'project', 'account', 'skill', 'other', 'title'] as const)[i],
        horizon: HORIZONS[i % 3],
        title: `Aspiration ${i + 1}: lead the next platform migration`,
        details: 'What I want, why it matters to me, and what I am doing about it. '.repeat(5),
        targetDate: '2027-12-31',
        steps: [{ text: 'Write the proposal' }, { text: 'Find a sponsor' }],
      },
    });
    const withEvidence = await call<AspirationView>(
      'POST',
      `/boards/${reader}/aspirations/${created.id}/evidence`,
      {
        as: reader,
        body: { text: 'Presented the plan at the team meeting', date: '2026-12-01' },
      },
    );
    if (i % 2 === 0) {
      await call('POST', `/boards/${reader}/aspirations/${created.id}/acknowledgement`, {
        as: managerId,
        body: { note: 'Happy to sponsor this; let us find a stretch project.' },
        ifMatch: withEvidence.etag,
      });
      await call('POST', `/boards/${reader}/aspirations/${created.id}/comments`, {
        as: managerId,
        body: { text: 'Talk to the platform lead about the Q2 migration.' },
      });
    }
  }
  // Half the team's aspirations acknowledged, so the team view computes both states.
  // The manager acknowledges what they see, with the ETag of what they saw.
  for (const [index, person] of team.entries()) {
    if (index % 2 !== 0 || person.id === reader) continue;
    const board = await call<BoardView>('GET', `/boards/${person.id}`, { as: managerId });
    const aspiration = board.aspirations.find((a) => a.horizon === 'next');
    if (aspiration)
      await call('POST', `/boards/${person.id}/aspirations/${aspiration.id}/acknowledgement`, {
        as: managerId,
        body: {},
        ifMatch: aspiration.etag,
      });
  }

  // The ETag each writer starts from, as the API hands it out.
  const writerTargets: SeededApi['writers'] = [];
  for (const writer of writers) {
    const board = await call<BoardView>('GET', `/boards/${writer.id}`, { as: writer.id });
    const aspiration = board.aspirations[0];
    writerTargets.push({
      employeeId: writer.id,
      aspirationId: aspiration.id,
      etag: aspiration.etag,
    });
  }
  return {
    tokens,
    reader,
    manager: managerId,
    writers: writerTargets,
    ballastAspirations: records.length,
  };
}

function ballastFor(tenantId: string, employeeId: string): AspirationRecord[] {
  const owner = { tenantId, employeeId };
  const ids = { next: () => randomUUID() };
  const now = BENCH_NOW.toISOString();
  const first = createAspiration(
    aspirationInputSchema.parse({
      kind: 'title',
      horizon: 'next',
      title: 'Senior role in my area',
      details: 'Lead a visible piece of work and present it to the wider group.',
      steps: [{ text: 'Agree a first step with my manager' }],
    }),
    owner,
    [],
    ids,
    now,
  );
  const second = createAspiration(
    aspirationInputSchema.parse({ kind: 'skill', horizon: '1y', title: 'Public speaking' }),
    owner,
    [first],
    ids,
    now,
  );
  return [first, second];
}

async function bulkCreate(stack: Stack, records: AspirationRecord[]): Promise<void> {
  const boards = stack.services.cosmos.containers.boards;
  for (let i = 0; i < records.length; i += BULK_CHUNK) {
    const results = await boards.items.bulk(
      records.slice(i, i + BULK_CHUNK).map((r) => ({
        operationType: 'Create' as const,
        partitionKey: r.pk,
        // Records are plain JSON; the SDK's JSONObject type cannot see that through the interface.
        resourceBody: { ...r } as unknown as JSONObject,
      })),
    );
    const failed = results.find((r) => r.statusCode >= 400);
    if (failed) throw new Error(`Seeding failed: Cosmos answered ${failed.statusCode}`);
  }
}

interface CallOptions {
  as: string;
  body?: unknown;
  ifMatch?: string;
}

type Caller = <T = unknown>(method: string, path: string, options: CallOptions) => Promise<T>;

/** A fetch that signs in as a person and insists on success: seeding must not half-work. */
export function apiCaller(apiUrl: string, tokens: Map<string, string>): Caller {
  return async <T>(method: string, path: string, options: CallOptions) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${tokens.get(options.as)}`,
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(options.ifMatch === undefined ? {} : { 'If-Match': options.ifMatch }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
