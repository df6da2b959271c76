import type { DemoDirectory } from '../api/src/local/demo-org/types';
import { bookable } from './org';

/**
 * What the Outlook limits allow at best, so a measured pass can be read against it.
 *
 * Requests: a manager with k bookable reports needs ceil(k/19) getSchedule calls (the manager and
 * 19 reports fit in one) plus one event per booked pair. The org-chart read is counted apart.
 *
 * Time: every request to a mailbox holds one of its 4 concurrent slots for the service latency L,
 * and a mailbox admits 10,000 requests per 10 minutes. Mailboxes are independent, so the pass can
 * finish no sooner than its busiest mailbox: max(R × L / 4, floor((R − 1) / 10,000) × 10 min).
 */

export const SCHEDULES_PER_CALL = 20;
export const REPORTS_PER_CALL = SCHEDULES_PER_CALL - 1;

export interface OutlookLimits {
  concurrentPerMailbox: number;
  requestsPerWindow: number;
  windowMs: number;
  latencyMs: number;
}

export interface MinimumPlan {
  managers: number;
  pairs: number;
  /** ceil(k/19) summed over managers. */
  getScheduleCalls: number;
  booked: number;
  /** getSchedule calls plus one event per booked pair. */
  minimumRequests: number;
  minimumPerBookedPair: number;
  /** The mailbox with the most required requests, and how many. */
  busiestMailbox: { id: string; requests: number };
}

/** The minimum for a directory, given how many pairs each manager actually had booked. */
export function minimumPlan(
  directory: DemoDirectory,
  bookedByManager: ReadonlyMap<string, number>,
): MinimumPlan {
  const reports = bookableReports(directory);
  let getScheduleCalls = 0;
  let booked = 0;
  let busiest = { id: '', requests: 0 };
  for (const [managerId, k] of reports) {
    const calls = Math.ceil(k / REPORTS_PER_CALL);
    const events = bookedByManager.get(managerId) ?? 0;
    getScheduleCalls += calls;
    booked += events;
    if (calls + events > busiest.requests) busiest = { id: managerId, requests: calls + events };
  }
  const minimumRequests = getScheduleCalls + booked;
  return {
    managers: reports.size,
    pairs: [...reports.values()].reduce((a, b) => a + b, 0),
    getScheduleCalls,
    booked,
    minimumRequests,
    minimumPerBookedPair: booked === 0 ? 0 : minimumRequests / booked,
    busiestMailbox: busiest,
  };
}

/** Each manager's bookable reports: the pairs a pass books when it books them all. */
export function bookableReports(directory: DemoDirectory): Map<string, number> {
  const byId = new Map(directory.users.map((u) => [u.id, u]));
  const reports = new Map<string, number>();
  for (const employee of directory.users) {
    const manager = byId.get(employee.managerId ?? '');
    if (!bookable(employee) || !bookable(manager)) continue;
    reports.set(manager.id, (reports.get(manager.id) ?? 0) + 1);
  }
  return reports;
}

/** The lower bound on a pass's time that the limits set, for a mailbox needing `requests`. */
export function limitsLowerBoundMs(requests: number, limits: OutlookLimits): number {
  const byConcurrency = (requests * limits.latencyMs) / limits.concurrentPerMailbox;
  const byWindow =
    Math.floor(Math.max(0, requests - 1) / limits.requestsPerWindow) * limits.windowMs;
  return Math.max(byConcurrency, byWindow);
}

/** The minimum number of `/users/delta` pages for a first sync of `people` (999 a page). */
export function minimumSyncPages(people: number): number {
  return Math.max(1, Math.ceil(people / 999));
}
