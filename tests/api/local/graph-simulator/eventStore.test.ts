import { createEventStore } from '../../../../api/src/local/graph-simulator/eventStore';
import type { NewEvent } from '../../../../api/src/local/graph-simulator/eventStore';

const T = 'tenant-a';
const HOUR = 3_600_000;
const organizer = { userId: 'manager', address: 'manager@a.test', name: 'Manager' };
const attendee = (userId: string) => ({
  address: `${userId}@a.test`,
  name: userId,
  type: 'required' as const,
  userId,
});

function newEvent(startMs: number, attendees: string[], transactionId: string | null): NewEvent {
  return {
    tenantId: T,
    organizer,
    subject: `at ${startMs}`,
    body: { contentType: 'text', content: '' },
    startMs,
    endMs: startMs + HOUR,
    startTimeZone: 'UTC',
    endTimeZone: 'UTC',
    location: '',
    showAs: 'busy',
    attendees: attendees.map(attendee),
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    transactionId,
  };
}

describe('the simulator’s event store', () => {
  it('a calendar holds the events its owner organises or attends, in start order, ties as created', () => {
    const store = createEventStore();
    const late = store.create(newEvent(5 * HOUR, ['ana'], null)).event;
    const early = store.create(newEvent(HOUR, ['ben'], null)).event;
    const tie = store.create(newEvent(5 * HOUR, ['ben'], null)).event;
    const ids = (userId: string) =>
      store.calendarOf(T, userId, 0, 24 * HOUR).map((held) => held.event.id);
    expect(ids('manager')).toEqual([early.id, late.id, tie.id]);
    expect(ids('ana')).toEqual([late.id]);
    expect(ids('ben')).toEqual([early.id, tie.id]);
    expect(store.calendarOf('tenant-b', 'ana', 0, 24 * HOUR)).toEqual([]);
  });

  it('someone added to an event later finds it on their calendar; someone dropped does not', () => {
    const store = createEventStore();
    const { event } = store.create(newEvent(HOUR, ['ana'], null));
    store.update(T, event.id, { attendees: [attendee('ben')] });
    expect(store.calendarOf(T, 'ben', 0, 24 * HOUR).map((h) => h.event.id)).toEqual([event.id]);
    expect(store.calendarOf(T, 'ana', 0, 24 * HOUR)).toEqual([]);
  });

  it('a repeated transactionId returns the organiser’s event, unless they deleted it', () => {
    const store = createEventStore();
    const first = store.create(newEvent(HOUR, ['ana'], 'txn-1'));
    expect(first.created).toBe(true);
    const again = store.create(newEvent(2 * HOUR, ['ana'], 'txn-1'));
    expect(again).toEqual({ event: first.event, created: false });
    store.cancel(T, first.event.id);
    const afterDelete = store.create(newEvent(3 * HOUR, ['ana'], 'txn-1'));
    expect(afterDelete.created).toBe(true);
    expect(afterDelete.event.id).not.toBe(first.event.id);
  });
});
