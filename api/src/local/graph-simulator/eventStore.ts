import { randomBytes } from 'node:crypto';

import type {
  AttendeeType,
  FreeBusyStatus,
  OnlineMeetingProviderType,
} from '@microsoft/microsoft-graph-types';

/**
 * Calendar events the simulator's clients create, per tenant. One stored event is the meeting as
 * the organizer sees it; an attendee's copy is the same event reached from the attendee's mailbox
 * (Exchange keeps separate items with separate ids; one id is enough for what the app does and
 * keeps the dev controls simple).
 *
 * Rules taken from Outlook's behaviour:
 * - `transactionId` deduplicates creations per organizer mailbox: a repeated POST with an id that
 *   an event on that calendar already carries returns that event (201) and creates nothing. Source:
 *   the event resource docs ("avoid redundant POST operations in case of client retries") and a
 *   Microsoft support engineer's test (blog.rykoma.net, 2020-10-05): the repeated POST answered
 *   201 but no new event appeared.
 * - The organizer deleting (or cancelling) a meeting removes it from their calendar (a later GET
 *   there is 404 ErrorItemNotFound) and sends a cancellation: attendees keep a copy marked
 *   `isCancelled: true`, which no longer blocks their time.
 * - Moving a meeting resets the attendees' responses: they are asked again.
 * - A declined meeting leaves the attendee's calendar view and free/busy (Outlook's default moves
 *   declined meetings to Deleted Items); the organizer still sees the decline on the attendee.
 * - Creating an online meeting appends Teams' join information (the "meeting blob") to an HTML
 *   body; an update whose body drops the join link disables the online meeting ("Inadvertently
 *   removing the meeting blob from the body would disable meeting online",
 *   https://learn.microsoft.com/graph/api/event-update).
 * - Messages to attendees (`sent`): the create is one meeting request; an organizer's update is
 *   one meeting update to them all (the same page: only an attendees-only update is limited to the
 *   attendees that changed, who get a request); a cancellation is one cancellation. A body-only
 *   update is an update, never a new request.
 */

export type AttendeeResponse = 'none' | 'accepted' | 'declined' | 'tentativelyAccepted';

export interface StoredAttendee {
  address: string;
  name: string;
  type: AttendeeType;
  /** The attendee's user in the same tenant, or null for an address we cannot resolve. */
  userId: string | null;
  response: AttendeeResponse;
  /** ISO instant of the last response, or null before any. */
  responseTime: string | null;
  /** The organizer took them off the meeting. */
  dropped: boolean;
  /** The attendee deleted their copy (they stay invited as far as the organizer sees). */
  copyDeleted: boolean;
}

export interface StoredEvent {
  id: string;
  tenantId: string;
  iCalUId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  organizer: { userId: string; address: string; name: string };
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  startMs: number;
  endMs: number;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  location: string;
  /** How the organizer's calendar shows the time. */
  showAs: FreeBusyStatus;
  attendees: StoredAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: OnlineMeetingProviderType;
  joinUrl: string | null;
  allowNewTimeProposals: boolean;
  transactionId: string | null;
  isCancelled: boolean;
  /** Gone from the organizer's calendar (deleted or cancelled there). */
  organizerDeleted: boolean;
  /** Meeting messages the organizer's mailbox sent the attendees, each counted once. */
  sent: MeetingMessages;
}

export interface MeetingMessages {
  requests: number;
  updates: number;
  cancellations: number;
}

export interface NewAttendee {
  address: string;
  name: string;
  type: AttendeeType;
  userId: string | null;
}

export interface NewEvent {
  tenantId: string;
  organizer: { userId: string; address: string; name: string };
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  startMs: number;
  endMs: number;
  startTimeZone: string;
  endTimeZone: string;
  location: string;
  showAs: FreeBusyStatus;
  attendees: NewAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: OnlineMeetingProviderType;
  allowNewTimeProposals: boolean;
  transactionId: string | null;
}

export interface EventPatch {
  subject?: string;
  body?: { contentType: 'text' | 'html'; content: string };
  startMs?: number;
  endMs?: number;
  startTimeZone?: string;
  endTimeZone?: string;
  location?: string;
  showAs?: FreeBusyStatus;
  attendees?: NewAttendee[];
  isOnlineMeeting?: boolean;
  allowNewTimeProposals?: boolean;
}

/** How one mailbox holds an event. */
export type MailboxRole = { kind: 'organizer' } | { kind: 'attendee'; attendee: StoredAttendee };

export interface MailboxEvent {
  event: StoredEvent;
  role: MailboxRole;
}

export interface EventStore {
  /** Creates the event, or returns the organizer's event that already carries the transactionId. */
  create(input: NewEvent): { event: StoredEvent; created: boolean };
  get(tenantId: string, eventId: string): StoredEvent | undefined;
  /** The event as `userId`'s mailbox holds it, if it does. */
  inMailbox(tenantId: string, userId: string, eventId: string): MailboxEvent | undefined;
  /** Events on `userId`'s calendar overlapping [fromMs, toMs), ordered by start. */
  calendarOf(tenantId: string, userId: string, fromMs: number, toMs: number): MailboxEvent[];
  update(tenantId: string, eventId: string, patch: EventPatch): StoredEvent;
  /** The organizer deletes or cancels: gone for them, cancelled for attendees. */
  cancel(tenantId: string, eventId: string): StoredEvent;
  respond(
    tenantId: string,
    eventId: string,
    userId: string,
    response: AttendeeResponse,
  ): StoredEvent;
  /** An attendee deletes their copy. */
  removeCopy(tenantId: string, eventId: string, userId: string): void;
  /** Every event of every tenant, oldest first (dev tooling). */
  all(): StoredEvent[];
  /** Every event of any tenant by id (dev tooling). */
  find(eventId: string): StoredEvent | undefined;
}

export class EventStoreError extends Error {
  override name = 'EventStoreError';
  constructor(
    readonly code: 'not-found' | 'not-attendee',
    message: string,
  ) {
    super(message);
  }
}

export function createEventStore(now: () => Date = () => new Date()): EventStore {
  const byTenant = new Map<string, Map<string, StoredEvent>>();
  /*
   * Events by the people they ever involved (organizer, attendees), and by organizer and
   * transactionId: a calendar read or a create used to scan every event of the tenant, which
   * made a 10,000-person pass quadratic. Events are never removed, only flagged, so the indexes
   * only grow; roleOf still decides what each mailbox holds.
   */
  const byParticipant = new Map<string, Set<StoredEvent>>();
  const byTransaction = new Map<string, StoredEvent[]>();
  const order = new WeakMap<StoredEvent, number>();
  let eventCount = 0;
  const personKey = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;
  const transactionKey = (tenantId: string, organizerId: string, transactionId: string) =>
    `${tenantId}\u0000${organizerId}\u0000${transactionId}`;
  const involve = (event: StoredEvent, userId: string | null) => {
    if (userId === null) return;
    const key = personKey(event.tenantId, userId);
    let events = byParticipant.get(key);
    if (!events) {
      events = new Set();
      byParticipant.set(key, events);
    }
    events.add(event);
  };
  const eventsOf = (tenantId: string) => {
    let events = byTenant.get(tenantId);
    if (!events) {
      events = new Map();
      byTenant.set(tenantId, events);
    }
    return events;
  };
  const mustGet = (tenantId: string, eventId: string): StoredEvent => {
    const event = byTenant.get(tenantId)?.get(eventId);
    if (!event) throw new EventStoreError('not-found', `No event ${eventId}`);
    return event;
  };
  const touch = (event: StoredEvent) => {
    event.lastModifiedDateTime = now().toISOString();
    event.changeKey = newChangeKey();
  };

  const store: EventStore = {
    create(input) {
      const events = eventsOf(input.tenantId);
      const txnKey =
        input.transactionId === null
          ? null
          : transactionKey(input.tenantId, input.organizer.userId, input.transactionId);
      if (txnKey !== null) {
        const existing = byTransaction.get(txnKey)?.find((e) => !e.organizerDeleted);
        if (existing) return { event: existing, created: false };
      }
      const createdAt = now().toISOString();
      const id = newEventId();
      const joinUrl = input.isOnlineMeeting
        ? newJoinUrl(input.tenantId, input.organizer.userId)
        : null;
      const event: StoredEvent = {
        id,
        tenantId: input.tenantId,
        iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(24).toString('hex').toUpperCase()}`,
        changeKey: newChangeKey(),
        createdDateTime: createdAt,
        lastModifiedDateTime: createdAt,
        organizer: { ...input.organizer },
        subject: input.subject,
        body: input.isOnlineMeeting ? withMeetingBlob(input.body, joinUrl) : { ...input.body },
        startMs: input.startMs,
        endMs: input.endMs,
        originalStartTimeZone: input.startTimeZone,
        originalEndTimeZone: input.endTimeZone,
        location: input.location,
        showAs: input.showAs,
        attendees: input.attendees.map(freshAttendee),
        isOnlineMeeting: input.isOnlineMeeting,
        onlineMeetingProvider: input.isOnlineMeeting ? input.onlineMeetingProvider : 'unknown',
        joinUrl,
        allowNewTimeProposals: input.allowNewTimeProposals,
        transactionId: input.transactionId,
        isCancelled: false,
        organizerDeleted: false,
        sent: { requests: input.attendees.length > 0 ? 1 : 0, updates: 0, cancellations: 0 },
      };
      events.set(id, event);
      order.set(event, eventCount++);
      involve(event, event.organizer.userId);
      for (const attendee of event.attendees) involve(event, attendee.userId);
      if (txnKey !== null) byTransaction.set(txnKey, [...(byTransaction.get(txnKey) ?? []), event]);
      return { event, created: true };
    },

    get: (tenantId, eventId) => byTenant.get(tenantId)?.get(eventId),

    inMailbox(tenantId, userId, eventId) {
      const event = byTenant.get(tenantId)?.get(eventId);
      return event ? roleOf(event, userId) : undefined;
    },

    calendarOf(tenantId, userId, fromMs, toMs) {
      const found: MailboxEvent[] = [];
      for (const event of byParticipant.get(personKey(tenantId, userId)) ?? []) {
        if (event.startMs >= toMs || event.endMs <= fromMs) continue;
        const held = roleOf(event, userId);
        if (!held) continue;
        if (held.role.kind === 'attendee' && held.role.attendee.response === 'declined') continue;
        found.push(held);
      }
      // Ties in creation order, as a scan of the tenant's events met them.
      const rank = (e: StoredEvent) => order.get(e) ?? 0;
      return found.sort(
        (a, b) => a.event.startMs - b.event.startMs || rank(a.event) - rank(b.event),
      );
    },

    update(tenantId, eventId, patch) {
      const event = mustGet(tenantId, eventId);
      const moved =
        (patch.startMs !== undefined && patch.startMs !== event.startMs) ||
        (patch.endMs !== undefined && patch.endMs !== event.endMs);
      if (patch.subject !== undefined) event.subject = patch.subject;
      if (patch.body !== undefined) {
        event.body = { ...patch.body };
        if (event.joinUrl !== null && !patch.body.content.includes(event.joinUrl)) {
          event.isOnlineMeeting = false;
          event.onlineMeetingProvider = 'unknown';
          event.joinUrl = null;
        }
      }
      if (patch.startMs !== undefined) event.startMs = patch.startMs;
      if (patch.endMs !== undefined) event.endMs = patch.endMs;
      if (patch.startTimeZone !== undefined) event.originalStartTimeZone = patch.startTimeZone;
      if (patch.endTimeZone !== undefined) event.originalEndTimeZone = patch.endTimeZone;
      if (patch.location !== undefined) event.location = patch.location;
      if (patch.showAs !== undefined) event.showAs = patch.showAs;
      if (patch.allowNewTimeProposals !== undefined) {
        event.allowNewTimeProposals = patch.allowNewTimeProposals;
      }
      if (patch.isOnlineMeeting === true && !event.isOnlineMeeting) {
        event.isOnlineMeeting = true;
        event.onlineMeetingProvider = 'teamsForBusiness';
        event.joinUrl = newJoinUrl(tenantId, event.organizer.userId);
      }
      if (patch.attendees !== undefined) {
        event.attendees = mergeAttendees(event, patch.attendees);
        for (const attendee of event.attendees) involve(event, attendee.userId);
      }
      const onlyAttendees = Object.entries(patch).every(
        ([key, value]) => key === 'attendees' || value === undefined,
      );
      if (onlyAttendees) {
        if (patch.attendees !== undefined) event.sent.requests++;
      } else event.sent.updates++;
      if (moved) {
        // A new time is a new question: everyone is asked again.
        for (const attendee of event.attendees) {
          attendee.response = 'none';
          attendee.responseTime = null;
        }
      }
      touch(event);
      return event;
    },

    cancel(tenantId, eventId) {
      const event = mustGet(tenantId, eventId);
      if (!event.organizerDeleted) {
        event.organizerDeleted = true;
        event.isCancelled = true;
        if (event.attendees.length > 0) event.sent.cancellations++;
        touch(event);
      }
      return event;
    },

    respond(tenantId, eventId, userId, response) {
      const event = mustGet(tenantId, eventId);
      const attendee = event.attendees.find((a) => a.userId === userId && !a.dropped);
      if (!attendee) {
        throw new EventStoreError(
          'not-attendee',
          `User ${userId} is not an attendee of ${eventId}`,
        );
      }
      attendee.response = response;
      attendee.responseTime = now().toISOString();
      touch(event);
      return event;
    },

    removeCopy(tenantId, eventId, userId) {
      const event = mustGet(tenantId, eventId);
      for (const attendee of event.attendees) {
        if (attendee.userId === userId) attendee.copyDeleted = true;
      }
    },

    all: () =>
      [...byTenant.values()]
        .flatMap((events) => [...events.values()])
        .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime)),

    find(eventId) {
      for (const events of byTenant.values()) {
        const event = events.get(eventId);
        if (event) return event;
      }
      return undefined;
    },
  };
  return store;
}

function roleOf(event: StoredEvent, userId: string): MailboxEvent | undefined {
  if (event.organizer.userId === userId) {
    return event.organizerDeleted ? undefined : { event, role: { kind: 'organizer' } };
  }
  const attendee = event.attendees.find((a) => a.userId === userId && !a.dropped && !a.copyDeleted);
  return attendee ? { event, role: { kind: 'attendee', attendee } } : undefined;
}

function freshAttendee(attendee: NewAttendee): StoredAttendee {
  return { ...attendee, response: 'none', responseTime: null, dropped: false, copyDeleted: false };
}

/** Keeps the responses of people who stay; newcomers start unanswered; leavers lose the meeting. */
function mergeAttendees(event: StoredEvent, next: NewAttendee[]): StoredAttendee[] {
  const key = (a: { address: string }) => a.address.toLowerCase();
  const wanted = new Set(next.map(key));
  const kept = new Map(event.attendees.map((a) => [key(a), a]));
  const merged = next.map((a) => {
    const previous = kept.get(key(a));
    return previous
      ? { ...previous, name: a.name, type: a.type, dropped: false }
      : freshAttendee(a);
  });
  const dropped = event.attendees
    .filter((a) => !wanted.has(key(a)))
    .map((a) => ({ ...a, dropped: true }));
  return [...merged, ...dropped];
}

/** Shaped like Exchange ids (base64 of a mailbox item id), but URL-safe. */
function newEventId(): string {
  return `AAMkAGI2${randomBytes(48).toString('base64url')}AAA=`;
}

function newChangeKey(): string {
  return randomBytes(12).toString('base64');
}

/**
 * Teams' join information as Exchange appends it to an online meeting's HTML body: a rule of
 * underscores, the heading and the join link. A text body gets the link on its own line.
 */
function withMeetingBlob(
  body: { contentType: 'text' | 'html'; content: string },
  joinUrl: string | null,
): { contentType: 'text' | 'html'; content: string } {
  if (joinUrl === null) return { ...body };
  if (body.contentType === 'text') {
    return { ...body, content: `${body.content}\n\nMicrosoft Teams meeting\nJoin: ${joinUrl}\n` };
  }
  const blob =
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36;">' +
    '________________________________________________________________________________</span></div>' +
    '<div class="me-email-text"><div style="margin-bottom:24px;"><span style="font-size:24px;">' +
    `Microsoft Teams meeting</span></div><div><a class="me-email-headline" href="${joinUrl}">` +
    'Join the meeting now</a></div></div>';
  return { ...body, content: `${body.content}${blob}` };
}

function newJoinUrl(tenantId: string, organizerId: string): string {
  const thread = `19%3ameeting_${randomBytes(18).toString('base64url')}%40thread.v2`;
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId }));
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`;
}
