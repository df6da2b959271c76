import { z } from 'zod';

import type { DemoUser } from '../demo-org/types';
import { parseDateTimeTimeZone, preferenceApplied, preferredTimeZone } from './calendarTime';
import { parseEventSelect, renderEvent } from './eventPayload';
import type { EventPatch, MailboxEvent, NewAttendee } from './eventStore';
import { GraphHttpError } from './graphErrors';
import type { GraphRequestContext, GraphResult, GraphRoute } from './graphRoute';
import {
  READ_CALENDARS_ROLES,
  WRITE_CALENDARS_ROLES,
  findMailboxOrThrow,
  findUserByAddress,
} from './mailboxes';
import { assertOnlyOptions } from './odataQuery';
import { parseBody } from './requestBody';

/**
 * Events on a user's calendar: create (organizer = the mailbox in the path), read, update and
 * delete one event, the organizer's `cancel` and an attendee's `accept`/`tentativelyAccept`/
 * `decline`, and `calendarView` (the events overlapping a window, paged like Outlook with `$top`
 * and `$skip`). Behaviour that the app's idempotency depends on is described in eventStore.ts.
 */

const USER = '/users/([^/]+)';
const EVENTS = `${USER}(?:/calendar)?/events`;
const EVENT = `${EVENTS}/([^/]+)`;

export function eventRoutes(): GraphRoute[] {
  const route = (
    method: GraphRoute['method'],
    source: string,
    anyRole: readonly string[],
    handle: GraphRoute['handle'],
  ): GraphRoute => ({ method, pattern: new RegExp(`^${source}/?$`, 'i'), anyRole, handle });
  return [
    route('POST', EVENTS, WRITE_CALENDARS_ROLES, createEvent),
    route('GET', EVENT, READ_CALENDARS_ROLES, getEvent),
    route('PATCH', EVENT, WRITE_CALENDARS_ROLES, updateEvent),
    route('DELETE', EVENT, WRITE_CALENDARS_ROLES, deleteEvent),
    route('POST', `${EVENT}/cancel`, WRITE_CALENDARS_ROLES, cancelEvent),
    route('POST', `${EVENT}/accept`, WRITE_CALENDARS_ROLES, respondAs('accepted')),
    route(
      'POST',
      `${EVENT}/tentativelyAccept`,
      WRITE_CALENDARS_ROLES,
      respondAs('tentativelyAccepted'),
    ),
    route('POST', `${EVENT}/decline`, WRITE_CALENDARS_ROLES, respondAs('declined')),
    route('GET', `${USER}(?:/calendar)?/calendarView`, READ_CALENDARS_ROLES, calendarView),
  ];
}

const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });
const itemBody = z.object({
  contentType: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['text', 'html'])),
  content: z.string().max(1_000_000),
});
const attendee = z.object({
  emailAddress: z.object({
    address: z
      .string()
      .trim()
      .regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address'),
    name: z.string().optional(),
  }),
  type: z.enum(['required', 'optional', 'resource']).optional(),
});
const showAs = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']);

/** The event properties the simulator understands; others Graph knows are accepted and ignored. */
const eventFields = {
  subject: z.string().max(255).optional(),
  body: itemBody.optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  attendees: z.array(attendee).max(500, 'an event has at most 500 attendees').optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z
    .enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown'])
    .optional(),
  transactionId: z.string().min(1).max(255).nullable().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  location: z.object({ displayName: z.string().optional() }).optional(),
  showAs: showAs.optional(),
  isAllDay: z.literal(false, 'all-day events are not simulated').optional(),
  categories: z.array(z.string()).optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  isReminderOn: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().int().optional(),
  responseRequested: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
  '@odata.type': z.string().optional(),
};
const newEventBody = z.strictObject(eventFields);
const eventPatchBody = z.strictObject(eventFields).partial();
const responseBody = z.strictObject({
  comment: z.string().optional(),
  sendResponse: z.boolean().optional(),
});
const cancelBody = z.strictObject({ comment: z.string().optional() });

const EVENT_TYPE = 'microsoft.graph.event';

function createEvent(context: GraphRequestContext, [mailbox]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  const organizer = findMailboxOrThrow(context.store, context.tenantId, mailbox);
  const preferred = preferredTimeZone(context.headers);
  const body = parseBody(newEventBody, context.body, EVENT_TYPE);
  const startMs = parseDateTimeTimeZone(body.start);
  const endMs = parseDateTimeTimeZone(body.end);
  assertOrder(startMs, endMs);
  const isOnlineMeeting = body.isOnlineMeeting ?? false;
  const { event } = context.events.create({
    tenantId: context.tenantId,
    organizer: {
      userId: organizer.id,
      address: organizer.mail ?? organizer.userPrincipalName,
      name: organizer.displayName,
    },
    subject: body.subject ?? '',
    body: body.body ?? { contentType: 'html', content: '' },
    startMs,
    endMs,
    startTimeZone: body.start.timeZone,
    endTimeZone: body.end.timeZone,
    location: body.location?.displayName ?? '',
    showAs: body.showAs ?? 'busy',
    attendees: resolveAttendees(context, body.attendees ?? []),
    isOnlineMeeting,
    onlineMeetingProvider: body.onlineMeetingProvider ?? 'teamsForBusiness',
    allowNewTimeProposals: body.allowNewTimeProposals ?? true,
    transactionId: body.transactionId ?? null,
  });
  // A repeated transactionId answers 201 with the existing event, as Outlook does.
  return {
    status: 201,
    body: {
      '@odata.context': context.links.context(`users('${organizer.id}')/events/$entity`),
      ...renderEvent({ event, role: { kind: 'organizer' } }, preferred.zone),
    },
    headers: preferenceApplied(preferred),
  };
}

function getEvent(context: GraphRequestContext, [mailbox, eventId]: string[]): GraphResult {
  assertOnlyOptions(context.query, ['$select']);
  const select = parseEventSelect(context.query.get('$select'));
  const { user, held } = heldEvent(context, mailbox, eventId);
  const preferred = preferredTimeZone(context.headers);
  return {
    status: 200,
    body: {
      '@odata.context': context.links.context(`users('${user.id}')/events/$entity`),
      ...renderEvent(held, preferred.zone, select),
    },
    headers: preferenceApplied(preferred),
  };
}

function updateEvent(context: GraphRequestContext, [mailbox, eventId]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  const { user, held } = heldEvent(context, mailbox, eventId);
  if (held.role.kind !== 'organizer') {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "The local Graph simulator lets only the organizer update a meeting; an attendee's changes to their own copy are not modelled.",
    );
  }
  const preferred = preferredTimeZone(context.headers);
  const body = parseBody(eventPatchBody, context.body, EVENT_TYPE);
  if (body.transactionId !== undefined && body.transactionId !== held.event.transactionId) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "After you set transactionId when creating an event, you can't change it in a later update.",
    );
  }
  // An update (https://learn.microsoft.com/graph/api/event-update) keeps the event, its id and
  // transactionId. It reaches the attendees as a meeting update (counted in the event's `sent`),
  // never a new invite; only an attendees-only update is limited to the attendees that changed.
  // A body without the Teams meeting blob disables the online meeting, as that page warns.
  const patch: EventPatch = {
    subject: body.subject,
    body: body.body,
    location: body.location ? (body.location.displayName ?? '') : undefined,
    showAs: body.showAs,
    isOnlineMeeting: body.isOnlineMeeting,
    allowNewTimeProposals: body.allowNewTimeProposals,
    attendees: body.attendees ? resolveAttendees(context, body.attendees) : undefined,
  };
  if (body.start) {
    patch.startMs = parseDateTimeTimeZone(body.start);
    patch.startTimeZone = body.start.timeZone;
  }
  if (body.end) {
    patch.endMs = parseDateTimeTimeZone(body.end);
    patch.endTimeZone = body.end.timeZone;
  }
  assertOrder(patch.startMs ?? held.event.startMs, patch.endMs ?? held.event.endMs);
  const event = context.events.update(context.tenantId, held.event.id, patch);
  return {
    status: 200,
    body: {
      '@odata.context': context.links.context(`users('${user.id}')/events/$entity`),
      ...renderEvent({ event, role: held.role }, preferred.zone),
    },
    headers: preferenceApplied(preferred),
  };
}

function deleteEvent(context: GraphRequestContext, [mailbox, eventId]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  const { user, held } = heldEvent(context, mailbox, eventId);
  if (held.role.kind === 'organizer') context.events.cancel(context.tenantId, held.event.id);
  else context.events.removeCopy(context.tenantId, held.event.id, user.id);
  return { status: 204, body: undefined };
}

function cancelEvent(context: GraphRequestContext, [mailbox, eventId]: string[]): GraphResult {
  assertOnlyOptions(context.query, []);
  const { held } = heldEvent(context, mailbox, eventId);
  parseBody(cancelBody, context.body ?? {}, 'microsoft.graph.cancel');
  if (held.role.kind !== 'organizer') {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );
  }
  context.events.cancel(context.tenantId, held.event.id);
  return { status: 202, body: undefined };
}

function respondAs(response: 'accepted' | 'tentativelyAccepted' | 'declined') {
  return (context: GraphRequestContext, [mailbox, eventId]: string[]): GraphResult => {
    assertOnlyOptions(context.query, []);
    const { user, held } = heldEvent(context, mailbox, eventId);
    parseBody(responseBody, context.body ?? {}, `microsoft.graph.${response}`);
    if (held.role.kind !== 'attendee') {
      throw new GraphHttpError(
        400,
        'ErrorInvalidRequest',
        "Your request can't be completed. You can't respond to a meeting you organized.",
      );
    }
    context.events.respond(context.tenantId, held.event.id, user.id, response);
    return { status: 202, body: undefined };
  };
}

const DEFAULT_VIEW_PAGE = 10;
const MAX_VIEW_PAGE = 1000;

function calendarView(context: GraphRequestContext, [mailbox]: string[]): GraphResult {
  const { query } = context;
  assertOnlyOptions(query, ['$top', '$skip', '$select']);
  const user = findMailboxOrThrow(context.store, context.tenantId, mailbox);
  const fromText = query.get('startdatetime');
  const toText = query.get('enddatetime');
  if (!fromText || !toText) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const fromMs = parseInstant(fromText, 'StartDateTime');
  const toMs = parseInstant(toText, 'EndDateTime');
  const top = boundedInt(query.get('$top'), '$top', 1, MAX_VIEW_PAGE) ?? DEFAULT_VIEW_PAGE;
  const skip = boundedInt(query.get('$skip'), '$skip', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const select = parseEventSelect(query.get('$select'));
  const preferred = preferredTimeZone(context.headers);

  const events = context.events.calendarOf(context.tenantId, user.id, fromMs, toMs);
  const page = events.slice(skip, skip + top);
  const more = skip + top < events.length;
  const nextQuery = [
    `startDateTime=${encodeURIComponent(fromText)}`,
    `endDateTime=${encodeURIComponent(toText)}`,
    `$top=${top}`,
    `$skip=${skip + top}`,
    ...(query.has('$select') ? [`$select=${encodeURIComponent(query.get('$select') ?? '')}`] : []),
  ].join('&');
  return {
    status: 200,
    body: {
      '@odata.context': context.links.context(`users('${user.id}')/calendarView`),
      ...(more
        ? {
            '@odata.nextLink': `${context.links.v1}/users/${encodeURIComponent(mailbox)}/calendarView?${nextQuery}`,
          }
        : {}),
      value: page.map((held) => renderEvent(held, preferred.zone, select)),
    },
    headers: preferenceApplied(preferred),
  };
}

/** The event as the path's mailbox holds it; 404 like Exchange when that mailbox has no such item. */
function heldEvent(
  context: GraphRequestContext,
  mailbox: string,
  eventId: string,
): { user: DemoUser; held: MailboxEvent } {
  const user = findMailboxOrThrow(context.store, context.tenantId, mailbox);
  const held = context.events.inMailbox(context.tenantId, user.id, eventId);
  if (!held) {
    throw new GraphHttpError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  }
  return { user, held };
}

function resolveAttendees(
  context: GraphRequestContext,
  attendees: z.infer<typeof attendee>[],
): NewAttendee[] {
  const seen = new Set<string>();
  const resolved: NewAttendee[] = [];
  for (const a of attendees) {
    const address = a.emailAddress.address;
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    const user = findUserByAddress(context.store, context.tenantId, address);
    resolved.push({
      address,
      name: a.emailAddress.name ?? user?.displayName ?? address,
      type: a.type ?? 'required',
      // Someone without a mailbox cannot receive the invitation: no calendar copy for them.
      userId: user && user.mail !== null ? user.id : null,
    });
  }
  return resolved;
}

function assertOrder(startMs: number, endMs: number): void {
  if (endMs < startMs) {
    throw new GraphHttpError(
      400,
      'ErrorCalendarEndDateIsEarlierThanStartDate',
      'The end date occurs before the start date.',
    );
  }
}

/** calendarView's window: ISO 8601; without an offset the value is UTC (Prefer does not apply). */
function parseInstant(text: string, name: string): number {
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(withZone) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidParameter',
      `The value '${text}' of parameter '${name}' is invalid.`,
    );
  }
  return ms;
}

function boundedInt(
  raw: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidParameter',
      `The value '${raw}' of parameter '${name}' is invalid: use a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}
