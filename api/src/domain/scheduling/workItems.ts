import { z } from 'zod';

import type { ConversationReason } from '../conversations/records';
import type { DirectoryPerson } from '../orgChart/directoryPerson';

/**
 * A scheduling pass fanned out on a queue: the pass syncs the org chart and plans, then each work
 * item books one manager's pairs, on whichever Function instance takes it. Why one manager per
 * item: every calendar request of a manager's pairs goes to the manager's own mailbox
 * (getSchedule, the event, its follow-up), and Outlook's limits are per mailbox, so an item is
 * the unit those limits are kept in; and a manager's slots are chosen together, so two of their
 * conversations never take one time. Batches of managers would make items share nothing but a
 * queue message, and make one slow mailbox hold the others back.
 *
 * A manager with more reports than fit in one message gets several items (`part`), which run one
 * after another under the same mailbox lease.
 */

export interface WorkPair {
  employee: DirectoryPerson;
  reason: ConversationReason;
}

export interface ScheduleWorkItem {
  kind: 'book-manager';
  /** Which pass planned it: its results are counted there, and a second delivery finds its own. */
  runId: string;
  tenantId: string;
  /** Unique in the run: the manager's id, with `#part` when the manager's pairs were split. */
  itemId: string;
  /** The pass's calendar now: which quarter and which booking windows. */
  now: string;
  manager: DirectoryPerson;
  pairs: WorkPair[];
  /**
   * Reports of this manager who manage people themselves. Their time is booked by this item (as
   * attendees) and by their own items (as organisers): the item holds their mailbox leases too,
   * so the two never choose slots for one person at once.
   */
  alsoLocks: string[];
  /**
   * The reports of those managing reports: the conversations they organise live in these people's
   * partitions, so the item reads them there (a routed read) rather than across the container.
   */
  alsoReadsOf: string[];
  /** Display names of people the agenda may name besides the pair (earlier managers). */
  names: Record<string, string>;
  /** Times it was put back because another item held one of its mailboxes (absent: never). */
  deferrals?: number;
}

/** Storage queue messages are at most 64 KB; base64 makes 4 bytes of every 3. */
export const MAX_ITEM_JSON_BYTES = 45_000;

export interface PlannedPair {
  employee: DirectoryPerson;
  manager: DirectoryPerson;
  reason: ConversationReason;
}

/**
 * One item per manager (split by size). A manager's item locks the reports who manage people, so
 * it contends only with its own manager's item and its managing reports' items: never with an item
 * at its own depth, nor two or more levels away. Items go out by the parity of their depth (even
 * depths, top down, then odd ones), so the items in flight together are mostly ones that cannot
 * contend, and an item rarely waits for another.
 */
export function planWorkItems(input: {
  runId: string;
  tenantId: string;
  now: Date;
  pairs: readonly PlannedPair[];
  nameOf: (personId: string) => string | undefined;
}): ScheduleWorkItem[] {
  const byManager = new Map<string, PlannedPair[]>();
  for (const pair of input.pairs)
    byManager.set(pair.manager.id, [...(byManager.get(pair.manager.id) ?? []), pair]);
  const managing = new Set(byManager.keys());
  const depth = depthsOf(input.pairs);
  const d = (id: string) => depth.get(id) ?? 0;
  const managers = [...byManager.keys()].sort(
    (a, b) => (d(a) % 2) - (d(b) % 2) || d(a) - d(b) || a.localeCompare(b),
  );

  const itemFor = (chunk: PlannedPair[], itemId: string): ScheduleWorkItem => {
    const alsoLocks = chunk
      .map((p) => p.employee.id)
      .filter((id) => managing.has(id))
      .sort();
    const names: Record<string, string> = {};
    for (const p of chunk) {
      const earlier = p.employee.previousManagerId;
      const name = earlier ? input.nameOf(earlier) : undefined;
      if (earlier && name !== undefined) names[earlier] = name;
    }
    return {
      kind: 'book-manager',
      runId: input.runId,
      tenantId: input.tenantId,
      itemId,
      now: input.now.toISOString(),
      manager: chunk[0].manager,
      pairs: chunk.map((p) => ({ employee: p.employee, reason: p.reason })),
      alsoLocks,
      alsoReadsOf: alsoLocks.flatMap((id) => byManager.get(id)!.map((p) => p.employee.id)),
      names,
    };
  };

  const items: ScheduleWorkItem[] = [];
  for (const managerId of managers) {
    const parts = splitBySize(byManager.get(managerId)!, (chunk) => itemFor(chunk, managerId));
    parts.forEach((chunk, index) =>
      items.push(itemFor(chunk, parts.length === 1 ? managerId : `${managerId}#${index + 1}`)),
    );
  }
  return items;
}

/** Halves a manager's pairs until each part's message fits. */
function splitBySize(
  pairs: PlannedPair[],
  asItem: (pairs: PlannedPair[]) => ScheduleWorkItem,
): PlannedPair[][] {
  const size = (chunk: PlannedPair[]) => Buffer.byteLength(JSON.stringify(asItem(chunk)));
  if (pairs.length <= 1 || size(pairs) <= MAX_ITEM_JSON_BYTES) return [pairs];
  const half = Math.ceil(pairs.length / 2);
  return [...splitBySize(pairs.slice(0, half), asItem), ...splitBySize(pairs.slice(half), asItem)];
}

/** How far below the top of the planned pairs each manager sits (the top is 0). */
function depthsOf(pairs: readonly PlannedPair[]): Map<string, number> {
  const managerOf = new Map(pairs.map((p) => [p.employee.id, p.manager.id]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const up = managerOf.get(id);
    // A cycle in a broken org chart stops here rather than looping.
    const d = up === undefined || seen.has(up) ? 0 : depthOf(up, seen.add(id)) + 1;
    depth.set(id, d);
    return d;
  };
  for (const p of pairs) depthOf(p.manager.id, new Set());
  return depth;
}

const person = z
  .object({ id: z.string().min(1), tenantId: z.string().min(1), type: z.literal('person') })
  .passthrough();

const itemSchema = z.object({
  kind: z.literal('book-manager'),
  runId: z.string().min(1),
  tenantId: z.string().min(1),
  itemId: z.string().min(1),
  now: z.string().datetime(),
  manager: person,
  pairs: z.array(
    z.object({ employee: person, reason: z.enum(['quarterly', 'new-manager']) }).strict(),
  ),
  alsoLocks: z.array(z.string()),
  alsoReadsOf: z.array(z.string()),
  names: z.record(z.string(), z.string()),
  deferrals: z.number().int().min(0).optional(),
});

/**
 * A message as a work item, or null when it is not one (a message nothing of ours wrote, or a
 * person of another tenant in it): such a message can never succeed, so it is not retried.
 */
export function parseWorkItem(message: unknown): ScheduleWorkItem | null {
  const parsed = itemSchema.safeParse(message);
  if (!parsed.success) return null;
  const item = parsed.data as unknown as ScheduleWorkItem;
  const sameTenant = [item.manager, ...item.pairs.map((p) => p.employee)].every(
    (p) => p.tenantId === item.tenantId,
  );
  return sameTenant ? item : null;
}
