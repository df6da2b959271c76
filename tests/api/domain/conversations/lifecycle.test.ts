import type { StretchView } from '../../../../api/src/contract/conversationContract';
import {
  advance,
  canTake,
  eventFromCalendar,
  LifecycleError,
  MAX_ATTEMPTS,
  newConversation,
  nextStepFor,
  passStepFor,
  TRANSITIONS,
  unbookedReasonFor,
} from '../../../../api/src/domain/conversations/lifecycle';
import type { LifecycleEvent } from '../../../../api/src/domain/conversations/lifecycle';
import type { ConversationRecord } from '../../../../api/src/domain/conversations/records';
import { transactionIdFor } from '../../../../api/src/domain/conversations/records';

/** The pair's conversation lifecycle, as rules. */

const AT = '2027-01-19T06:00:00.000Z';
const LATER = '2027-01-20T06:00:00.000Z';
const NOW = new Date(AT);
const SLOT = { start: '2027-01-25T16:00:00.000Z', end: '2027-01-25T16:30:00.000Z' };
const STRETCH: StretchView = {
  earlySide: 'manager',
  employeeLocalStart: '17:00',
  managerLocalStart: '08:00',
};

const fresh = (): ConversationRecord =>
  newConversation(
    {
      id: '2027-Q1-m',
      pk: 't|e',
      tenantId: 't',
      employeeId: 'e',
      managerId: 'm',
      quarter: '2027-Q1',
      reason: 'quarterly',
    },
    AT,
  );
const chosen = (stretch: StretchView | null = null): LifecycleEvent => ({
  kind: 'slot-chosen',
  ...SLOT,
  stretch,
});
const sent: LifecycleEvent = {
  kind: 'invite-sent',
  eventId: 'ev',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/1',
  ...SLOT,
  found: false,
};
const scheduled = (over: Partial<ConversationRecord> = {}) => ({
  ...advance(advance(fresh(), chosen(), AT), sent, AT),
  ...over,
});

describe('a new pair', () => {
  it('starts pending with no slot, attempt 1 and its first transactionId', () => {
    const record = fresh();
    expect(record).toMatchObject({ status: 'pending', attempt: 1, start: null, event: null });
    expect(record.transactionId).toBe(transactionIdFor(record, 1));
  });
  it('a slot found: pending with that slot; the invite sent: scheduled with the event', () => {
    const pending = advance(fresh(), chosen(), AT);
    expect(pending).toMatchObject({ status: 'pending', ...SLOT, stretch: null });
    const booked = advance(pending, sent, AT);
    expect(booked).toMatchObject({ status: 'scheduled', event: { id: 'ev' }, unbooked: null });
    expect(booked.log.map((l) => l.detail)).toEqual(['slot chosen', 'invite sent']);
  });
  it('the invite sent: the meeting chat id from its join URL is stored, null for other links', () => {
    const teams = advance(
      advance(fresh(), chosen(), AT),
      {
        ...sent,
        joinUrl:
          'https://teams.microsoft.com/l/meetup-join/19%3ameeting_OWE2ZjAx%40thread.v2/0?context=%7b%7d',
      },
      AT,
    );
    expect(teams.event?.chatId).toBe('19:meeting_OWE2ZjAx@thread.v2');
    expect(scheduled().event?.chatId).toBeNull();
  });
  it('a stretched slot carries who takes the early side and says so in the log', () => {
    const pending = advance(fresh(), chosen(STRETCH), AT);
    expect(pending.stretch).toEqual(STRETCH);
    expect(pending.log.at(-1)?.detail).toBe('slot chosen inside the stretch');
  });
});

describe('no slot', () => {
  it('working hours that never overlap, even stretched: the manager picks', () => {
    const record = advance(fresh(), { kind: 'no-slot', reason: 'no-common-working-hours' }, AT);
    expect(record.status).toBe('needs-manager-pick');
    expect(record.unbooked).toEqual({
      reason: 'no-common-working-hours',
      next: 'manager-picks',
      since: AT,
    });
  });
  it('stretching turned off: the manager picks too', () => {
    expect(advance(fresh(), { kind: 'no-slot', reason: 'stretch-off' }, AT).status).toBe(
      'needs-manager-pick',
    );
  });
  it('a full calendar or Graph unavailable: unbooked, the next pass retries', () => {
    for (const reason of ['no-free-slot', 'graph-unavailable', 'out-of-office'] as const) {
      const record = advance(fresh(), { kind: 'no-slot', reason }, AT);
      expect(record.status).toBe('unbooked');
      expect(record.unbooked?.next).toBe('next-pass-retries');
    }
  });
  it('no window left this quarter: it waits for the next quarter', () => {
    expect(nextStepFor('no-window-left')).toBe('next-quarter');
  });
  it('the same answer the next day keeps when it started and adds nothing to the log', () => {
    const first = advance(fresh(), { kind: 'no-slot', reason: 'no-free-slot' }, AT);
    const again = advance(first, { kind: 'no-slot', reason: 'no-free-slot' }, LATER);
    expect(again.unbooked?.since).toBe(AT);
    expect(again.log).toBe(first.log);
  });
  it('a slot found later books it: pending, the reason gone, the same transactionId (none was sent)', () => {
    const waiting = advance(fresh(), { kind: 'no-slot', reason: 'no-free-slot' }, AT);
    const pending = advance(waiting, chosen(), LATER);
    expect(pending).toMatchObject({ status: 'pending', unbooked: null, attempt: 1 });
    expect(pending.transactionId).toBe(waiting.transactionId);
  });
  it('the pass keeps pursuing pairs nobody booked, including those waiting for a pick', () => {
    expect(passStepFor(advance(fresh(), { kind: 'no-slot', reason: 'no-free-slot' }, AT))).toBe(
      'book',
    );
    expect(
      passStepFor(advance(fresh(), { kind: 'no-slot', reason: 'no-common-working-hours' }, AT)),
    ).toBe('book');
  });
  it('slot finder reasons map to the words the app shows', () => {
    expect(unbookedReasonFor('no-common-working-hours', true)).toBe('no-common-working-hours');
    expect(unbookedReasonFor('no-common-working-hours', false)).toBe('stretch-off');
    expect(unbookedReasonFor('fully-booked', true)).toBe('no-free-slot');
    expect(unbookedReasonFor('window-empty', true)).toBe('no-window-left');
  });
});

describe('the manager picks', () => {
  it('a pair waiting for a pick becomes pending at the picked slot', () => {
    const waiting = advance(fresh(), { kind: 'no-slot', reason: 'no-common-working-hours' }, AT);
    const picked = advance(waiting, { kind: 'manager-picked', ...SLOT, stretch: null }, LATER);
    expect(picked).toMatchObject({ status: 'pending', ...SLOT, unbooked: null, attempt: 1 });
    expect(picked.log.at(-1)?.what).toBe('manager-picked');
  });
  it('a scheduled or pending conversation cannot be picked over', () => {
    expect(canTake('scheduled', 'manager-picked')).toBe(false);
    expect(canTake('pending', 'manager-picked')).toBe(false);
    expect(() =>
      advance(scheduled(), { kind: 'manager-picked', ...SLOT, stretch: null }, AT),
    ).toThrow(LifecycleError);
  });
});

describe('declined and cancelled', () => {
  it('a declined invite is rebooked under a new attempt and transactionId', () => {
    const booked = scheduled();
    const rebook = advance(booked, { kind: 'declined', by: 'employee' }, LATER);
    expect(rebook).toMatchObject({ status: 'pending', attempt: 2, start: null, event: null });
    expect(rebook.transactionId).toBe(transactionIdFor(booked, 2));
    expect(rebook.log.at(-1)).toEqual({
      at: LATER,
      what: 'declined',
      detail: 'declined by the employee',
    });
  });
  it('cancelled or deleted in Outlook: rebooked the same way', () => {
    expect(
      advance(scheduled(), eventFromCalendar(scheduled(), { kind: 'cancelled' }, NOW)!, LATER),
    ).toMatchObject({ status: 'pending', attempt: 2 });
    expect(eventFromCalendar(scheduled(), { kind: 'gone' }, NOW)).toEqual({
      kind: 'cancelled',
      why: 'deleted from the calendar',
    });
  });
  it(`a declined conversation is rebooked at most ${MAX_ATTEMPTS - 1} times, then waits for the manager`, () => {
    let record = scheduled();
    for (let rebooking = 1; rebooking < MAX_ATTEMPTS; rebooking++) {
      record = advance(record, { kind: 'declined', by: 'employee' }, LATER);
      expect(record.status).toBe('pending');
      record = advance(advance(record, chosen(), LATER), sent, LATER);
    }
    const waits = advance(record, { kind: 'declined', by: 'employee' }, LATER);
    expect(waits.status).toBe('needs-manager-pick');
    expect(waits.unbooked).toEqual({
      reason: 'declined-too-often',
      next: 'manager-picks',
      since: LATER,
    });
    // The pass does not send a fourth invite on its own.
    expect(passStepFor(waits)).toBe('wait-for-manager');
    // The manager's pick is a new attempt: the last transactionId belongs to a withdrawn invite.
    const picked = advance(waits, { kind: 'manager-picked', ...SLOT, stretch: null }, LATER);
    expect(picked.attempt).toBe(MAX_ATTEMPTS + 1);
    expect(picked.transactionId).not.toBe(waits.transactionId);
  });
});

describe('moved, held, lapsed', () => {
  it('a moved meeting keeps its state with the new time; a meeting that has ended is held', () => {
    const moved = { start: '2027-01-26T16:00:00.000Z', end: '2027-01-26T16:30:00.000Z' };
    const happened = eventFromCalendar(scheduled(), { kind: 'moved', ...moved }, NOW)!;
    expect(advance(scheduled(), happened, AT)).toMatchObject({ status: 'scheduled', ...moved });
    const after = new Date('2027-01-26T00:00:00.000Z');
    expect(eventFromCalendar(scheduled(), { kind: 'unchanged' }, after)).toEqual({ kind: 'held' });
    expect(eventFromCalendar(scheduled(), { kind: 'unchanged' }, NOW)).toBeNull();
    expect(advance(scheduled(), { kind: 'held' }, AT)).toMatchObject({
      status: 'held',
      notesRequested: true,
    });
  });
  it('a moved meeting whose new end has passed was held', () => {
    const past = { start: '2027-01-10T16:00:00.000Z', end: '2027-01-10T16:30:00.000Z' };
    expect(eventFromCalendar(scheduled(), { kind: 'moved', ...past }, NOW)).toEqual({
      kind: 'held',
    });
  });
  it('a slot that came before the invite went out is dropped under a new transactionId', () => {
    const pending = advance(fresh(), chosen(), AT);
    const lapsed = advance(pending, { kind: 'slot-lapsed' }, LATER);
    expect(lapsed).toMatchObject({ status: 'pending', attempt: 2, start: null });
    expect(lapsed.transactionId).not.toBe(pending.transactionId);
  });
  it('a held conversation is over: nothing but history moves it', () => {
    const held = advance(scheduled(), { kind: 'held' }, AT);
    for (const kind of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[])
      expect({ kind, allowed: canTake(held.status, kind) }).toEqual({ kind, allowed: false });
    expect(passStepFor(held)).toBe('done');
  });
});

describe('a change of manager', () => {
  it('cancels what is pending, scheduled or waiting; a return to that manager books it again', () => {
    for (const record of [
      advance(fresh(), chosen(), AT),
      scheduled(),
      advance(fresh(), { kind: 'no-slot', reason: 'no-common-working-hours' }, AT),
    ]) {
      const cancelled = advance(record, { kind: 'manager-changed' }, LATER);
      expect(cancelled.status).toBe('cancelled');
      expect(passStepFor(cancelled)).toBe('ignore');
    }
    const cancelled = advance(scheduled(), { kind: 'manager-changed' }, LATER);
    const back = advance(
      cancelled,
      { kind: 'back-with-manager', reason: 'new-manager', ...SLOT, stretch: null },
      LATER,
    );
    expect(back).toMatchObject({ status: 'pending', reason: 'new-manager', attempt: 2 });
  });
});
