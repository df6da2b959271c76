/**
 * When a person's Career Board data is erased after they left the org chart. Pure: the scheduler
 * feeds it the synced org chart, the leaver records and the tenant's setting.
 */

const DAY_MS = 86_400_000;

/** What the org sync knows of a person; enough to tell whether they are still there. */
export interface OrgChartPresence {
  id: string;
  removed: boolean;
  accountEnabled: boolean;
}

/** When the org sync first saw a person gone (disabled or deleted). */
export interface LeaverMark {
  personId: string;
  goneSince: string;
}

/** Disabled and deleted accounts have left; a guest or a person without a mailbox has not. */
export function hasLeft(person: OrgChartPresence): boolean {
  return person.removed || !person.accountEnabled;
}

/** The moment a leaver's data becomes due for erasure. */
export function erasureDueAt(mark: LeaverMark, retentionDays: number): Date {
  return new Date(Date.parse(mark.goneSince) + retentionDays * DAY_MS);
}

export interface LeaverChanges {
  /** Seen gone for the first time: record `goneSince = now`. */
  newlyGone: LeaverMark[];
  /** Back in the org chart (account re-enabled or restored): forget the mark, keep the data. */
  returned: string[];
}

/**
 * Compares the org chart with the marks already recorded. A person missing from the org chart
 * altogether (already erased, or never synced) changes nothing.
 */
export function leaverChanges(
  people: Iterable<OrgChartPresence>,
  marks: readonly LeaverMark[],
  now: Date,
): LeaverChanges {
  const marked = new Set(marks.map((m) => m.personId));
  const newlyGone: LeaverMark[] = [];
  const returned: string[] = [];
  for (const person of people) {
    const gone = hasLeft(person);
    if (gone && !marked.has(person.id))
      newlyGone.push({ personId: person.id, goneSince: now.toISOString() });
    else if (!gone && marked.has(person.id)) returned.push(person.id);
  }
  return { newlyGone, returned };
}

/**
 * The leavers whose retention period has run out at `now`, oldest first, so a pass that runs out
 * of time erases the longest-overdue people first. Someone back in the org chart is never due.
 */
export function dueForErasure(
  marks: readonly LeaverMark[],
  retentionDays: number,
  now: Date,
  stillPresent: ReadonlySet<string> = new Set(),
): LeaverMark[] {
  return marks
    .filter((m) => !stillPresent.has(m.personId))
    .filter((m) => erasureDueAt(m, retentionDays).getTime() <= now.getTime())
    .sort((a, b) => a.goneSince.localeCompare(b.goneSince));
}
