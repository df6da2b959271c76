import type { ConversationRecord } from '../../../../api/src/domain/conversations/records';
import {
  agendaHash,
  inviteRefreshDecision,
} from '../../../../api/src/domain/invites/inviteRefreshRules';

const HOUR = 3_600_000;
const NOW = new Date('2027-01-20T09:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

type Booked = Pick<ConversationRecord, 'status' | 'start' | 'event' | 'log' | 'agenda'>;
const booked = (overrides: Partial<Booked> = {}): Booked => ({
  status: 'scheduled',
  start: at(3 * 24 * HOUR),
  event: { id: 'event-1', joinUrl: null },
  log: [{ at: at(-48 * HOUR), what: 'booked', detail: '' }],
  ...overrides,
});

describe('when an invite already sent gets a new body', () => {
  it('an edit is sent when the last message is a day old', () => {
    expect(inviteRefreshDecision(booked(), false, NOW)).toBe('update');
  });

  it('at most one update a day: the booking counts, then each update', () => {
    const bookedAnHourAgo = booked({ log: [{ at: at(-HOUR), what: 'booked', detail: '' }] });
    expect(inviteRefreshDecision(bookedAnHourAgo, false, NOW)).toBe('later');
    const updatedToday = booked({ agenda: { hash: 'h', sentAt: at(-23 * HOUR) } });
    expect(inviteRefreshDecision(updatedToday, false, NOW)).toBe('later');
    const updatedYesterday = booked({ agenda: { hash: 'h', sentAt: at(-24 * HOUR) } });
    expect(inviteRefreshDecision(updatedYesterday, false, NOW)).toBe('update');
    const movedToday = booked({
      log: [...booked().log, { at: at(-2 * HOUR), what: 'moved', detail: '' }],
      agenda: { hash: 'h', sentAt: at(-30 * HOUR) },
    });
    expect(inviteRefreshDecision(movedToday, false, NOW)).toBe('later');
  });

  it('no edit in the last hour before the start, nor after it', () => {
    expect(inviteRefreshDecision(booked({ start: at(HOUR) }), false, NOW)).toBe('leave');
    expect(inviteRefreshDecision(booked({ start: at(HOUR + 60_000) }), false, NOW)).toBe('update');
    expect(inviteRefreshDecision(booked({ start: at(-HOUR), status: 'held' }), false, NOW)).toBe(
      'leave',
    );
  });

  it('a deletion ignores both limits, past meetings included: deleted text leaves every invite', () => {
    const recent = booked({ start: at(30 * 60_000), agenda: { hash: 'h', sentAt: at(-HOUR) } });
    expect(inviteRefreshDecision(recent, true, NOW)).toBe('update');
    expect(inviteRefreshDecision(booked({ status: 'held', start: at(-HOUR) }), true, NOW)).toBe(
      'update',
    );
  });

  it('nothing to send without an event, or for a cancelled one', () => {
    expect(inviteRefreshDecision(booked({ event: null }), true, NOW)).toBe('leave');
    expect(inviteRefreshDecision(booked({ status: 'cancelled' }), true, NOW)).toBe('leave');
  });

  it('the same agenda hashes the same, a change does not', () => {
    expect(agendaHash('<p>a</p>')).toBe(agendaHash('<p>a</p>'));
    expect(agendaHash('<p>a</p>')).not.toBe(agendaHash('<p>b</p>'));
  });
});
