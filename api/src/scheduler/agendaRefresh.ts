import type { AgendaRefreshRecord } from '../domain/board/records';
import type { Stored } from '../domain/stored';
import { agendaForPair } from './agendaForPair';
import { isPassAborted } from './passAborted';
import type { TenantPass } from './tenantPass';

/**
 * Invites already sent carry what the board said then. When an aspiration is deleted, finishing
 * the deletion flags the board (`agenda-refresh`); here every event of the employee's conversations
 * that is not cancelled gets its body re-rendered from the board as it is now and PATCHed on the
 * organizer's calendar: the same event and transactionId, so nobody gets a second invite. The flag
 * is cleared only after every body was replaced, so a pass that fails half-way leaves it for the
 * next one (replacing a body twice is harmless). Returns how many bodies were replaced.
 */
export async function refreshAgendas(pass: TenantPass): Promise<number> {
  const flags = await pass.services.boards.listAgendaRefreshes(pass.tenantId);
  let replaced = 0;
  let failed = 0;
  for (const flag of flags) {
    if (pass.outOfTime()) break;
    try {
      replaced += await refreshBoard(pass, flag);
      await pass.services.boards.clearAgendaRefresh(flag);
    } catch (error) {
      // The flag stays for the next pass; booking must not wait for one mailbox's fault.
      if (isPassAborted(error)) throw error;
      failed++;
    }
  }
  if (flags.length > 0)
    pass.progress(
      `Tenant ${pass.tenantId}: ${flags.length} board(s) with a deleted aspiration; ${replaced} invite bodies replaced, ${failed} board(s) left for the next pass.`,
    );
  return replaced;
}

async function refreshBoard(pass: TenantPass, flag: Stored<AgendaRefreshRecord>): Promise<number> {
  const { services, calendar, tenantId, people } = pass;
  const records = await services.conversations.listForEmployee(tenantId, flag.employeeId);
  let replaced = 0;
  for (const record of records) {
    if (record.status === 'cancelled' || record.event === null) continue;
    const employee = people.get(record.employeeId);
    const manager = people.get(record.managerId);
    // Someone no longer in the org chart: the leavers' step cancels or erases what is theirs.
    if (!employee || !manager) continue;
    const html = await agendaForPair(
      services,
      tenantId,
      employee,
      manager,
      record.reason === 'new-manager',
      (id) => people.get(id)?.displayName,
    );
    if (await calendar.updateEventBody(record.managerId, record.event.id, html)) replaced++;
  }
  return replaced;
}
