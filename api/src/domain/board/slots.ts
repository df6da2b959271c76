import { LIMITS } from '../../contract/boardContract';

/**
 * Which numbered places a new aspiration may try to claim, lowest first. A board has
 * `LIMITS.aspirationsPerBoard` places; aspirations stored before places existed hold none but still
 * count, so they shrink the range instead. Only the claim itself (creating the place's document)
 * decides: this list is a guess from a possibly stale read, and a taken place is simply skipped.
 */
export function slotCandidates(
  held: { slot?: number | null }[],
  limit: number = LIMITS.aspirationsPerBoard,
): number[] {
  const taken = new Set<number>();
  let withoutSlot = 0;
  for (const h of held) {
    if (typeof h.slot === 'number') taken.add(h.slot);
    else withoutSlot++;
  }
  const places = Math.max(0, limit - withoutSlot);
  const free: number[] = [];
  for (let slot = 0; slot < places; slot++) if (!taken.has(slot)) free.push(slot);
  return free;
}

/** A claimed place whose aspiration never appeared (its writer crashed) is reclaimed after this. */
export const ORPHAN_SLOT_AGE_MS = 2 * 60 * 1000;

export function isOrphanSlot(
  slot: { aspirationId: string; claimedAt: string },
  present: ReadonlySet<string>,
  now: Date,
): boolean {
  return (
    !present.has(slot.aspirationId) &&
    now.getTime() - Date.parse(slot.claimedAt) > ORPHAN_SLOT_AGE_MS
  );
}
