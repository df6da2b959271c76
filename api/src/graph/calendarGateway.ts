import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';

import { fencedAgenda, spliceAgenda } from '../domain/invites/inviteBody';
import type { GraphScheduleInformation } from '../domain/scheduling';
import { readEventsBatched } from './batchedEventReads';
import type { MailboxLimiter } from './mailboxLimiter';
import { graphStatus } from './graphStatus';

/**
 * Calendar calls for one tenant, app-only: availability, booking, re-reading and cancelling.
 * Each goes through the mailbox limiter; 429/503/504 are retried by the client's RetryHandler.
 */

export interface NewConversationEvent {
  organizerId: string;
  attendee: { mail: string; displayName: string };
  subject: string;
  agendaHtml: string;
  start: string;
  end: string;
  transactionId: string;
}

export interface BookedEvent {
  id: string;
  joinUrl: string | null;
  start: string;
  end: string;
  isCancelled: boolean;
  attendeeResponse: string | null;
  transactionId: string | null;
}

export interface CalendarGateway {
  getSchedules(
    organizerId: string,
    mails: string[],
    window: { start: string; end: string },
  ): Promise<GraphScheduleInformation[]>;
  createEvent(event: NewConversationEvent): Promise<BookedEvent>;
  getEvent(organizerId: string, eventId: string, attendeeMail: string): Promise<BookedEvent | null>;
  /** Many events at once through `$batch`; a value of undefined means it could not be read now. */
  getEvents(
    reads: { key: string; organizerId: string; eventId: string; attendeeMail: string }[],
  ): Promise<Map<string, BookedEvent | null | undefined>>;
  findByTransactionId(
    organizerId: string,
    window: { start: string; end: string },
    transactionId: string,
    attendeeMail: string,
  ): Promise<BookedEvent | null>;
  cancelEvent(organizerId: string, eventId: string): Promise<void>;
  /**
   * Replaces the agenda in the body of an event the organizer already sent: same event, same
   * transactionId, no new invite (https://learn.microsoft.com/graph/api/event-update). The body is
   * read first and only our fenced part replaced, keeping the Teams meeting blob, as that page
   * asks. Two requests. False if the event is gone.
   */
  updateEventBody(organizerId: string, eventId: string, agendaHtml: string): Promise<boolean>;
  /** Graph requests made so far (each retry counts). */
  requestCount(): number;
}

const UTC = { Prefer: 'outlook.timezone="UTC"' };

export function createCalendarGateway(client: Client, limiter: MailboxLimiter): CalendarGateway {
  let requests = 0;
  const call = <T>(mailbox: string, work: () => Promise<T>): Promise<T> =>
    limiter.run(mailbox, () => {
      requests++;
      return work();
    });
  const user = (id: string) => `/users/${encodeURIComponent(id)}`;

  return {
    getSchedules: (organizerId, mails, window) =>
      call(organizerId, async () => {
        const response = (await client
          .api(`${user(organizerId)}/calendar/getSchedule`)
          .headers(UTC)
          .post({
            schedules: mails,
            startTime: { dateTime: stripZ(window.start), timeZone: 'UTC' },
            endTime: { dateTime: stripZ(window.end), timeZone: 'UTC' },
            availabilityViewInterval: 30,
          })) as { value: GraphScheduleInformation[] };
        return response.value;
      }),

    createEvent: (event) =>
      call(event.organizerId, async () => {
        const created = (await client
          .api(`${user(event.organizerId)}/events`)
          .headers(UTC)
          .post({
            subject: event.subject,
            body: { contentType: 'html', content: fencedAgenda(event.agendaHtml) },
            start: { dateTime: stripZ(event.start), timeZone: 'UTC' },
            end: { dateTime: stripZ(event.end), timeZone: 'UTC' },
            attendees: [
              {
                emailAddress: { address: event.attendee.mail, name: event.attendee.displayName },
                type: 'required',
              },
            ],
            isOnlineMeeting: true,
            onlineMeetingProvider: 'teamsForBusiness',
            allowNewTimeProposals: true,
            transactionId: event.transactionId,
          })) as Event;
        return toBooked(created, event.attendee.mail);
      }),

    getEvent: (organizerId, eventId, attendeeMail) =>
      call(organizerId, async () => {
        try {
          const event = (await client
            .api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}`)
            .headers(UTC)
            .get()) as Event;
          return toBooked(event, attendeeMail);
        } catch (error) {
          if (graphStatus(error) === 404) return null;
          throw error;
        }
      }),

    async getEvents(reads) {
      const results = await readEventsBatched(client, limiter, reads, () => {
        requests++;
      });
      const mails = new Map(reads.map((r) => [r.key, r.attendeeMail]));
      const events = new Map<string, BookedEvent | null | undefined>();
      for (const [key, result] of results) {
        events.set(
          key,
          result.ok
            ? result.event
              ? toBooked(result.event, mails.get(key) ?? '')
              : null
            : undefined,
        );
      }
      return events;
    },

    findByTransactionId: (organizerId, window, transactionId, attendeeMail) =>
      call(organizerId, async () => {
        let page = (await client
          .api(`${user(organizerId)}/calendarView`)
          .headers(UTC)
          .query({ startDateTime: window.start, endDateTime: window.end })
          .top(100)
          .get()) as { value: Event[]; '@odata.nextLink'?: string };
        for (;;) {
          const match = page.value.find((e) => e.transactionId === transactionId);
          if (match) return toBooked(match, attendeeMail);
          if (!page['@odata.nextLink']) return null;
          requests++;
          page = (await client.api(page['@odata.nextLink']).headers(UTC).get()) as typeof page;
        }
      }),

    cancelEvent: (organizerId, eventId) =>
      call(organizerId, async () => {
        try {
          await client.api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}`).delete();
        } catch (error) {
          if (graphStatus(error) !== 404) throw error;
        }
      }),

    updateEventBody: (organizerId, eventId, agendaHtml) =>
      call(organizerId, async () => {
        try {
          const path = `${user(organizerId)}/events/${encodeURIComponent(eventId)}`;
          const current = (await client.api(path).select(['body', 'onlineMeeting']).get()) as Event;
          requests++;
          const content = spliceAgenda(
            current.body?.content ?? '',
            agendaHtml,
            current.onlineMeeting?.joinUrl ?? null,
          );
          await client.api(path).patch({ body: { contentType: 'html', content } });
          return true;
        } catch (error) {
          if (graphStatus(error) === 404) return false;
          throw error;
        }
      }),

    requestCount: () => requests,
  };
}

function toBooked(event: Event, attendeeMail: string): BookedEvent {
  const attendee = (event.attendees ?? []).find(
    (a) => a.emailAddress?.address?.toLowerCase() === attendeeMail.toLowerCase(),
  );
  return {
    id: event.id ?? '',
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    start: asUtc(event.start?.dateTime),
    end: asUtc(event.end?.dateTime),
    isCancelled: event.isCancelled === true,
    attendeeResponse: attendee?.status?.response ?? null,
    transactionId: event.transactionId ?? null,
  };
}

/** Graph's dateTime has no zone designator; we always ask for UTC. */
function asUtc(dateTime: string | null | undefined): string {
  if (!dateTime) return '';
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`).toISOString();
}

function stripZ(iso: string): string {
  return new Date(iso).toISOString().replace(/Z$/, '');
}
