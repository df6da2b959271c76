import { advance } from '../domain/conversations/lifecycle';
import type { ConversationRecord } from '../domain/conversations/records';
import type { BookedEvent, CalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import type { Stored } from '../domain/stored';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import type { PassLeases } from './leases';
import { release } from './leases';
import { isPassAborted } from './passAborted';

/** What a booking needs of each person: the pass passes directory people, a manager's pick the org chart's. */
export type BookingPerson = Pick<DirectoryPerson, 'id' | 'displayName' | 'mail'>;

/**
 * Turns a pending conversation (slot chosen, record written, this pass's lease on it) into a
 * booked one. The record was written before any Graph call, so this can be repeated after a crash
 * at any point: a record whose transactionId may already have been sent is first looked up on the
 * manager's calendar, and the event found there is recorded instead of creating another.
 */
export async function completeBooking(
  services: Services,
  calendar: CalendarGateway,
  record: Stored<ConversationRecord>,
  people: { employee: BookingPerson; manager: BookingPerson },
  /** Given the pending record, so the agenda can show its time on both clocks and any stretch. */
  agendaHtml: (conversation?: ConversationRecord) => Promise<string>,
  options: { lookUpFirst: boolean; leases: PassLeases; now: Date },
): Promise<Stored<ConversationRecord>> {
  if (record.start === null || record.end === null)
    throw new Error('A pending conversation needs a slot');
  try {
    const existing = options.lookUpFirst
      ? await findEventOf(calendar, record, people.employee.mail ?? '')
      : null;
    const event =
      existing ??
      (await calendar.createEvent({
        organizerId: record.managerId,
        attendee: { mail: people.employee.mail ?? '', displayName: people.employee.displayName },
        subject: `Career conversation: ${people.employee.displayName} & ${people.manager.displayName}`,
        agendaHtml: await agendaHtml(record),
        start: record.start,
        end: record.end,
        transactionId: record.transactionId,
      }));
    return await markScheduled(services, record, event, existing !== null, options.now);
  } catch (error) {
    // A killed pass leaves its lease to expire; any other failure hands the record back now.
    if (!isPassAborted(error)) await release(services, record, options.leases);
    throw error;
  }
}

/** The event this record's transactionId created, if a previous run got as far as creating it. */
export function findEventOf(
  calendar: CalendarGateway,
  record: ConversationRecord,
  attendeeMail: string,
): Promise<BookedEvent | null> {
  if (record.start === null || record.end === null) return Promise.resolve(null);
  const margin = 60_000;
  return calendar.findByTransactionId(
    record.managerId,
    {
      start: new Date(Date.parse(record.start) - margin).toISOString(),
      end: new Date(Date.parse(record.end) + margin).toISOString(),
    },
    record.transactionId,
    attendeeMail,
  );
}

/** Records the event and makes the conversation scheduled; the caller then notifies both people. */
export function markScheduled(
  services: Services,
  record: Stored<ConversationRecord>,
  event: BookedEvent,
  found: boolean,
  at: Date,
): Promise<Stored<ConversationRecord>> {
  const now = at.toISOString();
  const next = advance(
    record,
    {
      kind: 'invite-sent',
      eventId: event.id,
      joinUrl: event.joinUrl,
      start: event.start,
      end: event.end,
      found,
    },
    now,
  );
  return services.conversations.replace(
    {
      ...next,
      lease: null,
      // Claims this attempt's "booked" notification in the same write: the caller sends it
      // (passNotifications.ts), and a rerun finds it claimed.
      notices: { ...record.notices, booked: { attempt: record.attempt, at: now } },
    },
    record._etag,
  );
}
