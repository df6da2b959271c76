import type { Attendee, Event, ResponseType } from '@microsoft/microsoft-graph-types';

import { renderDateTimeTimeZone } from './calendarTime';
import type { AttendeeResponse, MailboxEvent } from './eventStore';
import { statusOnCalendar } from './freeBusy';
import { GraphHttpError } from './graphErrors';

/**
 * A stored event as Graph returns it from one mailbox: the organizer's copy, or an attendee's
 * copy with their own `responseStatus` ("notResponded" before they answer, as Outlook reports it
 * from the attendee's side) and, once cancelled, Exchange's "Canceled: " subject prefix.
 */

const NEVER = '0001-01-01T00:00:00Z';

export const EVENT_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'transactionId',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'iCalUId',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'hasAttachments',
  'subject',
  'bodyPreview',
  'importance',
  'sensitivity',
  'isAllDay',
  'isCancelled',
  'isOrganizer',
  'responseRequested',
  'seriesMasterId',
  'showAs',
  'type',
  'webLink',
  'onlineMeetingUrl',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'isDraft',
  'hideAttendees',
  'responseStatus',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'recurrence',
  'attendees',
  'organizer',
  'onlineMeeting',
] as const satisfies readonly (keyof Event)[];

export type EventProperty = (typeof EVENT_PROPERTIES)[number];

export function renderEvent(
  held: MailboxEvent,
  zone: string,
  select: readonly EventProperty[] | null = null,
): Event & { '@odata.etag': string } {
  const { event, role } = held;
  const isOrganizer = role.kind === 'organizer';
  const cancelledForAttendee = !isOrganizer && event.isCancelled;
  const full: Required<Pick<Event, EventProperty>> = {
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: [],
    transactionId: event.transactionId,
    originalStartTimeZone: event.originalStartTimeZone,
    originalEndTimeZone: event.originalEndTimeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: cancelledForAttendee ? `Canceled: ${event.subject}` : event.subject,
    bodyPreview: preview(event.body),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: event.isCancelled,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: statusOnCalendar(held),
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    allowNewTimeProposals: event.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: false,
    responseStatus:
      role.kind === 'organizer'
        ? { response: 'organizer', time: NEVER }
        : {
            response: ownResponse(role.attendee.response),
            time: role.attendee.responseTime ?? NEVER,
          },
    body: { contentType: event.body.contentType, content: event.body.content },
    start: renderDateTimeTimeZone(event.startMs, zone),
    end: renderDateTimeTimeZone(event.endMs, zone),
    location: {
      displayName: event.location,
      locationType: 'default',
      uniqueIdType: 'unknown',
      address: {},
      coordinates: {},
    },
    locations: event.location ? [{ displayName: event.location, locationType: 'default' }] : [],
    recurrence: null,
    attendees: event.attendees
      .filter((a) => !a.dropped)
      .map((a): Attendee => ({
        type: a.type,
        status: { response: a.response, time: a.responseTime ?? NEVER },
        emailAddress: { name: a.name, address: a.address },
      })),
    organizer: {
      emailAddress: { name: event.organizer.name, address: event.organizer.address },
    },
    onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
  };
  const properties = (select ?? EVENT_PROPERTIES).filter(
    // transactionId only comes back when an app set it (event resource docs).
    (p) => p !== 'transactionId' || event.transactionId !== null,
  );
  const picked: Event = Object.fromEntries(properties.map((p) => [p, full[p]]));
  return { '@odata.etag': `W/"${event.changeKey}"`, ...picked, id: event.id };
}

function ownResponse(response: AttendeeResponse): ResponseType {
  return response === 'none' ? 'notResponded' : response;
}

/** Plain text of the body, as Outlook's `bodyPreview` (at most 255 characters). */
function preview(body: { contentType: 'text' | 'html'; content: string }): string {
  const text =
    body.contentType === 'html'
      ? body.content
          .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<br\s*\/?>|<\/p>|<\/li>|<\/div>/gi, ' ')
          .replace(/<[^>]+>/g, '')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
      : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** `$select` on events: known properties only, so a typo is a 400 rather than a missing field. */
export function parseEventSelect(raw: string | undefined): EventProperty[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  const known = new Map(EVENT_PROPERTIES.map((p) => [p.toLowerCase(), p]));
  return raw.split(',').map((name) => {
    const property = known.get(name.trim().toLowerCase());
    if (!property) {
      throw new GraphHttpError(
        400,
        'BadRequest',
        `Could not find a property named '${name.trim()}' on type 'microsoft.graph.event'.`,
      );
    }
    return property;
  });
}
