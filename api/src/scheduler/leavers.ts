import { dueForErasure, leaverChanges } from '../domain/retention/retentionRule';
import type { Services } from '../services';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { rethrowIfAborted } from './passAborted';
import { failureReason } from '../logging/logSafety';

/**
 * The pass's retention step, right after the org sync: note who has newly left (disabled or
 * deleted account) and who came back, then erase everyone whose retention period has run out.
 * A crash mid-erasure leaves the leaver's mark in place, so the next pass erases them again and
 * finishes; a pass out of time stops between people.
 */

export interface LeaverOutcome {
  newlyGone: number;
  returned: number;
  erased: number;
  failed: number;
}

export async function retireLeavers(
  services: Services,
  tenantId: string,
  people: Map<string, DirectoryPerson>,
  retentionDays: number,
  now: Date,
  run: { outOfTime: () => boolean; progress: (message: string) => void },
): Promise<LeaverOutcome> {
  const { leavers, erasure } = services.personData;
  const marks = await leavers.read(tenantId);
  const changes = leaverChanges(people.values(), marks, now);
  // A share ends when either person leaves (issue 13). Before the mark, so a crash in between
  // finds them newly gone again next pass and ends what is left.
  for (const gone of changes.newlyGone)
    await services.sharing.endSharesOf(tenantId, gone.personId, now.toISOString());
  await leavers.mark(tenantId, changes.newlyGone);
  await leavers.forget(tenantId, changes.returned);
  const back = new Set(changes.returned);
  const outcome: LeaverOutcome = {
    newlyGone: changes.newlyGone.length,
    returned: back.size,
    erased: 0,
    failed: 0,
  };
  for (const mark of dueForErasure(marks, retentionDays, now, back)) {
    if (run.outOfTime()) break;
    try {
      await erasure.erase(tenantId, mark.personId, 'retention', now);
      people.delete(mark.personId);
      outcome.erased++;
    } catch (error) {
      rethrowIfAborted(error);
      outcome.failed++;
      run.progress(
        `Tenant ${tenantId}: erasing leaver ${mark.personId} failed (${failureReason(error)}); the next run retries.`,
      );
    }
  }
  if (outcome.newlyGone + outcome.returned + outcome.erased + outcome.failed > 0)
    run.progress(
      `Tenant ${tenantId}: leavers ${outcome.newlyGone} new, ${outcome.returned} back, ${outcome.erased} erased after ${retentionDays} days.`,
    );
  return outcome;
}
