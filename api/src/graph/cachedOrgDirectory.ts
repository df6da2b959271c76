import type { ChatMember, OrgDirectory, Person } from './orgDirectory';

/**
 * Remembers org-chart answers for a short time so a board read needs no Graph round trip.
 * The TTL bounds how long a change of manager takes to affect access (documented in the README).
 */
export function createCachedOrgDirectory(
  inner: OrgDirectory,
  ttlSeconds: number,
  now: () => number = Date.now,
): OrgDirectory {
  if (ttlSeconds <= 0) return inner;
  const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  const MAX_ENTRIES = 50_000;

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = entries.get(key);
    if (hit && hit.expires > now()) return hit.value as Promise<T>;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const value = load();
    entries.set(key, { expires: now() + ttlSeconds * 1000, value });
    value.catch(() => entries.delete(key));
    return value;
  }

  return {
    getPerson: (t, id) => cached<Person | null>(`p|${t}|${id}`, () => inner.getPerson(t, id)),
    getManager: (t, id) => cached<Person | null>(`m|${t}|${id}`, () => inner.getManager(t, id)),
    getDirectReports: (t, id) =>
      cached<Person[]>(`r|${t}|${id}`, () => inner.getDirectReports(t, id)),
    // Chat membership is checked once when a tab is configured: always fresh.
    getChatMembers: (t, chatId): Promise<ChatMember[] | null> => inner.getChatMembers(t, chatId),
  };
}
