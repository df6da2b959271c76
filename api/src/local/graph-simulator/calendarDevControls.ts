import type { ServerResponse } from 'node:http';

import { z } from 'zod';

import { sendJson } from '../http-utils';
import type { DevHandler } from './devHttp';
import { methodNotAllowed, readValidBody, safeDecode, sendProblem } from './devHttp';
import { EventStoreError } from './eventStore';
import type { EventStore, MeetingMessages, StoredEvent } from './eventStore';

/**
 * Local-only `/dev/calendar-events`: every event the simulator holds (all tenants), and what
 * people do in Outlook that the app must notice: an attendee responds, the organizer cancels or
 * moves the meeting. Changes go through the same store Graph serves, so the app sees them by
 * re-reading the event.
 *
 * - `GET  /dev/calendar-events`
 * - `POST /dev/calendar-events/{eventId}/respond` `{ "attendeeId", "response" }`
 * - `POST /dev/calendar-events/{eventId}/cancel`
 * - `POST /dev/calendar-events/{eventId}/move` `{ "start", "end" }` (ISO 8601 with offset)
 */

export interface DevCalendarEvent {
  id: string;
  tenantId: string;
  organizer: { id: string; mail: string };
  attendees: { id: string | null; mail: string; response: string }[];
  /** UTC ISO instants. */
  start: string;
  end: string;
  subject: string;
  isCancelled: boolean;
  transactionId: string | null;
  isOnlineMeeting: boolean;
  joinUrl: string | null;
  /** Meeting messages sent to the attendees: requests (invites), updates, cancellations. */
  sent: MeetingMessages;
}

const respondBody = z.strictObject({
  attendeeId: z.string().trim().min(1),
  response: z.enum(['accepted', 'declined', 'tentativelyAccepted']),
});
const moveBody = z
  .strictObject({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  })
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), {
    message: 'end must be after start',
    path: ['end'],
  });
const noBody = z.strictObject({});

export function toDevCalendarEvent(event: StoredEvent): DevCalendarEvent {
  return {
    id: event.id,
    tenantId: event.tenantId,
    organizer: { id: event.organizer.userId, mail: event.organizer.address },
    attendees: event.attendees
      .filter((a) => !a.dropped)
      .map((a) => ({ id: a.userId, mail: a.address, response: a.response })),
    start: new Date(event.startMs).toISOString(),
    end: new Date(event.endMs).toISOString(),
    subject: event.subject,
    isCancelled: event.isCancelled,
    transactionId: event.transactionId,
    isOnlineMeeting: event.isOnlineMeeting,
    joinUrl: event.joinUrl,
    sent: { ...event.sent },
  };
}

export function createCalendarDevControls(events: EventStore): DevHandler {
  return {
    async handle(req, res, path) {
      if (path === '/dev/calendar-events' || path === '/dev/calendar-events/') {
        if (req.method === 'GET') sendJson(res, 200, events.all().map(toDevCalendarEvent));
        else methodNotAllowed(res, 'GET');
        return true;
      }
      const match = /^\/dev\/calendar-events\/([^/]+)\/(respond|cancel|move)$/.exec(path);
      if (!match) return false;
      if (req.method !== 'POST') {
        methodNotAllowed(res, 'POST');
        return true;
      }
      const event = events.find(safeDecode(match[1]));
      if (!event) {
        notFound(res, match[1]);
        return true;
      }
      const action = match[2];
      if (action === 'respond') {
        const body = await readValidBody(req, res, respondBody, 'response');
        if (!body) return true;
        try {
          events.respond(event.tenantId, event.id, body.attendeeId.toLowerCase(), body.response);
        } catch (error) {
          if (!(error instanceof EventStoreError)) throw error;
          const message = `${body.attendeeId} is not an attendee of this event.`;
          sendProblem(res, 400, 'validation', message, [{ path: 'attendeeId', message }]);
          return true;
        }
      } else if (action === 'cancel') {
        if (!(await readValidBody(req, res, noBody, 'cancellation (it takes no fields)'))) {
          return true;
        }
        events.cancel(event.tenantId, event.id);
      } else {
        const body = await readValidBody(req, res, moveBody, 'move');
        if (!body) return true;
        events.update(event.tenantId, event.id, {
          startMs: Date.parse(body.start),
          endMs: Date.parse(body.end),
        });
      }
      sendJson(res, 200, toDevCalendarEvent(event));
      return true;
    },
  };
}

function notFound(res: ServerResponse, eventId: string): void {
  sendProblem(res, 404, 'not-found', `No calendar event with id ${safeDecode(eventId)}.`);
}
