import type { HttpResponseInit } from '@azure/functions';

import type { ErasureView } from '../../contract/retentionContract';
import { notFound } from '../../errors/problem';
import { guidParam } from '../../http/requestParsing';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { erasureReceiptId } from '../../domain/retention/erasureReceipt';
import { requireAdmin } from '../settings/requireAdmin';

/**
 * DELETE people/{personId}/data: an admin erases a named person on request (a leaver who asks, a
 * legal request). Removes every trace in the caller's tenant and answers with counts only. A
 * person this tenant never knew is not found (404), so another tenant's people cannot be probed
 * and nothing is written; erasing again answers 200 with `erased: false` and zero counts.
 */
export async function erasePerson(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const personId = guidParam(input.request, 'personId');
  const { caller, services } = input;
  const { erasure } = services.personData;
  const known =
    (await erasure.readReceipt(caller.tenantId, personId)) !== null ||
    (await services.directory.getPerson(caller.tenantId, personId)) !== null ||
    (await erasure.hasTraces(caller.tenantId, personId));
  if (!known) throw notFound('There is nobody with this id in your organisation.');
  const outcome = await erasure.erase(caller.tenantId, personId, 'admin', services.now());
  // The receipt's id, not the person's: the log outlives the erasure and must not name them.
  input.context.log(
    `Erasure ${erasureReceiptId(caller.tenantId, personId)} requested by admin ${caller.userId}.`,
  );
  const removedAny = Object.values(outcome.removed).some((n) => n > 0);
  const view: ErasureView = {
    erased: removedAny,
    removed: outcome.removed,
    erasedAt: outcome.receipt?.erasedAt ?? services.now().toISOString(),
  };
  return ok(view);
}
