import { randomUUID } from 'node:crypto';

import type { HttpResponseInit } from '@azure/functions';

import { pickSlotSchema } from '../../contract/conversationContract';
import type { PickSuggestionsView } from '../../contract/conversationContract';
import type { ConversationRecord } from '../../domain/conversations/records';
import type { IsoInterval, PickInput } from '../../domain/scheduling';
import {
  daysOffFor,
  quarterBounds,
  stillPickable,
  suggestPickSlots,
} from '../../domain/scheduling';
import type { Stored } from '../../domain/stored';
import { conflict, forbidden, notFound, Problem } from '../../errors/problem';
import { createCalendarGateway } from '../../graph/calendarGateway';
import type { CalendarGateway } from '../../graph/calendarGateway';
import { jsonBody } from '../../http/requestParsing';
import { json, ok } from '../../http/responses';
import type { CallerRouteInput } from '../../http/route';
import { agendaForPair } from '../../scheduler/agendaForPair';
import { fallbackWorkingHours, readAvailability } from '../../scheduler/availabilityReads';
import { completeBooking } from '../../scheduler/booking';
import type { BookingPerson } from '../../scheduler/booking';
import type { PassLeases } from '../../scheduler/leases';
import { claim, heldByAnother, newLease } from '../../scheduler/leases';
import type { Services } from '../../services';
import { openBoard } from '../board/openBoard';
import type { OpenBoard } from '../board/openBoard';
import { conversationIdParam, conversationView } from './conversations';

/**
 * The manager's pick: when the pass found no time for a pair (their working hours never meet, or
 * not even the stretch helps), the manager chooses one of the times computed from both calendars,
 * and it is booked through the same pair record and booking code as the pass's bookings: the
 * record goes pending with a lease before Graph hears of it, so retries and concurrent picks
 * still send one invite.
 */

/** The states in which a pair waits for a time; the manager may pick one. */
const PICKABLE = new Set<ConversationRecord['status']>(['needs-manager-pick', 'unbooked']);
/** Nothing is offered sooner than this, so the invite is no surprise. */
const LEAD_MS = 24 * 3_600_000;
/** How far ahead the offered times reach (inside the conversation's own quarter). */
const HORIZON_MS = 21 * 24 * 3_600_000;

interface PickContext {
  input: CallerRouteInput;
  board: OpenBoard;
  record: Stored<ConversationRecord>;
  employee: BookingPerson;
  manager: BookingPerson;
  /** Graph's officeLocation of each, for the tenant's per-office days off. */
  offices: { employee: string | null; manager: string | null };
  calendar: CalendarGateway;
}

/** GET boards/{employeeId}/conversations/{conversationId}/slots: times the manager may pick. */
export async function readPickSlots(input: CallerRouteInput): Promise<HttpResponseInit> {
  const context = await openPick(input);
  if (!PICKABLE.has(context.record.status))
    throw conflict(
      'This conversation is already booked or being booked; there is nothing to pick.',
    );
  const { view } = await availabilityFor(context);
  return ok(view);
}

/** POST boards/{employeeId}/conversations/{conversationId}/pick: books the time the manager chose. */
export async function pickSlot(input: CallerRouteInput): Promise<HttpResponseInit> {
  const body = await jsonBody(input.request, pickSlotSchema);
  const slot = {
    start: new Date(body.start).toISOString(),
    end: new Date(body.end).toISOString(),
  };
  const context = await openPick(input);
  const leases: PassLeases = { owner: `pick-${randomUUID()}`, clock: Date.now };
  const again = await sameSlotAgain(context, slot, leases);
  if (again) return again;
  if (!PICKABLE.has(context.record.status))
    throw conflict('This conversation is already booked for another time. Reload the board.');

  const { view, pickInput, timeZones } = await availabilityFor(context);
  if (!pickInput || !stillPickable(pickInput, slot)) {
    throw conflict(
      'That time is no longer free for both of you. Pick one of the times offered now.',
      { suggestions: view.suggestions },
    );
  }
  const { services } = input;
  const at = services.now().toISOString();
  const pending = await services.conversations.replaceIfCurrent(
    {
      ...context.record,
      status: 'pending',
      start: slot.start,
      end: slot.end,
      timeZones,
      event: null,
      unbooked: null,
      lease: newLease(leases),
      log: [...context.record.log, { at, what: 'booking', detail: 'time picked by the manager' }],
      updatedAt: at,
    },
    context.record._etag,
  );
  if (!pending) {
    // Someone else wrote first (a concurrent pick, or the pass): if it was this very time, this
    // request is a retry of that one; anything else is news the manager must see.
    const current = await readRecord(context);
    const raced = await sameSlotAgain({ ...context, record: current }, slot, leases);
    if (raced) return raced;
    throw conflict('This conversation changed while you were picking. Reload the board.');
  }
  return book(context, pending, leases, false);
}

/** A repeated pick of the time the record already holds: answer it without a second invite. */
async function sameSlotAgain(
  context: PickContext,
  slot: IsoInterval,
  leases: PassLeases,
): Promise<HttpResponseInit | null> {
  const { record } = context;
  const same = record.start === slot.start && record.end === slot.end;
  if (!same || (record.status !== 'pending' && record.status !== 'scheduled')) return null;
  if (record.status === 'scheduled') return respond(context, record, 200);
  // Another request (or the pass) is sending this invite right now: it will finish it.
  if (heldByAnother(record, leases)) return respond(context, record, 202);
  // An earlier pick saved the time but its invite may or may not have gone: look it up first.
  const claimed = await claim(context.input.services, record, leases);
  if (!claimed) return respond(context, await readRecord(context), 202);
  return book(context, claimed, leases, true);
}

async function book(
  context: PickContext,
  pending: Stored<ConversationRecord>,
  leases: PassLeases,
  lookUpFirst: boolean,
): Promise<HttpResponseInit> {
  const { services } = context.input;
  try {
    const booked = await completeBooking(
      services,
      context.calendar,
      pending,
      { employee: context.employee, manager: context.manager },
      (conversation) =>
        agendaForPair(services, context.board.tenantId, context.employee, context.manager, {
          newManager: pending.reason === 'new-manager',
          conversation,
        }),
      { lookUpFirst, leases, now: services.now() },
    );
    return respond(context, booked, 200);
  } catch (error) {
    if (error instanceof Problem) throw error;
    // The pick is saved as pending: the next pass (or a retry of this request) completes it
    // after looking for the invite on the manager's calendar, so it is never sent twice.
    throw new Problem(
      'upstream-unavailable',
      'Your pick is saved, but Microsoft 365 did not take the invite just now. Try again in a minute; Career Board also finishes it on its next run.',
    );
  }
}

async function respond(
  context: PickContext,
  record: Stored<ConversationRecord>,
  status: 200 | 202,
): Promise<HttpResponseInit> {
  const view = await conversationView(context.input.services, context.board, record);
  return json(status, view, { ETag: view.etag });
}

/** The board, the record and both people, for the pair's current manager only. */
async function openPick(input: CallerRouteInput): Promise<PickContext> {
  const board = await openBoard(input, 'read');
  if (board.role !== 'manager' || !board.manager)
    throw forbidden(
      `Only ${board.employee.displayName}'s manager picks the time of their career conversation.`,
    );
  const id = conversationIdParam(input);
  const { services } = input;
  const [record, employee, manager] = await Promise.all([
    services.conversations.read(board.tenantId, board.employeeId, id),
    services.directory.getPerson(board.tenantId, board.employeeId),
    services.directory.getPerson(board.tenantId, board.manager.id),
  ]);
  // A conversation of an earlier manager is not this manager's to book.
  if (!record || record.status === 'cancelled' || record.managerId !== board.caller.userId)
    throw notFound('This conversation does not exist on this board.');
  if (!employee?.mail || !manager?.mail)
    throw conflict(
      'One of you has no mailbox Career Board can book in. Ask your Microsoft 365 admin to check the account.',
    );
  return {
    input,
    board,
    record,
    employee: { id: employee.id, displayName: employee.displayName, mail: employee.mail },
    manager: { id: manager.id, displayName: manager.displayName, mail: manager.mail },
    offices: {
      employee: employee.officeLocation ?? null,
      manager: manager.officeLocation ?? null,
    },
    calendar: createCalendarGateway(services.graphFor(board.tenantId), services.mailboxLimiter),
  };
}

async function readRecord(context: PickContext): Promise<Stored<ConversationRecord>> {
  const { services } = context.input;
  const current = await services.conversations.read(
    context.board.tenantId,
    context.board.employeeId,
    context.record.id,
  );
  if (!current) throw notFound('This conversation does not exist on this board.');
  return current;
}

/** Where picks may go: from a day ahead, three weeks long, inside the conversation's quarter. */
function pickWindow(record: ConversationRecord, now: Date, durationMs: number): IsoInterval | null {
  const quarter = quarterBounds(record.quarter);
  const start = Math.max(now.getTime() + LEAD_MS, Date.parse(quarter.start));
  const end = Math.min(start + HORIZON_MS, Date.parse(quarter.end));
  if (end - start < durationMs) return null;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** Both calendars read now, and the times they leave; the manager's other conversations block too. */
async function availabilityFor(context: PickContext): Promise<{
  view: PickSuggestionsView;
  pickInput: PickInput | null;
  timeZones: { employee: string; manager: string };
}> {
  const { services } = context.input;
  const { tenantId } = context.board;
  const { settings } = await services.settings.read(tenantId);
  const fallback = fallbackWorkingHours(settings);
  const empty = (timeZones: { employee: string; manager: string }) => ({
    view: { conversationId: context.record.id, timeZones, suggestions: [] },
    pickInput: null,
    timeZones,
  });
  const window = pickWindow(context.record, services.now(), settings.durationMinutes * 60_000);
  if (!window) return empty({ employee: fallback.timeZone, manager: fallback.timeZone });
  const managerMail = context.manager.mail!.toLowerCase();
  const employeeMail = context.employee.mail!.toLowerCase();
  const [availability, others] = await Promise.all([
    readAvailability(
      context.calendar,
      context.manager.id,
      [managerMail, employeeMail],
      window,
      fallback,
    ),
    otherConversationsOf(services, tenantId, context.manager.id, context.record.employeeId),
  ]);
  const manager = availability.get(managerMail);
  const employee = availability.get(employeeMail);
  if (!manager || !employee || typeof manager === 'string' || typeof employee === 'string')
    throw new Problem(
      'upstream-unavailable',
      'Career Board could not read both calendars just now. Try again in a few minutes.',
    );
  // Nobody is offered a time on their days off, nor outside the tenant's stretch limits (the
  // settings carry them even with stretching off, so nobody is offered 3 a.m.).
  const pickInput: PickInput = {
    manager: {
      ...manager,
      daysOff: daysOffFor(context.offices.manager, settings.nonWorkingDates, window),
    },
    employee: {
      ...employee,
      daysOff: daysOffFor(context.offices.employee, settings.nonWorkingDates, window),
    },
    limits: { earliest: settings.stretch.earliest, latest: settings.stretch.latest },
    window,
    bookedConversations: others,
    durationMinutes: settings.durationMinutes,
  };
  const timeZones = {
    employee: employee.workingHours.timeZone,
    manager: manager.workingHours.timeZone,
  };
  return {
    view: {
      conversationId: context.record.id,
      timeZones,
      suggestions: suggestPickSlots(pickInput),
    },
    pickInput,
    timeZones,
  };
}

/** This manager's other pending or booked conversations: their times are not on offer. */
async function otherConversationsOf(
  services: Services,
  tenantId: string,
  managerId: string,
  employeeId: string,
): Promise<IsoInterval[]> {
  const reports = await services.directory.getDirectReports(tenantId, managerId);
  const records = await services.conversations.listForEmployees(
    tenantId,
    reports.map((r) => r.id),
  );
  return records
    .filter(
      (r) =>
        r.managerId === managerId &&
        (r.status === 'pending' || r.status === 'scheduled') &&
        r.start !== null &&
        r.end !== null &&
        r.employeeId !== employeeId,
    )
    .map((r) => ({ start: r.start!, end: r.end! }));
}
