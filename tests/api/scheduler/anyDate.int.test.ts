import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import {
  calendarEvents,
  careerConversations,
  eligiblePairs,
  runPass,
  workingHoursOverlap,
} from '../../support/calendarChecks';
import { bookingRuleBreaches, doubleBookings, startSchedulerStack } from './schedulerKit';

/**
 * The pass on the dates where a calendar-bound scheduler goes wrong: the first day of a quarter,
 * the last days and hours of the planned weeks (Kavya's 22 reports at 3 a day must spill into the
 * rest of the quarter, not wait for tomorrow), and the last day of a quarter (nothing left).
 * Each case has its own stack, its demo calendars built for that date.
 */

/** The planned weeks (2–6) of 2027-Q1 end here. */
const PLANNED_END = '2027-02-12T00:00:00.000Z';

const cases = [
  {
    when: 'the first day of a quarter',
    now: '2027-01-01T06:00:00.000Z',
    from: '2027-01-08T00:00:00.000Z',
    kavyaInPlannedWeeks: 'all',
  },
  {
    when: 'mid-window',
    now: '2027-01-19T06:00:00.000Z',
    from: '2027-01-20T06:00:00.000Z',
    kavyaInPlannedWeeks: 'all',
  },
  {
    when: 'the last days of the planned weeks',
    now: '2027-02-08T06:00:00.000Z',
    from: '2027-02-09T06:00:00.000Z',
    kavyaInPlannedWeeks: 'some',
  },
  {
    when: 'the last hours of the planned weeks',
    now: '2027-02-11T22:00:00.000Z',
    from: '2027-02-12T22:00:00.000Z',
    kavyaInPlannedWeeks: 'none',
  },
];

describe.each(cases)('on $when ($now)', ({ now, from, kavyaInPlannedWeeks }) => {
  it('books every pair (inside the stretch where working hours never meet), inside this quarter, nobody twice at once', async () => {
    const stack = await startSchedulerStack(new Date(now));
    try {
      const summary = await runPass(stack);
      const pairs = eligiblePairs(stack.orgStore.snapshot());
      expect(pairs.some((p) => !workingHoursOverlap(p.employee, p.manager, Date.parse(now)))).toBe(
        true,
      );
      expect(summary.failed).toEqual({});
      expect(summary.skipped).toEqual({});
      expect(summary.booked).toBe(pairs.length);
      const events = careerConversations(await calendarEvents(stack));
      expect(events).toHaveLength(pairs.length);
      expect(await bookingRuleBreaches(stack, events)).toEqual([]);
      for (const e of events) {
        expect(e.start >= from).toBe(true);
        expect(e.end <= '2027-04-01T00:00:00.000Z').toBe(true);
      }
      expect(doubleBookings(events)).toEqual([]);
      // Kavya's 22 conversations at 3 a day fit the planned weeks (they end 2027-02-12) when
      // enough of them is left; what does not fit goes in the rest of the quarter, today.
      const kavyas = events.filter((e) => e.organizer.id === DEMO.contoso.bigTeamManager);
      expect(kavyas.length).toBeGreaterThanOrEqual(20);
      const inPlanned = kavyas.filter((e) => e.start < PLANNED_END).length;
      const share = inPlanned === kavyas.length ? 'all' : inPlanned === 0 ? 'none' : 'some';
      expect(share).toBe(kavyaInPlannedWeeks);
    } finally {
      await stack.close();
    }
  });
});

it('a catch-up pass late in December spreads over the days left, never on a weekend, 24–26 or 31 December', async () => {
  const now = '2026-12-14T06:00:00.000Z';
  const stack = await startSchedulerStack(new Date(now));
  try {
    const summary = await runPass(stack);
    const pairs = eligiblePairs(stack.orgStore.snapshot());
    expect(summary.failed).toEqual({});
    expect(summary.booked).toBe(pairs.length);
    const events = careerConversations(await calendarEvents(stack));
    expect(await bookingRuleBreaches(stack, events)).toEqual([]);
    // Spread, not crammed: each manager's conversations fill the earliest free days first, at
    // most the daily cap a day, so a team of five is done in the first week of the catch-up.
    const { settings } = await stack.services.settings.read(DEMO.contoso.tenantId);
    const byManager = new Map<string, string[]>();
    for (const e of events)
      byManager.set(e.organizer.id, [...(byManager.get(e.organizer.id) ?? []), e.start]);
    for (const [, starts] of byManager) {
      const perDay = new Map<string, number>();
      for (const start of starts)
        perDay.set(start.slice(0, 10), (perDay.get(start.slice(0, 10)) ?? 0) + 1);
      expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2 * settings.dailyCap);
      if (starts.length <= 5) expect(starts.every((s) => s < '2026-12-23')).toBe(true);
    }
  } finally {
    await stack.close();
  }
});

it('on the last day of a quarter nothing is booked, and every pair is told why and what happens next', async () => {
  const stack = await startSchedulerStack(new Date('2026-12-31T06:00:00.000Z'));
  try {
    const summary = await runPass(stack);
    const pairs = eligiblePairs(stack.orgStore.snapshot());
    expect(summary.failed).toEqual({});
    expect(summary.booked).toBe(0);
    expect(summary.skipped).toEqual({ 'no slot: no-window-left': pairs.length });
    expect(careerConversations(await calendarEvents(stack))).toEqual([]);
    const records = await stack.services.conversations.listForTenant(DEMO.contoso.tenantId, [
      '2026-Q4',
    ]);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records)
      expect(record).toMatchObject({
        status: 'unbooked',
        unbooked: { reason: 'no-window-left', next: 'next-quarter' },
        event: null,
      });
  } finally {
    await stack.close();
  }
});
