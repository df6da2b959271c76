import {
  leasedByAnother,
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
  // NOW is 2026-11-23: the planned weeks of 2026-Q4 (2 to 6) ended on 2026-11-12.
  const EARLY = new Date('2026-10-20T12:00:00Z');

  const AFTER_PASS = { lastPassAt: '2026-11-20T06:00:00Z' };
  it('a pair the scheduler has not reached yet is neutral, not overdue: nothing booked, no flag', () => {
    expect(summariseConversations([], EARLY)).toEqual({
      last: null,
      next: null,
      overdue: false,
      needsPick: false,
      notBooked: null,
    });
  });
  it('on day one, before any pass has run, nobody is overdue even after the booking weeks', () => {
    expect(summariseConversations([], NOW).overdue).toBe(false);
    const passBeforeWindowEnd = { lastPassAt: '2026-11-01T06:00:00Z' };
    expect(summariseConversations([], NOW, undefined, passBeforeWindowEnd).overdue).toBe(false);
  });
  it('once the booking weeks have passed and a pass has had its chance since, nothing booked is overdue', () => {
    expect(summariseConversations([], NOW, undefined, AFTER_PASS).overdue).toBe(true);
  });
  it('a pair waiting for the manager to pick is not overdue: it has its own flag and reason', () => {
    const waiting = record({
      status: 'needs-manager-pick',
      start: null,
      end: null,
      event: null,
      unbooked: { reason: 'no-common-working-hours', next: 'manager-picks', since: '2026-11-20' },
    });
    expect(summariseConversations([waiting], NOW, undefined, AFTER_PASS)).toMatchObject({
      overdue: false,
      needsPick: true,
      notBooked: {
        conversationId: '2026-Q4-m',
        status: 'needs-manager-pick',
        reason: 'no-common-working-hours',
        next: 'manager-picks',
      },
    });
  });
  it('a pair the pass could not book yet says why, and is overdue only once really late', () => {
    const unbooked = record({
      status: 'unbooked',
      start: null,
      end: null,
      event: null,
      unbooked: { reason: 'no-free-slot', next: 'next-pass-retries', since: '2026-10-20' },
    });
    expect(summariseConversations([unbooked], EARLY, undefined, AFTER_PASS)).toMatchObject({
      overdue: false,
      notBooked: { status: 'unbooked', reason: 'no-free-slot' },
    });
    expect(summariseConversations([unbooked], NOW, undefined, AFTER_PASS).overdue).toBe(true);
  });
  it("the tenant's own window decides when the booking weeks are over", () => {
    const weeks2to13 = { windowStartWeek: 2, windowEndWeek: 13 };
    expect(summariseConversations([], NOW, weeks2to13, AFTER_PASS).overdue).toBe(false);
  });
  it('a conversation ahead: not overdue, and it is the next one', () => {
    const s = summariseConversations([record()], NOW);
    expect(s.next?.id).toBe('2026-Q4-m');
    expect(s.overdue).toBe(false);
  });
  it("this quarter's conversation held: not overdue after the window either", () => {
    const held = record({
      status: 'held',
      start: '2026-10-20T10:00:00.000Z',
      end: '2026-10-20T10:30:00.000Z',
    });
    expect(summariseConversations([held], NOW)).toMatchObject({
      last: { id: '2026-Q4-m' },
      next: null,
      overdue: false,
    });
  });
  it("a conversation booked early next quarter (a new pair's first) counts", () => {
    const early = record({
      id: '2027-Q1-m',
      quarter: '2027-Q1',
      start: '2027-01-04T10:00:00.000Z',
      end: '2027-01-04T10:30:00.000Z',
    });
    expect(summariseConversations([early], NOW).overdue).toBe(false);
  });
  it('a booking of this quarter that needs attention is flagged, even before the window ends', () => {
    expect(summariseConversations([record({ status: 'needs-attention' })], EARLY).overdue).toBe(
      true,
    );
  });
  it("last quarter's stuck booking does not flag anyone for ever", () => {
    const lastQuarter = record({ status: 'needs-attention' });
    expect(summariseConversations([lastQuarter], new Date('2027-01-20T12:00:00Z')).overdue).toBe(
      false,
    );
  });
  it('cancelled conversations do not count', () => {
    expect(
      summariseConversations([record({ status: 'cancelled' })], NOW, undefined, AFTER_PASS),
    ).toMatchObject({
      next: null,
      overdue: true,
    });
  });
});

describe('leases', () => {
  const at = Date.parse('2026-12-01T10:00:00Z');
  const lease = (owner: string, expiresAt: string) => record({ lease: { owner, expiresAt } });
  it("another pass's live lease keeps this pass off; an expired one or our own does not", () => {
    expect(leasedByAnother(lease('b', '2026-12-01T10:05:00Z'), 'a', at)).toBe(true);
    expect(leasedByAnother(lease('b', '2026-12-01T09:59:00Z'), 'a', at)).toBe(false);
    expect(leasedByAnother(lease('a', '2026-12-01T10:05:00Z'), 'a', at)).toBe(false);
    expect(leasedByAnother(record(), 'a', at)).toBe(false);
    expect(leasedByAnother(record({ lease: null }), 'a', at)).toBe(false);
  });
});
