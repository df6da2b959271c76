import { curlyQuotes, formatDayAndTime } from '../../../tabs/src/common/format';

describe('history lines', () => {
  test('straight quotes read as the UI writes them, curly', () => {
    expect(curlyQuotes('Added the aspiration "Speak at SREcon"')).toBe(
      'Added the aspiration “Speak at SREcon”',
    );
    expect(curlyQuotes('Changed the title of "Don\'t stop"')).toBe(
      'Changed the title of “Don’t stop”',
    );
    expect(curlyQuotes('No quotes here')).toBe('No quotes here');
  });

  test('a moment in the history says the time as well as the day', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const text = formatDayAndTime('2026-11-30T14:05:00Z', now, 'en-GB');
    expect(text).toMatch(/30 November/);
    expect(text).toMatch(/\d{2}:05/);
    expect(text).not.toMatch(/2026/);
    expect(formatDayAndTime('2025-11-30T14:05:00Z', now, 'en-GB')).toMatch(/2025/);
  });
});
