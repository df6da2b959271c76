import type { HttpResponseInit } from '@azure/functions';

import type { PeopleSearchView } from '../../contract/sharingContract';
import { SHARING_LIMITS } from '../../contract/sharingContract';
import { validation } from '../../errors/problem';
import { searchPeople } from '../../graph/peopleSearch';
import { ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';

/**
 * GET people?search=…: the people picker for sharing and asking, over the caller's own tenant's
 * directory (enabled members whose name starts with the text; never guests, never oneself).
 * Names and job titles only: what Teams already shows any colleague.
 */
export async function searchPeopleRoute(input: CallerRouteInput): Promise<HttpResponseInit> {
  const text = (input.request.query.get('search') ?? '').trim();
  if (text.length < 1 || text.length > SHARING_LIMITS.searchLength || /[\p{Cc}"\\]/u.test(text))
    throw validation(
      `Type 1 to ${SHARING_LIMITS.searchLength} characters of the person’s name (no quotes or backslashes).`,
      [{ path: 'search', message: 'Type the start of the person’s name.' }],
    );
  const found = await searchPeople(
    input.services.graphFor(input.caller.tenantId),
    text,
    SHARING_LIMITS.searchResults + 1,
  );
  const view: PeopleSearchView = {
    people: found
      .filter((p) => p.id !== input.caller.userId)
      .slice(0, SHARING_LIMITS.searchResults),
  };
  return ok(view);
}
