import type { IsoInterval } from './intervals';
import { parseIsoInterval } from './intervals';

/**
 * Every career conversation a scheduling pass knows of, indexed by person, whichever side of it
 * they are on. A middle manager is an attendee of one (with their own manager) and the organiser
 * of others (with their reports): slots for either side must keep clear of all of them.
 *
 * It lives for one pass and is changed only synchronously, so a caller that reads it, chooses
 * slots and holds them without an `await` in between is safe however many managers are booked
 * concurrently.
 */

export interface ConversationHold extends IsoInterval {
  /** One per conversation record, e.g. its partition key and id. */
  readonly key: string;
  readonly employeeId: string;
  readonly managerId: string;
}

export interface ConversationHolds {
  /** Adds or replaces the hold with this key. */
  hold(hold: ConversationHold): void;
  release(key: string): void;
  /** Conversations this person organises: they count towards the daily cap. */
  organisedBy(personId: string): IsoInterval[];
  /** Conversations this person attends as the employee. */
  attendedBy(personId: string): IsoInterval[];
  /** Both. */
  involving(personId: string): IsoInterval[];
}

export function createConversationHolds(
  initial: readonly ConversationHold[] = [],
): ConversationHolds {
  const byKey = new Map<string, ConversationHold>();
  const byPerson = new Map<string, Set<string>>();
  const link = (person: string, key: string) => {
    let keys = byPerson.get(person);
    if (!keys) byPerson.set(person, (keys = new Set()));
    keys.add(key);
  };
  const release = (key: string) => {
    const old = byKey.get(key);
    if (!old) return;
    byKey.delete(key);
    byPerson.get(old.employeeId)?.delete(key);
    byPerson.get(old.managerId)?.delete(key);
  };
  const hold = (h: ConversationHold) => {
    // An unreadable interval must not become a hold that blocks nothing (or everything).
    if (parseIsoInterval(h) === undefined) return;
    release(h.key);
    byKey.set(h.key, h);
    link(h.employeeId, h.key);
    link(h.managerId, h.key);
  };
  const select = (person: string, keep: (h: ConversationHold) => boolean): IsoInterval[] =>
    [...(byPerson.get(person) ?? [])]
      .map((key) => byKey.get(key)!)
      .filter(keep)
      .map(({ start, end }) => ({ start, end }));
  for (const h of initial) hold(h);
  return {
    hold,
    release,
    organisedBy: (person) => select(person, (h) => h.managerId === person),
    attendedBy: (person) => select(person, (h) => h.employeeId === person),
    involving: (person) => select(person, () => true),
  };
}
