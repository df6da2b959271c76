import {
  followUp,
  MAX_ATTEMPTS,
  transactionIdFor,
} from '../../../../api/src/domain/conversations/records';
import type { ConversationRecord } from '../../../../api/src/domain/conversations/records';
import { summariseConversations } from '../../../../api/src/domain/conversations/teamSummary';

const NOW = new Date('2026-11-23T12:00:00Z');
const record = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  type: 'conversation',
  id: '2026-Q4-m',
  pk: 't|e',
  tenantId: 't',
  employeeId: 'e',
  managerId: 'm',
  quarter: '2026-Q4',
  reason: 'quarterly',
  status: 'scheduled',
  attempt: 1,
  transactionId: 'x',
  start: '2026-12-01T10:00:00.000Z',
  end: '2026-12-01T10:30:00.000Z',
  event: { id: 'ev', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' },
  log: [],
  sharedNotes: '',
  actionItems: [],
  notesRequested: false,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('following up a booked conversation', () => {
  it('a declined or cancelled invite is rebooked', () => {
    expect(followUp(record(), { kind: 'declined', by: 'employee' }, NOW)).toMatchObject({
      action: 'rebook',
    });
    expect(followUp(record(), { kind: 'cancelled' }, NOW)).toMatchObject({ action: 'rebook' });
    expect(followUp(record(), { kind: 'gone' }, NOW)).toMatchObject({ action: 'rebook' });
  });
  it(`after ${MAX_ATTEMPTS - 1} rebookings the pair is flagged instead`, () => {
    expect(
      followUp(record({ attempt: MAX_ATTEMPTS }), { kind: 'declined', by: 'employee' }, NOW),
    ).toMatchObject({ action: 'give-up' });
  });
  it('a moved meeting updates the stored time; an ended one is held', () => {
    expect(
      followUp(
        record(),
        { kind: 'moved', start: '2026-12-02T10:00:00.000Z', end: '2026-12-02T10:30:00.000Z' },
        NOW,
      ),
    ).toEqual({
      action: 'update-time',
      start: '2026-12-02T10:00:00.000Z',
      end: '2026-12-02T10:30:00.000Z',
    });
    expect(
      followUp(record({ end: '2026-11-20T10:30:00.000Z' }), { kind: 'unchanged' }, NOW),
    ).toEqual({ action: 'held' });
    expect(followUp(record(), { kind: 'unchanged' }, NOW)).toEqual({ action: 'none' });
  });
});

describe('transaction ids', () => {
  it('are the same GUID for the same pair, quarter and attempt, and differ otherwise', () => {
    const a = transactionIdFor(record(), 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(transactionIdFor(record(), 1)).toBe(a);
    expect(transactionIdFor(record(), 2)).not.toBe(a);
    expect(transactionIdFor(record({ quarter: '2027-Q1' }), 1)).not.toBe(a);
  });
});

describe('team view conversation summary', () => {
  it('nobody booked and nothing held: overdue', () => {
    expect(summariseConversations([], NOW)).toEqual({ last: null, next: null, overdue: true });
  });
  it('a conversation ahead: not overdue, and it is the next one', () => {
    const s = summariseConversations([record()], NOW);
    expect(s.next?.id).toBe('2026-Q4-m');
    expect(s.overdue).toBe(false);
  });
  it('a pair that had to be given up on is flagged', () => {
    expect(summariseConversations([record({ status: 'needs-attention' })], NOW).overdue).toBe(true);
  });
  it('cancelled conversations do not count', () => {
    expect(summariseConversations([record({ status: 'cancelled' })], NOW).next).toBeNull();
  });
});
