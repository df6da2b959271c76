import type { IsoInterval, TimeInterval } from './intervals';
import {
  intersectIntervals,
  MINUTE_MS,
  normalizeIntervals,
  parseIsoInterval,
  subtractIntervals,
  toIsoInterval,
} from './intervals';
import type { SchedulingParticipant } from './slotFinder';
import { localMidnightWall, resolveTimeZone } from './timeZones';
import { expandWithinLimits } from './workingHours';

/**
 * Slots a manager can pick for a pair the pass could not book: free on both calendars (busy,
 * tentative and out-of-office time as getSchedule returns it), never on either person's days off
 * or outside their working days, inside the tenant's local limits for both people (the stretch
 * limits; the settings always carry them, even with stretching off, so nobody is offered 3 a.m.),
 * but not bound to their working hours. Spread over different days, at most one a day, earliest
 * days first. Pure: the handler reads the calendars and checks the pick is still free.
 */
export interface PickableSlotsInput {
  readonly manager: SchedulingParticipant;
  readonly employee: SchedulingParticipant;
  readonly window: IsoInterval;
  readonly limits: { readonly earliest: string; readonly latest: string };
  readonly durationMinutes: number;
  /** The manager's and the employee's other career conversations: they block time too. */
  readonly taken?: readonly IsoInterval[];
  /** How many to offer (default 5). */
  readonly count?: number;
}

const GRID_MS = 30 * MINUTE_MS;

export function pickableSlots(input: PickableSlotsInput): IsoInterval[] {
  const window = parseIsoInterval(input.window);
  const zone = resolveTimeZone(input.manager.workingHours.timeZone);
  if (!window || !zone) return [];
  const duration = input.durationMinutes * MINUTE_MS;
  const reach = (p: SchedulingParticipant) =>
    expandWithinLimits(p.workingHours, input.limits, window, new Set(p.daysOff ?? []));
  const busy = normalizeIntervals(
    [...input.manager.busy, ...input.employee.busy, ...(input.taken ?? [])]
      .map(parseIsoInterval)
      .filter((i): i is TimeInterval => i !== undefined),
  );
  const free = subtractIntervals(
    intersectIntervals(reach(input.manager), reach(input.employee)),
    busy,
  );
  const slots: IsoInterval[] = [];
  const daysUsed = new Set<number>();
  for (const interval of free) {
    // Starts on the half hour, UTC (every zone the demo and most tenants use is on it).
    for (
      let start = Math.ceil(interval.start / GRID_MS) * GRID_MS;
      start + duration <= interval.end;
      start += GRID_MS
    ) {
      const day = localMidnightWall(start, zone);
      if (daysUsed.has(day)) continue;
      daysUsed.add(day);
      slots.push(toIsoInterval({ start, end: start + duration }));
      if (slots.length >= (input.count ?? 5)) return slots;
    }
  }
  return slots;
}
