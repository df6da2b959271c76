import type { PickInput } from '../../../../api/src/domain/scheduling';
import {
  PICK_DAY,
  stillPickable,
  suggestPickSlots,
  widenedHours,
} from '../../../../api/src/domain/scheduling';
import { hours } from './fixtures';

// Kolkata 09:00-17:00 and Seattle 08:00-16:00 never meet: 09:00 IST is 19:30 PST the day before.
const bengaluru = hours('Asia/Kolkata', '09:00:00', '17:00:00');
const seattle = hours('America/Los_Angeles', '08:00:00', '16:00:00');
const berlin = hours('Europe/Berlin', '09:00:00', '17:00:00');
// Monday 7 December 2026 to Saturday 19 December (UTC).
const window = { start: '2026-12-07T00:00:00.000Z', end: '2026-12-19T00:00:00.000Z' };

const input = (over: Partial<PickInput> = {}): PickInput => ({
  manager: { workingHours: bengaluru, busy: [] },
  employee: { workingHours: seattle, busy: [] },
  window,
  bookedConversations: [],
  durationMinutes: 30,
  ...over,
});

describe('the times a manager may pick when the two working days never meet', () => {
  it('widens each day to 07:00-21:00 local, keeping days, zone and any wider hours', () => {
    expect(widenedHours(seattle)).toEqual({
      ...seattle,
      startTime: '07:00:00',
      endTime: '21:00:00',
    });
    const night = hours('UTC', '06:00:00', '22:00:00');
    expect(widenedHours(night)).toEqual(night);
    const overnight = hours('UTC', '22:00:00', '06:00:00');
    expect(widenedHours(overnight)).toEqual(overnight);
    expect(PICK_DAY).toEqual({ earliest: '07:00:00', latest: '21:00:00' });
  });

  it('offers up to six times, one per manager-local day, each inside both widened days and marked as outside working hours', () => {
    const slots = suggestPickSlots(input());
    expect(slots.length).toBe(6);
    expect(new Set(slots.map((s) => s.managerLocalDate)).size).toBe(6);
    for (const s of slots) {
      expect(s.managerLocalStart >= '07:00' && s.managerLocalStart <= '20:30').toBe(true);
      expect(s.employeeLocalStart >= '07:00' && s.employeeLocalStart <= '20:30').toBe(true);
      expect(s.outsideWorkingHours).toBe(true);
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(30 * 60_000);
    }
    expect(slots.map((s) => s.start)).toEqual([...slots.map((s) => s.start)].sort());
  });

  it("never offers a time either calendar has taken, nor one of the manager's other conversations", () => {
    const first = suggestPickSlots(input())[0];
    const busy = [{ start: first.start, end: first.end }];
    for (const over of [
      { manager: { workingHours: bengaluru, busy } },
      { employee: { workingHours: seattle, busy } },
      { bookedConversations: busy },
    ]) {
      const offered = suggestPickSlots(input(over)).map((s) => s.start);
      expect(offered).not.toContain(first.start);
      expect(stillPickable(input(over), first)).toBeNull();
    }
    expect(stillPickable(input(), first)).toMatchObject({ start: first.start });
  });

  it('refuses a time off the grid, of another length, or outside the window', () => {
    const first = suggestPickSlots(input())[0];
    const shift = (ms: number) => ({
      start: new Date(Date.parse(first.start) + ms).toISOString(),
      end: new Date(Date.parse(first.end) + ms).toISOString(),
    });
    expect(stillPickable(input(), shift(7 * 60_000))).toBeNull();
    expect(stillPickable(input(), { start: first.start, end: shift(30 * 60_000).end })).toBeNull();
    expect(stillPickable(input(), shift(30 * 86_400_000))).toBeNull();
  });

  it('a pair who share working hours is offered times inside them', () => {
    const slots = suggestPickSlots(
      input({
        employee: { workingHours: berlin, busy: [] },
        manager: { workingHours: berlin, busy: [] },
      }),
    );
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => !s.outsideWorkingHours)).toBe(true);
  });

  it('offers nothing when the calendars leave no common time', () => {
    expect(
      suggestPickSlots(input({ employee: { workingHours: seattle, busy: [window] } })),
    ).toEqual([]);
  });
});
