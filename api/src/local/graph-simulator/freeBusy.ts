import type { FreeBusyStatus } from '@microsoft/microsoft-graph-types';

import type { DemoUser } from '../demo-org/types';
import type { EventStore, MailboxEvent } from './eventStore';

/**
 * A person's free/busy time as Exchange computes it for getSchedule: the demo busy blocks they
 * start with, plus the meetings the simulator's clients booked that still hold their time.
 */

export interface BusyItem {
  startMs: number;
  endMs: number;
  status: Exclude<FreeBusyStatus, 'free' | 'unknown'>;
  subject: string;
  location: string;
}

/** What a booked meeting shows on this person's calendar, or null if it leaves them free. */
export function statusOnCalendar(held: MailboxEvent): FreeBusyStatus {
  const { event, role } = held;
  if (event.isCancelled) return 'free';
  if (role.kind === 'organizer') return event.showAs;
  switch (role.attendee.response) {
    case 'accepted':
      return event.showAs;
    case 'declined':
      return 'free';
    default:
      // Exchange places an unanswered (or tentatively accepted) request as tentative.
      return 'tentative';
  }
}

/** Items overlapping [fromMs, toMs), by start; free ones are left out, as Exchange does. */
export function busyItems(
  user: DemoUser,
  events: EventStore,
  fromMs: number,
  toMs: number,
): BusyItem[] {
  const items: BusyItem[] = [];
  for (const block of user.busy) {
    const startMs = Date.parse(block.start);
    const endMs = Date.parse(block.end);
    if (startMs >= toMs || endMs <= fromMs) continue;
    items.push({ startMs, endMs, status: block.showAs, subject: block.subject, location: '' });
  }
  for (const held of events.calendarOf(user.tenantId, user.id, fromMs, toMs)) {
    const status = statusOnCalendar(held);
    if (status === 'free' || status === 'unknown') continue;
    items.push({
      startMs: held.event.startMs,
      endMs: held.event.endMs,
      status,
      subject: held.event.subject,
      location: held.event.location,
    });
  }
  return items.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/**
 * One digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, the strongest status of
 * any item overlapping the interval. Graph v1.0 writes working-elsewhere as 0, not 4, "for
 * backward compatibility" (scheduleInformation resource docs), so it does not block the slot here.
 */
export function availabilityView(
  items: readonly BusyItem[],
  fromMs: number,
  toMs: number,
  intervalMinutes: number,
): string {
  const step = intervalMinutes * 60_000;
  const slots = Math.ceil((toMs - fromMs) / step);
  const digits: number[] = new Array<number>(slots).fill(0);
  for (const item of items) {
    const weight = WEIGHT[item.status];
    if (weight === 0) continue;
    const first = Math.max(0, Math.floor((item.startMs - fromMs) / step));
    const last = Math.min(slots - 1, Math.ceil((item.endMs - fromMs) / step) - 1);
    for (let slot = first; slot <= last; slot++) {
      if (weight > digits[slot]) digits[slot] = weight;
    }
  }
  return digits.join('');
}

const WEIGHT: Record<BusyItem['status'], number> = {
  workingElsewhere: 0,
  tentative: 1,
  busy: 2,
  oof: 3,
};
