import type { AgendaAction, AgendaInput } from '../domain/scheduling';
import { renderAgenda } from '../domain/scheduling';
import type { ConversationRecord } from '../domain/conversations/records';
import type { Services } from '../services';
import type { DirectoryPerson } from '../store/directoryRepository';

/**
 * The meeting body for one pair, drawn from the employee's board: aspirations by horizon, open
 * steps, evidence since the last conversation, open actions carried over, and for a new manager
 * the board's recent story.
 */
export async function agendaForPair(
  services: Services,
  tenantId: string,
  employee: DirectoryPerson,
  manager: DirectoryPerson,
  previous: ConversationRecord[],
  newManager: boolean,
): Promise<string> {
  const { records } = await services.boards.readBoard(tenantId, employee.id);
  const lastHeld = previous
    .filter((c) => c.status === 'held' && c.end !== null)
    .sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))[0];
  const since = lastHeld?.end?.slice(0, 10) ?? '';
  const carriedActions: AgendaAction[] = previous
    .flatMap((c) => c.actionItems)
    .filter((a) => !a.done)
    .map((a) => ({
      text: a.text,
      owner: a.owner === 'employee' ? employee.displayName : manager.displayName,
      dueDate: a.dueDate ?? undefined,
    }));
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
        .filter((e) => e.date >= since)
        .map((e) => ({ text: e.text, date: e.date })),
    })),
    carriedActions,
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
