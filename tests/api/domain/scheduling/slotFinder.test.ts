import type { IsoInterval } from '../../../../api/src/domain/scheduling/intervals';
import type {
  ReportSchedule,
  SlotFinderInput,
  SlotOutcome,
} from '../../../../api/src/domain/scheduling/slotFinder';
import { findSlots } from '../../../../api/src/domain/scheduling/slotFinder';
import { hours, isInsideWorkingHours, localTime, overlapsAny } from './fixtures';

type Slot = Extract<SlotOutcome, { outcome: 'slot' }>;
type NoSlot = Extract<SlotOutcome, { outcome: 'no-slot' }>;

function slotOf(outcome: SlotOutcome | undefined): Slot {
  if (outcome?.outcome !== 'slot')
    throw new Error(`Expected a slot, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function noSlotOf(outcome: SlotOutcome | undefined): NoSlot {
  if (outcome?.outcome !== 'no-slot') {
    throw new Error(`Expected no slot, got ${JSON.stringify(outcome)}`);
  }
  return outcome;
}

const seattle = hours('Pacific Standard Time', '07:00:00', '16:00:00');
const berlin = hours('W. Europe Standard Time', '08:00:00', '17:00:00');

function report(employeeId: string, overrides: Partial<ReportSchedule> = {}): ReportSchedule {
  return { employeeId, workingHours: berlin, busy: [], ...overrides };
}

/** Busy all day on every UTC day in [from, to) except the given ones. */
function busyExcept(from: string, to: string, freeDays: readonly string[]): IsoInterval[] {
  const busy: IsoInterval[] = [];
  for (let day = Date.parse(from); day < Date.parse(to); day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (!freeDays.includes(date)) {
      busy.push({ start: `${date}T00:00:00Z`, end: new Date(day + 86_400_000).toISOString() });
    }
  }
  return busy;
}

describe('finding career-conversation slots', () => {
  it("a pair nine hours apart gets a slot inside both people's working hours", () => {
    const [outcome] = findSlots({
      manager: { workingHours: seattle, busy: [] },
      reports: [report('berlin-report')],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-17T00:00:00Z' },
    });
    const slot = slotOf(outcome);
    // The only overlap: 07:00–08:00 in Seattle is 16:00–17:00 in Berlin.
    expect(slot.start).toBe('2026-10-12T14:00:00.000Z');
    expect(slot.end).toBe('2026-10-12T14:30:00.000Z');
    expect(localTime(slot.start, 'America/Los_Angeles')).toBe('2026-10-12 07:00 monday');
    expect(localTime(slot.start, 'Europe/Berlin')).toBe('2026-10-12 16:00 monday');
    expect(isInsideWorkingHours(slot, seattle)).toBe(true);
    expect(isInsideWorkingHours(slot, berlin)).toBe(true);
    expect(slot.managerLocalDate).toBe('2026-10-12');
  });

  it('a pair whose working hours never overlap gets a clear no-slot outcome', () => {
    const [outcome] = findSlots({
      manager: { workingHours: hours('America/Los_Angeles', '09:00', '17:00'), busy: [] },
      reports: [
        report('berlin-report', { workingHours: hours('Europe/Berlin', '09:00', '17:00') }),
      ],
      window: { start: '2026-10-08T00:00:00Z', end: '2026-11-12T00:00:00Z' },
    });
    const noSlot = noSlotOf(outcome);
    expect(noSlot.reason).toBe('no-common-working-hours');
    expect(noSlot.message).toMatch(/America\/Los_Angeles.*Europe\/Berlin.*never overlap/);
    expect(noSlot.employeeId).toBe('berlin-report');
  });

  it('a daylight-saving switch inside the window keeps meetings inside working hours', () => {
    // Europe leaves summer time on 25 October 2026, the US on 1 November: for one week Seattle
    // and Berlin are 8 hours apart, then 9 again. The shared hour moves in UTC accordingly.
    const freeDays = ['2026-10-23', '2026-10-27', '2026-11-03'];
    const outcomes = findSlots({
      manager: {
        workingHours: seattle,
        busy: busyExcept('2026-10-19T00:00:00Z', '2026-11-07T00:00:00Z', freeDays),
      },
      reports: [report('a'), report('b'), report('c')],
      window: { start: '2026-10-19T00:00:00Z', end: '2026-11-07T00:00:00Z' },
      dailyCap: 1,
    });
    const slots = outcomes.map(slotOf);
    expect(slots.map((slot) => slot.start).sort()).toEqual([
      '2026-10-23T14:00:00.000Z', // 07:00 PDT = 16:00 CEST
      '2026-10-27T14:00:00.000Z', // 07:00 PDT = 15:00 CET
      '2026-11-03T15:00:00.000Z', // 07:00 PST = 16:00 CET
    ]);
    for (const slot of slots) {
      expect(isInsideWorkingHours(slot, seattle)).toBe(true);
      expect(isInsideWorkingHours(slot, berlin)).toBe(true);
      expect(localTime(slot.start, 'America/Los_Angeles')).toMatch(/ 07:00 /);
    }
  });

  it('a daylight-saving switch inside the window keeps every meeting of a mixed team inside working hours', () => {
    const newYork = hours('Eastern Standard Time', '09:00:00', '17:00:00');
    const team = [
      report('london', { workingHours: hours('GMT Standard Time', '09:00', '17:30') }),
      report('berlin', { workingHours: hours('Europe/Berlin', '08:00', '16:00') }),
      report('chicago', { workingHours: hours('Central Standard Time', '08:00', '16:00') }),
      report('seattle', { workingHours: hours('America/Los_Angeles', '07:00', '15:00') }),
    ];
    const outcomes = findSlots({
      manager: { workingHours: newYork, busy: [] },
      reports: [
        ...team,
        ...team.map((member) => ({ ...member, employeeId: `${member.employeeId}-2` })),
      ],
      window: { start: '2026-10-22T00:00:00Z', end: '2026-11-05T00:00:00Z' },
      dailyCap: 1,
    });
    const slots = outcomes.map(slotOf);
    slots.forEach((slot, index) => {
      const member = team[index % team.length];
      expect(isInsideWorkingHours(slot, newYork)).toBe(true);
      expect(member && isInsideWorkingHours(slot, member.workingHours)).toBe(true);
    });
  });

  it('a manager with 25 reports and a cap of 3 a day gets at most 3 conversations per day, none overlapping', () => {
    const reports = Array.from({ length: 25 }, (_, index) =>
      report(`employee-${String(index).padStart(2, '0')}`, {
        workingHours: hours(
          ['Europe/London', 'America/New_York', 'Europe/Berlin'][index % 3] ?? 'UTC',
          '09:00',
          '17:00',
        ),
      }),
    );
    const input: SlotFinderInput = {
      manager: { workingHours: hours('Europe/London', '08:00', '18:00'), busy: [] },
      reports,
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-24T00:00:00Z' },
      dailyCap: 3,
    };
    const slots = findSlots(input).map(slotOf);
    const perDay = new Map<string, number>();
    for (const slot of slots) {
      perDay.set(slot.managerLocalDate, (perDay.get(slot.managerLocalDate) ?? 0) + 1);
    }
    // Ten working days for 25 conversations: spread as 3 or 2 a day, never more than 3.
    expect(perDay.size).toBe(10);
    expect(Math.max(...perDay.values())).toBe(3);
    expect(Math.min(...perDay.values())).toBe(2);
    slots.forEach((slot, index) => {
      expect(
        overlapsAny(
          slot,
          slots.filter((_, other) => other !== index),
        ),
      ).toBe(false);
    });
  });

  it('a manager with 25 reports and room for only 15 gets 15 slots and a clear cap outcome for the rest', () => {
    const reports = Array.from({ length: 25 }, (_, index) => report(`employee-${index}`));
    const outcomes = findSlots({
      manager: { workingHours: hours('Europe/Berlin', '09:00', '17:00'), busy: [] },
      reports,
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-17T00:00:00Z' },
      dailyCap: 3,
    });
    expect(outcomes.filter((outcome) => outcome.outcome === 'slot')).toHaveLength(15);
    const rest = outcomes.filter((outcome) => outcome.outcome === 'no-slot');
    expect(rest).toHaveLength(10);
    for (const outcome of rest) {
      expect(noSlotOf(outcome).reason).toBe('daily-cap-reached');
      expect(noSlotOf(outcome).message).toMatch(/already have 3 career conversations/);
    }
  });

  it('a manager with 25 reports over a 5-week window with busy calendars gets a slot for each', () => {
    const window = { start: '2026-10-08T00:00:00Z', end: '2026-11-12T00:00:00Z' };
    const meetings = (seed: number): IsoInterval[] => {
      const busy: IsoInterval[] = [];
      for (let day = 0; day < 35; day += 1) {
        for (let meeting = 0; meeting < 4; meeting += 1) {
          const hour = 6 + ((seed * 7 + day * 3 + meeting * 5) % 14);
          const start = Date.parse(window.start) + day * 86_400_000 + hour * 3_600_000;
          busy.push({
            start: new Date(start).toISOString(),
            end: new Date(start + 3_600_000).toISOString(),
          });
        }
      }
      return busy;
    };
    const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin'];
    const input: SlotFinderInput = {
      manager: { workingHours: hours('Europe/London', '08:00', '18:00'), busy: meetings(0) },
      reports: Array.from({ length: 25 }, (_, index) =>
        report(`employee-${index}`, {
          workingHours: hours(zones[index % zones.length] ?? 'UTC', '09:00', '17:30'),
          busy: meetings(index + 1),
        }),
      ),
      window,
      bufferMinutes: 15,
    };
    // How long it takes is the bench's to measure (npm run bench -- --only=scheduler).
    const outcomes = findSlots(input);
    expect(outcomes.every((outcome) => outcome.outcome === 'slot')).toBe(true);
  });

  it('a fully booked manager gets a clear no-slot outcome, not a crash', () => {
    const outcomes = findSlots({
      manager: {
        workingHours: seattle,
        busy: [{ start: '2026-10-01T00:00:00Z', end: '2026-12-01T00:00:00Z' }],
      },
      reports: [
        report('a'),
        report('b', { workingHours: hours('America/Chicago', '09:00', '17:00') }),
      ],
      window: { start: '2026-10-08T00:00:00Z', end: '2026-11-12T00:00:00Z' },
    });
    for (const outcome of outcomes) {
      const noSlot = noSlotOf(outcome);
      expect(noSlot.reason).toBe('fully-booked');
      expect(noSlot.message).toMatch(/^The manager's calendar is fully booked/);
    }
  });

  it('a fully booked employee is told apart from a fully booked manager', () => {
    const [outcome] = findSlots({
      manager: { workingHours: hours('UTC', '09:00', '17:00'), busy: [] },
      reports: [
        report('busy-one', {
          workingHours: hours('UTC', '09:00', '17:00'),
          busy: [{ start: '2026-10-12T00:00:00Z', end: '2026-10-17T00:00:00Z' }],
        }),
      ],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-17T00:00:00Z' },
    });
    expect(noSlotOf(outcome).message).toMatch(/^The employee's calendar is fully booked/);
  });

  it('the only shared free half hour goes to one report; the next is told it is taken', () => {
    const utcDay = hours('UTC', '09:00', '17:00');
    const managerBusy = [
      { start: '2026-10-12T09:00:00Z', end: '2026-10-12T11:00:00Z' },
      { start: '2026-10-12T11:30:00Z', end: '2026-10-12T17:00:00Z' },
    ];
    const outcomes = findSlots({
      manager: { workingHours: utcDay, busy: managerBusy },
      reports: [
        report('first', { workingHours: utcDay }),
        report('second', { workingHours: utcDay }),
      ],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-13T00:00:00Z' },
    });
    expect(slotOf(outcomes[0]).start).toBe('2026-10-12T11:00:00.000Z');
    expect(noSlotOf(outcomes[1]).reason).toBe('taken-by-other-conversations');
  });

  it("already booked conversations block their time and count towards the day's cap", () => {
    const utcDay = hours('UTC', '09:00', '17:00');
    const outcomes = findSlots({
      manager: { workingHours: utcDay, busy: [] },
      reports: [report('a', { workingHours: utcDay }), report('b', { workingHours: utcDay })],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-14T00:00:00Z' },
      bookedConversations: [
        { start: '2026-10-12T09:00:00Z', end: '2026-10-12T09:30:00Z' },
        { start: '2026-10-12T10:00:00Z', end: '2026-10-12T10:30:00Z' },
        { start: '2026-10-13T09:00:00Z', end: '2026-10-13T09:30:00Z' },
      ],
      dailyCap: 2,
    });
    // Monday is full; Tuesday has room for one more, after the booked 09:00.
    expect(slotOf(outcomes[0]).start).toBe('2026-10-13T09:30:00.000Z');
    expect(noSlotOf(outcomes[1]).reason).toBe('daily-cap-reached');
  });

  it('keeps the buffer between career conversations', () => {
    const utcDay = hours('UTC', '09:00', '17:00');
    const outcomes = findSlots({
      manager: { workingHours: utcDay, busy: [] },
      reports: [report('a', { workingHours: utcDay }), report('b', { workingHours: utcDay })],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-13T00:00:00Z' },
      bookedConversations: [{ start: '2026-10-12T09:00:00Z', end: '2026-10-12T09:30:00Z' }],
      bufferMinutes: 15,
      granularityMinutes: 15,
    });
    expect(outcomes.map((outcome) => slotOf(outcome).start).sort()).toEqual([
      '2026-10-12T09:45:00.000Z',
      '2026-10-12T10:30:00.000Z',
    ]);
  });

  it('spreads conversations across days before doubling up', () => {
    const utcDay = hours('UTC', '09:00', '17:00');
    const outcomes = findSlots({
      manager: { workingHours: utcDay, busy: [] },
      reports: ['a', 'b', 'c'].map((id) => report(id, { workingHours: utcDay })),
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-15T00:00:00Z' },
    });
    expect(outcomes.map((outcome) => slotOf(outcome).managerLocalDate)).toEqual([
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
    ]);
  });

  it('a report free on only one day gets it, even when listed after flexible colleagues', () => {
    const utcDay = hours('UTC', '09:00', '17:00');
    const outcomes = findSlots({
      manager: { workingHours: utcDay, busy: [] },
      reports: [
        report('flexible', { workingHours: utcDay }),
        report('tuesday-only', { workingHours: hours('UTC', '09:00', '17:00', ['tuesday']) }),
      ],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-14T00:00:00Z' },
      dailyCap: 1,
    });
    expect(slotOf(outcomes[0]).managerLocalDate).toBe('2026-10-12');
    expect(slotOf(outcomes[1]).managerLocalDate).toBe('2026-10-13');
  });

  it('never books a weekend unless the working hours say so', () => {
    const window = { start: '2026-10-10T00:00:00Z', end: '2026-10-12T00:00:00Z' };
    const [weekdayPeople] = findSlots({
      manager: { workingHours: hours('UTC', '09:00', '17:00'), busy: [] },
      reports: [report('a', { workingHours: hours('UTC', '09:00', '17:00') })],
      window,
    });
    expect(noSlotOf(weekdayPeople).reason).toBe('no-common-working-hours');
    const weekend = hours('UTC', '09:00', '17:00', ['saturday', 'sunday']);
    const [weekendPeople] = findSlots({
      manager: { workingHours: weekend, busy: [] },
      reports: [report('a', { workingHours: weekend })],
      window,
    });
    expect(localTime(slotOf(weekendPeople).start, 'UTC')).toBe('2026-10-10 09:00 saturday');
  });

  it("starts on the half hour of the manager's clock, even 45 minutes off UTC", () => {
    const kathmandu = hours('Asia/Kathmandu', '09:10', '17:00');
    const [outcome] = findSlots({
      manager: { workingHours: kathmandu, busy: [] },
      reports: [report('a', { workingHours: hours('Asia/Kolkata', '09:00', '17:00') })],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-13T00:00:00Z' },
    });
    expect(localTime(slotOf(outcome).start, 'Asia/Kathmandu')).toBe('2026-10-12 09:30 monday');
  });

  it('the same input gives the same output, whatever order the reports are listed in', () => {
    const input: SlotFinderInput = {
      manager: { workingHours: hours('Europe/London', '09:00', '17:00'), busy: [] },
      reports: ['d', 'a', 'c', 'b', 'e'].map((id) =>
        report(id, { workingHours: hours('Europe/Berlin', '09:00', '17:00') }),
      ),
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-14T00:00:00Z' },
    };
    const first = findSlots(input);
    expect(findSlots(input)).toEqual(first);
    const reversed = findSlots({ ...input, reports: [...input.reports].reverse() });
    const byId = (outcomes: SlotOutcome[]) =>
      Object.fromEntries(outcomes.map((outcome) => [outcome.employeeId, outcome]));
    expect(byId(reversed)).toEqual(byId(first));
  });

  describe('bad input is an outcome, not an exception', () => {
    const base: SlotFinderInput = {
      manager: { workingHours: hours('UTC', '09:00', '17:00'), busy: [] },
      reports: [report('a')],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-13T00:00:00Z' },
    };

    it.each<[string, Partial<SlotFinderInput>, string]>([
      ['a zero-length meeting', { durationMinutes: 0 }, 'invalid-input'],
      ['a granularity that does not divide the day', { granularityMinutes: 7 }, 'invalid-input'],
      ['a cap of zero', { dailyCap: 0 }, 'invalid-input'],
      ['an unreadable window', { window: { start: 'soon', end: 'later' } }, 'invalid-input'],
      [
        'a window shorter than the meeting',
        { window: { start: '2026-10-12T09:00:00Z', end: '2026-10-12T09:20:00Z' } },
        'window-empty',
      ],
      [
        'a window that ends before it starts',
        { window: { start: '2026-10-13T00:00:00Z', end: '2026-10-12T00:00:00Z' } },
        'window-empty',
      ],
      [
        "an unknown manager's time zone",
        { manager: { workingHours: hours('Atlantis Standard Time', '09:00', '17:00'), busy: [] } },
        'invalid-working-hours',
      ],
      [
        "an unreadable busy entry in the manager's calendar",
        {
          manager: {
            workingHours: hours('UTC', '09:00', '17:00'),
            busy: [{ start: 'tomorrow', end: '2026-10-12T10:00:00Z' }],
          },
        },
        'invalid-input',
      ],
    ])('%s', (_name, change, reason) => {
      const [outcome] = findSlots({ ...base, ...change });
      expect(noSlotOf(outcome).reason).toBe(reason);
      expect(noSlotOf(outcome).message.length).toBeGreaterThan(20);
    });

    it("an employee's unknown time zone affects only that employee", () => {
      const outcomes = findSlots({
        ...base,
        reports: [
          report('a', { workingHours: hours('Nowhere/Land', '09:00', '17:00') }),
          report('b', { workingHours: hours('UTC', '09:00', '17:00') }),
        ],
      });
      expect(noSlotOf(outcomes[0]).reason).toBe('invalid-working-hours');
      expect(slotOf(outcomes[1]).start).toBe('2026-10-12T09:00:00.000Z');
    });

    it('no reports, no outcomes', () => {
      expect(findSlots({ ...base, reports: [] })).toEqual([]);
    });
  });
});
