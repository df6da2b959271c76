import {
  DEFAULT_QUARTER_WINDOW,
  firstConversationWindow,
  nextQuarter,
  parseQuarterKey,
  plannedWindow,
  quarterBounds,
  quarterlyConversationWindow,
  quarterOf,
  splitForGetSchedule,
} from '../../../../api/src/domain/scheduling/quarter';

describe('quarters', () => {
  it('a quarter is taken in UTC', () => {
    expect(quarterOf('2026-09-30T23:59:59Z')).toBe('2026-Q3');
    expect(quarterOf('2026-10-01T00:00:00Z')).toBe('2026-Q4');
    expect(quarterOf('2026-10-01T01:00:00+02:00')).toBe('2026-Q3');
    expect(quarterOf(new Date(Date.UTC(2027, 0, 1)))).toBe('2027-Q1');
    expect(() => quarterOf('someday')).toThrow(RangeError);
  });

  it('knows its bounds and the next quarter', () => {
    expect(quarterBounds('2026-Q4')).toEqual({
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(nextQuarter('2026-Q1')).toBe('2026-Q2');
  });

  it('parses only real quarter keys', () => {
    expect(parseQuarterKey('2026-Q4')).toBe('2026-Q4');
    expect(parseQuarterKey('2026-Q5')).toBeUndefined();
    expect(parseQuarterKey('26-Q1')).toBeUndefined();
  });
});

describe('when a quarterly conversation is booked', () => {
  it('weeks 2 to 6 run from day 8 to the end of day 42', () => {
    expect(plannedWindow('2026-Q4', DEFAULT_QUARTER_WINDOW)).toEqual({
      start: '2026-10-08T00:00:00.000Z',
      end: '2026-11-12T00:00:00.000Z',
    });
  });

  it('before the planned weeks, the whole planned window is used', () => {
    expect(
      quarterlyConversationWindow('2026-Q4', DEFAULT_QUARTER_WINDOW, '2026-10-02T06:00:00Z'),
    ).toEqual({
      outcome: 'window',
      basis: 'planned',
      window: { start: '2026-10-08T00:00:00.000Z', end: '2026-11-12T00:00:00.000Z' },
    });
  });

  it('during the planned weeks, the window starts now', () => {
    expect(
      quarterlyConversationWindow('2026-Q4', DEFAULT_QUARTER_WINDOW, '2026-10-20T06:00:00Z'),
    ).toEqual({
      outcome: 'window',
      basis: 'planned',
      window: { start: '2026-10-20T06:00:00.000Z', end: '2026-11-12T00:00:00.000Z' },
    });
  });

  it('when the planned weeks passed unbooked, the rest of the quarter is used', () => {
    expect(
      quarterlyConversationWindow('2026-Q4', DEFAULT_QUARTER_WINDOW, '2026-11-20T06:00:00Z'),
    ).toEqual({
      outcome: 'window',
      basis: 'catch-up',
      window: { start: '2026-11-20T06:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    });
  });

  it('a quarter that is over has no window', () => {
    expect(
      quarterlyConversationWindow('2026-Q3', DEFAULT_QUARTER_WINDOW, '2026-10-02T00:00:00Z'),
    ).toEqual(expect.objectContaining({ outcome: 'quarter-over' }));
  });

  it('refuses settings that are not a range of weeks inside a quarter', () => {
    for (const settings of [
      { windowStartWeek: 0, windowEndWeek: 4 },
      { windowStartWeek: 5, windowEndWeek: 3 },
      { windowStartWeek: 2, windowEndWeek: 14 },
      { windowStartWeek: 1.5, windowEndWeek: 4 },
    ]) {
      expect(quarterlyConversationWindow('2026-Q4', settings, '2026-10-02T00:00:00Z')).toEqual(
        expect.objectContaining({ outcome: 'invalid-settings' }),
      );
    }
  });

  it("a new pair's first conversation is within 30 days, and never beyond one getSchedule call", () => {
    expect(firstConversationWindow('2026-12-20T10:00:00Z')).toEqual({
      start: '2026-12-20T10:00:00.000Z',
      end: '2027-01-19T10:00:00.000Z',
    });
    expect(firstConversationWindow('2026-12-20T10:00:00Z', 90).end).toBe(
      '2027-02-19T10:00:00.000Z',
    );
  });

  it('a long window is split into getSchedule-sized requests', () => {
    expect(
      splitForGetSchedule({ start: '2026-10-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }),
    ).toEqual([
      { start: '2026-10-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ]);
  });
});
