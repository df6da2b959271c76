import type { AgendaAction, AgendaInput, AgendaMeeting } from '../domain/scheduling';
import { renderAgenda } from '../domain/scheduling';
import { sortAspirations } from '../domain/board/boardView';
import type { ConversationRecord } from '../domain/conversations/records';
import { personalTabLink } from '../domain/notifications/activityFeed';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { teamsLinks } from './passNotifications';

export interface AgendaOptions {
  /** A new pair: the agenda tells the board's story so far. */
  newManager: boolean;
  /** Names of earlier managers, for actions they agreed to. */
  nameOf?: (personId: string) => string | undefined;
  /** The booked conversation, when there is one: its time on both clocks and any stretch. */
  conversation?: Pick<ConversationRecord, 'start' | 'timeZones' | 'stretch'> | null;
  /** The calendar's now (default services.now()). */
  now?: Date;
}

/**
 * The meeting body for one pair, drawn from the employee's board: aspirations by horizon with
 * acknowledgement, support notes and target dates, open steps, evidence since the last
 * conversation, open actions carried over, and for a new manager the board's recent story. "Last
 * conversation" and "open actions" come from the employee's whole conversation history (one
 * partition), so last quarter's are never forgotten, whoever the manager was then. The board link
 * is the Teams deep link the activity-feed notifications use, with the employee's board as the
 * page context, so it opens in Teams from Outlook.
 */
export async function agendaForPair(
  services: Services,
  tenantId: string,
  employee: Pick<DirectoryPerson, 'id' | 'displayName'>,
  manager: Pick<DirectoryPerson, 'id' | 'displayName'>,
  options: AgendaOptions,
): Promise<string> {
  const nameOf = options.nameOf ?? (() => undefined);
  const now = options.now ?? services.now();
  const [{ records }, previous, sponsorships] = await Promise.all([
    services.boards.readBoard(tenantId, employee.id),
    services.conversations.listForEmployee(tenantId, employee.id),
    services.sharing.listSponsorships(tenantId, employee.id),
  ]);
  const sponsorOf = new Map(sponsorships.map((s) => [s.aspirationId, s.by.displayName]));
  // Evidence dated the day of the last conversation may have come after it: keep it.
  const since = lastHeldDate(previous);
  const acknowledgements = new Map(records.acknowledgements.map((a) => [a.aspirationId, a]));
  const input: AgendaInput = {
    employeeName: employee.displayName,
    managerName: manager.displayName,
    boardUrl: personalTabLink(teamsLinks(services.config), 'board', employee.id),
    now: now.toISOString(),
    meeting: meetingOf(options.conversation),
    aspirations: sortAspirations(records.aspirations).map((a) => {
      const ack = acknowledgements.get(a.id);
      return {
        title: a.title,
        horizon: a.horizon,
        kind: a.kind,
        targetDate: a.targetDate,
        createdAt: a.createdAt,
        acknowledgement: ack
          ? { at: ack.at, note: ack.note, changedSince: a.version > ack.acknowledgedVersion }
          : null,
        openSteps: a.steps.filter((s) => s.status === 'open').map((s) => s.text),
        evidenceSinceLast: a.evidence
          .filter((e) => since === null || e.date >= since)
          .map((e) => ({ text: e.text, date: e.date })),
        sponsoredBy: sponsorOf.get(a.id),
      };
    }),
    carriedActions: carriedActions(previous, employee, manager, nameOf),
  };
  if (options.newManager) {
    const history = await services.boards.readHistory(tenantId, employee.id, 15);
    return renderAgenda({
      ...input,
      historyHighlights: history.entries.map((h) => ({ text: h.summary, date: h.at })),
    });
  }
  return renderAgenda(input);
}

function meetingOf(conversation: AgendaOptions['conversation']): AgendaMeeting | undefined {
  if (!conversation?.start) return undefined;
  return {
    start: conversation.start,
    employeeTimeZone: conversation.timeZones?.employee ?? null,
    managerTimeZone: conversation.timeZones?.manager ?? null,
    stretch: conversation.stretch ?? null,
  };
}

/** The day (UTC) of the employee's last held conversation, or null if they never had one. */
export function lastHeldDate(history: readonly ConversationRecord[]): string | null {
  const held = history
    .filter((c) => c.status === 'held' && c.end !== null)
    .map((c) => c.end!)
    .sort();
  return held.length > 0 ? held[held.length - 1].slice(0, 10) : null;
}

/** Open actions of earlier conversations, once each, owners named as they were agreed. */
function carriedActions(
  history: readonly ConversationRecord[],
  employee: Pick<DirectoryPerson, 'displayName'>,
  manager: Pick<DirectoryPerson, 'displayName'>,
  nameOf: (personId: string) => string | undefined,
): AgendaAction[] {
  const seen = new Set<string>();
  const actions: AgendaAction[] = [];
  // Newest conversation first, so an action copied forward keeps its latest wording and due date.
  const newestFirst = [...history]
    .filter((c) => c.status !== 'cancelled')
    .sort((a, b) => (b.start ?? b.createdAt).localeCompare(a.start ?? a.createdAt));
  for (const c of newestFirst) {
    for (const a of c.actionItems) {
      const key = a.text.trim().toLowerCase();
      if (a.done || seen.has(key)) continue;
      seen.add(key);
      actions.push({
        text: a.text,
        owner:
          a.owner === 'employee'
            ? employee.displayName
            : (nameOf(c.managerId) ?? manager.displayName),
        dueDate: a.dueDate ?? undefined,
      });
    }
  }
  return actions;
}
