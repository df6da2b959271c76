import type { AspirationView, Horizon } from '@contract/boardContract';
import { KIND_LABELS } from '@contract/boardLabels';
import { HORIZON_ORDER } from '../common/boardText';

/** Pure board rules the screen needs: grouping, ordering, and where a moved card lands. */

/** The kinds' labels are shared with the invite's agenda (the API) through the contract. */
export const KIND_TEXT = KIND_LABELS;

/** Gap left between neighbours when a card is placed first or last. */
export const POSITION_STEP = 1024;

export function compareByPosition(a: AspirationView, b: AspirationView): number {
  return (
    a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}

export function groupByHorizon(
  aspirations: readonly AspirationView[],
): Record<Horizon, AspirationView[]> {
  const groups: Record<Horizon, AspirationView[]> = { next: [], '1y': [], '3y': [] };
  for (const aspiration of aspirations)
    (groups[aspiration.horizon] ?? groups.next).push(aspiration);
  for (const horizon of HORIZON_ORDER) groups[horizon].sort(compareByPosition);
  return groups;
}

/** A sort key strictly between two neighbours (either may be missing: first or last place). */
export function positionBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - POSITION_STEP;
  if (after === null) return before + POSITION_STEP;
  return before + (after - before) / 2;
}

export type MoveDirection = 'up' | 'down';

/**
 * The position that moves `id` one place up or down among its horizon's cards (sorted), or null
 * when it is already at that end.
 */
export function positionForMove(
  sorted: readonly AspirationView[],
  id: string,
  direction: MoveDirection,
): number | null {
  const index = sorted.findIndex((a) => a.id === id);
  if (index < 0) return null;
  if (direction === 'up') {
    if (index === 0) return null;
    return positionBetween(sorted[index - 2]?.position ?? null, sorted[index - 1].position);
  }
  if (index === sorted.length - 1) return null;
  return positionBetween(sorted[index + 1].position, sorted[index + 2]?.position ?? null);
}

/** Where a card goes when it joins a horizon: after the last one there. */
export function positionAtEnd(sorted: readonly AspirationView[], excludingId?: string): number {
  const others = sorted.filter((a) => a.id !== excludingId);
  return positionBetween(others.length ? others[others.length - 1].position : null, null);
}

/** The manager still has to look at it: never acknowledged, or changed since. */
export function needsAcknowledgement(aspiration: AspirationView): boolean {
  return aspiration.acknowledgement === null || aspiration.changedSinceAcknowledged;
}

export function stepProgress(aspiration: AspirationView): { done: number; total: number } {
  return {
    done: aspiration.steps.filter((s) => s.status === 'done').length,
    total: aspiration.steps.length,
  };
}
