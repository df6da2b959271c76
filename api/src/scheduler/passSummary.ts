/** What a scheduling pass did, for the person who reads the run's report. Ids only, no content. */
export interface PassSummary {
  startedAt: string;
  durationMs: number;
  tenants: number;
  /** Tenants left alone because another pass was scheduling them. */
  tenantsSkipped: number;
  /** Tenants with no pilot group chosen, where the pass booked and notified nobody, and why. */
  tenantsWithoutPilot: { tenantId: string; reason: string }[];
  pairsSeen: number;
  booked: number;
  alreadyBooked: number;
  rebooked: number;
  held: number;
  movedTimesUpdated: number;
  managerChanges: number;
  skipped: Record<string, number>;
  failed: Record<string, number>;
  /** Up to 50 examples of skipped or failed pairs: `{tenantId, employeeId, managerId, reason}`. */
  examples: {
    tenantId: string;
    employeeId: string;
    managerId: string | null;
    outcome: 'skipped' | 'failed';
    reason: string;
  }[];
  /** Activity-feed notifications: sent, and not sent (not installed, refused, unavailable). */
  notifications: { sent: number; failed: number };
  graphRequests: number;
  orgSync: { requests: number; fullReads: number; changes: number };
  /**
   * A fanned-out pass's work items: queued, finished by a worker, given up on after the host's
   * delivery limit (the poison queue), and times one was put back because its mailbox was busy.
   */
  workItems: { enqueued: number; done: number; poisoned: number; deferred: number };
  stoppedEarly: boolean;
}

export function emptySummary(startedAt: Date): PassSummary {
  return {
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    tenants: 0,
    tenantsSkipped: 0,
    tenantsWithoutPilot: [],
    pairsSeen: 0,
    booked: 0,
    alreadyBooked: 0,
    rebooked: 0,
    held: 0,
    movedTimesUpdated: 0,
    managerChanges: 0,
    skipped: {},
    failed: {},
    examples: [],
    notifications: { sent: 0, failed: 0 },
    graphRequests: 0,
    orgSync: { requests: 0, fullReads: 0, changes: 0 },
    workItems: { enqueued: 0, done: 0, poisoned: 0, deferred: 0 },
    stoppedEarly: false,
  };
}

const ADDED = [
  'pairsSeen',
  'booked',
  'alreadyBooked',
  'rebooked',
  'held',
  'movedTimesUpdated',
  'managerChanges',
  'graphRequests',
] as const;

/** Adds what one work item did to the pass's summary (a worker's summary of its item). */
export function mergeSummary(into: PassSummary, part: PassSummary): void {
  for (const key of ADDED) into[key] += part[key];
  for (const [reason, n] of Object.entries(part.skipped))
    into.skipped[reason] = (into.skipped[reason] ?? 0) + n;
  for (const [reason, n] of Object.entries(part.failed))
    into.failed[reason] = (into.failed[reason] ?? 0) + n;
  into.examples.push(...part.examples.slice(0, Math.max(0, 50 - into.examples.length)));
  into.notifications.sent += part.notifications.sent;
  into.notifications.failed += part.notifications.failed;
  into.orgSync.requests += part.orgSync.requests;
  into.orgSync.fullReads += part.orgSync.fullReads;
  into.orgSync.changes += part.orgSync.changes;
  for (const key of ['enqueued', 'done', 'poisoned', 'deferred'] as const)
    into.workItems[key] += part.workItems[key];
  into.stoppedEarly ||= part.stoppedEarly;
}

export function note(
  summary: PassSummary,
  outcome: 'skipped' | 'failed',
  reason: string,
  pair: { tenantId: string; employeeId: string; managerId: string | null },
): void {
  const bucket = outcome === 'skipped' ? summary.skipped : summary.failed;
  bucket[reason] = (bucket[reason] ?? 0) + 1;
  if (summary.examples.length < 50) summary.examples.push({ ...pair, outcome, reason });
}

export function describeSummary(s: PassSummary): string {
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'none';
  return [
    `Pairs seen ${s.pairsSeen} in ${s.tenants} tenant(s)${s.tenantsSkipped ? ` (${s.tenantsSkipped} left to another pass running now)` : ''}`,
    ...s.tenantsWithoutPilot.map((t) => `tenant ${t.tenantId} books nobody: ${t.reason}`),
    `booked ${s.booked}`,
    `already booked ${s.alreadyBooked}`,
    `rebooked ${s.rebooked}`,
    `held ${s.held}`,
    `skipped: ${counts(s.skipped)}`,
    `failed: ${counts(s.failed)}`,
    `notifications sent ${s.notifications.sent}, failed ${s.notifications.failed}`,
    `${s.graphRequests} Graph requests (org chart ${s.orgSync.requests})`,
    ...(s.workItems.enqueued > 0
      ? [
          `work items ${s.workItems.done} of ${s.workItems.enqueued} done by the queue workers` +
            (s.workItems.poisoned ? `, ${s.workItems.poisoned} failed every delivery` : '') +
            (s.workItems.deferred ? `, ${s.workItems.deferred} waits for a busy mailbox` : ''),
        ]
      : []),
    `${(s.durationMs / 1000).toFixed(1)} s${s.stoppedEarly ? ', stopped at its time budget: the next run resumes' : ''}`,
  ].join('; ');
}
