import type { ConversationRecord } from '../domain/conversations/records';
import type { CalendarGateway } from '../graph/calendarGateway';
import type { Services } from '../services';
import type { Stored } from '../store/boardRepository';
import type { DirectoryPerson } from '../store/directoryRepository';

/**
 * Turns a pending conversation (slot chosen, record written) into a booked one. The record was
 * written before any Graph call, so this can be repeated after a crash at any point: a resumed
 * booking first looks for the event its transactionId may already have created.
 */
export async function completeBooking(
  services: Services,
  calendar: CalendarGateway,
  record: Stored<ConversationRecord>,
  people: { employee: DirectoryPerson; manager: DirectoryPerson },
  agendaHtml: () => Promise<string>,
  resumed: boolean,
): Promise<Stored<ConversationRecord>> {
  if (record.start === null || record.end === null)
    throw new Error('A pending conversation needs a slot');
  const attendeeMail = people.employee.mail ?? '';
  const margin = 60_000;
  const existing = resumed
    ? await calendar.findByTransactionId(
        record.managerId,
        {
          start: new Date(Date.parse(record.start) - margin).toISOString(),
          end: new Date(Date.parse(record.end) + margin).toISOString(),
        },
        record.transactionId,
        attendeeMail,
      )
    : null;
  const event =
    existing ??
    (await calendar.createEvent({
      organizerId: record.managerId,
      attendee: { mail: attendeeMail, displayName: people.employee.displayName },
      subject: `Career conversation: ${people.employee.displayName} & ${people.manager.displayName}`,
      agendaHtml: await agendaHtml(),
      start: record.start,
      end: record.end,
      transactionId: record.transactionId,
    }));
  const now = services.now().toISOString();
  return services.conversations.replace(
    {
      ...record,
      status: 'scheduled',
      event: { id: event.id, joinUrl: event.joinUrl },
      start: event.start || record.start,
      end: event.end || record.end,
      log: [
        ...record.log,
        {
          at: now,
          what: 'booked',
          detail: existing ? 'found the event a previous run created' : 'invite sent',
        },
      ],
      updatedAt: now,
    },
    record._etag,
  );
}
