import type { AgendaRefreshRecord } from '../domain/board/records';
import type { ConversationRecord } from '../domain/conversations/records';
import { agendaHash, inviteRefreshDecision } from '../domain/invites/inviteRefreshRules';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import type { Stored } from '../domain/stored';
import { isStale } from '../errors/storeOutcome';
import type { CalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import { agendaForPair } from './agendaForPair';
import { isPassAborted } from './passAborted';

/**
 * Invites already sent carry what the board said then. Every change the agenda shows flags the
 * board (`agenda-refresh`, see records.ts); here each flagged board's booked events get their
 * body re-rendered from the board as it is now and PATCHed on the organizer's calendar: the same
 * event and transactionId, so nobody gets a second invite. When, and whether, is
 * `inviteRefreshDecision` (deletions at once; edits at most daily, never in the last hour). The
 * flag is cleared only when every event is done, so a refresh that fails half-way or must wait
 * leaves it for the next one (replacing a body twice is harmless). Runs in the daily pass and in
 * the short `refreshInvites` timer.
 */

export interface InviteRefreshRun {
  services: Services;
  calendar: CalendarGateway;
  tenantId: string;
  /** The calendar's now. */
  now: Date;
  people: ReadonlyMap<string, DirectoryPerson>;
  progress: (message: string) => void;
  outOfTime: () => boolean;
}

export interface InviteRefreshTotals {
  boards: number;
  replaced: number;
  waiting: number;
  failed: number;
}

/** Refreshes the invites of every flagged board of the tenant. Returns how many bodies were replaced. */
export async function refreshAgendas(run: InviteRefreshRun): Promise<number> {
  const flags = await run.services.boards.listAgendaRefreshes(run.tenantId);
  return (await refreshFlagged(run, flags)).replaced;
}

export async function refreshFlagged(
  run: InviteRefreshRun,
  flags: Stored<AgendaRefreshRecord>[],
): Promise<InviteRefreshTotals> {
  const totals: InviteRefreshTotals = { boards: flags.length, replaced: 0, waiting: 0, failed: 0 };
  for (const flag of flags) {
    if (run.outOfTime()) break;
    try {
      const board = await refreshBoard(run, flag);
      totals.replaced += board.replaced;
      if (board.waiting) totals.waiting++;
      else await run.services.boards.clearAgendaRefresh(flag);
    } catch (error) {
      // The flag stays for the next run; booking must not wait for one mailbox's fault.
      if (isPassAborted(error)) throw error;
      totals.failed++;
    }
  }
  if (flags.length > 0)
    run.progress(
      `Tenant ${run.tenantId}: ${flags.length} board(s) changed; ${totals.replaced} invite bodies replaced, ${totals.waiting} board(s) waiting for the daily limit, ${totals.failed} left for the next run.`,
    );
  return totals;
}

async function refreshBoard(
  run: InviteRefreshRun,
  flag: Stored<AgendaRefreshRecord>,
): Promise<{ replaced: number; waiting: boolean }> {
  const { services, calendar, tenantId, people, now } = run;
  const erasure = flag.reason !== 'changed';
  const records = await services.conversations.listForEmployee(tenantId, flag.employeeId);
  let replaced = 0;
  let waiting = false;
  for (const record of records) {
    const decision = inviteRefreshDecision(record, erasure, now);
    if (decision === 'later') waiting = true;
    if (decision !== 'update' || record.event === null) continue;
    const employee = people.get(record.employeeId);
    const manager = people.get(record.managerId);
    // Someone no longer in the org chart: the leavers' step cancels or erases what is theirs.
    if (!employee || !manager) continue;
    const html = await agendaForPair(services, tenantId, employee, manager, {
      newManager: record.reason === 'new-manager',
      nameOf: (id) => people.get(id)?.displayName,
      conversation: record,
      now,
    });
    const hash = agendaHash(html);
    // Changed and changed back, or only touched: the attendee has this body already.
    if (record.agenda?.hash === hash) continue;
    if (!(await calendar.updateEventBody(record.managerId, record.event.id, html))) continue;
    replaced++;
    await remember(services, record, { hash, sentAt: now.toISOString() });
  }
  return { replaced, waiting };
}

/** Best effort: a record written meanwhile by the pass only means one more update later. */
async function remember(
  services: Services,
  record: Stored<ConversationRecord>,
  agenda: NonNullable<ConversationRecord['agenda']>,
): Promise<void> {
  try {
    await services.conversations.replace({ ...record, agenda }, record._etag);
  } catch (error) {
    if (!isStale(error)) throw error;
  }
}
