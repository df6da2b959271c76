import type { AgendaAction, AgendaInput } from '../domain/scheduling';
import { renderAgenda } from '../domain/scheduling';
import type { ConversationRecord } from '../domain/conversations/records';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';

/**
 * The meeting body for one pair, drawn from the employee's board: aspirations by horizon, open
 * steps, evidence since the last conversation, open actions carried over, and for a new manager
 * the board's recent story. "Last conversation" and "open actions" come from the employee's whole
 * conversation history (one partition), so last quarter's are never forgotten, whoever the manager
 * was then.
 */
export async function agendaForPair(
  services: Services,
  tenantId: string,
  employee: DirectoryPerson,
  manager: DirectoryPerson,
  newManager: boolean,
  nameOf: (personId: string) => string | undefined = () => undefined,
): Promise<string> {
  const [{ records }, previous, sponsorships] = await Promise.all([
    services.boards.readBoard(tenantId, employee.id),
    services.conversations.listForEmployee(tenantId, employee.id),
    services.sharing.listSponsorships(tenantId, employee.id),
  ]);
  const sponsorOf = new Map(sponsorships.map((s) => [s.aspirationId, s.by.displayName]));
  // Evidence dated the day of the last conversation may have come after it: keep it.
  const since = lastHeldDate(previous);
  const input: AgendaInput = {
    employeeName: employee.displayName,
    managerName: manager.displayName,
    boardUrl: `${services.config.tabPublicUrl}#/board/${employee.id}`,
    aspirations: records.aspirations.map((a) => ({
      title: a.title,
      horizon: a.horizon,
      kind: a.kind,
      openSteps: a.steps.filter((s) => s.status === 'open').map((s) => s.text),
      evidenceSinceLast: a.evidence
        .filter((e) => since === null || e.date >= since)
        .map((e) => ({ text: e.text, date: e.date })),
      sponsoredBy: sponsorOf.get(a.id),
    })),
    carriedActions: carriedActions(previous, employee, manager, nameOf),
  };
  if (newManager) {
    const history = await services.boards.readHistory(tenantId, employee.id, 15);
    return renderAgenda({
      ...input,
      historyHighlights: history.entries.map((h) => ({ text: h.summary, date: h.at })),
    });
  }
  return renderAgenda(input);
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
  employee: DirectoryPerson,
  manager: DirectoryPerson,
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
