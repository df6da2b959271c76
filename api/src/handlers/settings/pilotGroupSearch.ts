import type { HttpResponseInit } from '@azure/functions';

import type { PilotGroupSearchView } from '../../contract/settingsContract';
import { validation } from '../../errors/problem';
import { searchGroups } from '../../graph/pilotGroup';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { requireAdmin } from './requireAdmin';

/**
 * GET settings/pilot-groups?search=…: the tenant's security groups whose name starts with the
 * text, for the settings screen's pilot picker. Admins only, like the settings themselves: group
 * names can say more about an organisation than its employees need to see.
 */
export async function searchPilotGroups(input: CallerRouteInput): Promise<HttpResponseInit> {
  requireAdmin(input);
  const text = (input.request.query.get('search') ?? '').trim();
  if (text.length < 1 || text.length > 120 || /[\p{Cc}"\\]/u.test(text))
    throw validation('Type 1 to 120 characters of the group’s name (no quotes or backslashes).', [
      { path: 'search', message: 'Type the start of the group’s name.' },
    ]);
  const groups = await searchGroups(input.services.graphFor(input.caller.tenantId), text);
  const view: PilotGroupSearchView = { groups };
  return ok(view);
}
