import type { GraphScheduleInformation } from '../../../../api/src/domain/scheduling/availability';
import { parseScheduleInformation } from '../../../../api/src/domain/scheduling/availability';
import { findSlots } from '../../../../api/src/domain/scheduling/slotFinder';
import { hours } from './fixtures';

const fallbackWorkingHours = hours('UTC', '09:00:00', '17:00:00');

function parsed(information: GraphScheduleInformation, options = {}) {
  const result = parseScheduleInformation(information, { fallbackWorkingHours, ...options });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const item = (status: string, start: string, end: string, timeZone: string | null = 'UTC') => ({
  status,
  start: { dateTime: start, timeZone },
  end: { dateTime: end, timeZone },
});

describe("reading Graph's getSchedule", () => {
  it('busy, out-of-office, tentative and unknown block time; free and working elsewhere do not', () => {
    const result = parsed({
      scheduleId: 'adele@contoso.com',
      scheduleItems: [
        item('busy', '2026-10-12T09:00:00.0000000', '2026-10-12T10:00:00.0000000'),
        item('oof', '2026-10-13T00:00:00.0000000', '2026-10-14T00:00:00.0000000'),
        item('Tentative', '2026-10-12T13:00:00.0000000', '2026-10-12T13:30:00.0000000'),
        item('unknown', '2026-10-12T15:00:00.0000000', '2026-10-12T15:30:00.0000000'),
        item('free', '2026-10-12T11:00:00.0000000', '2026-10-12T12:00:00.0000000'),
        item('workingElsewhere', '2026-10-15T09:00:00.0000000', '2026-10-15T17:00:00.0000000'),
      ],
    });
    expect(result.scheduleId).toBe('adele@contoso.com');
    expect(result.busy).toEqual([
      { start: '2026-10-12T09:00:00.000Z', end: '2026-10-12T10:00:00.000Z' },
      { start: '2026-10-12T13:00:00.000Z', end: '2026-10-12T13:30:00.000Z' },
      { start: '2026-10-12T15:00:00.000Z', end: '2026-10-12T15:30:00.000Z' },
      { start: '2026-10-13T00:00:00.000Z', end: '2026-10-14T00:00:00.000Z' },
    ]);
  });

  it('reads item times given in another zone, Windows name or not, and merges overlaps', () => {
    const result = parsed({
      scheduleItems: [
        // Pacific daylight time in October: UTC-7.
        item(
          'busy',
          '2026-10-12T09:00:00.0000000',
          '2026-10-12T10:00:00.0000000',
          'Pacific Standard Time',
        ),
        item('busy', '2026-10-12T18:30:00', '2026-10-12T17:30:00+00:00', 'Europe/Berlin'),
        item('busy', '2026-10-12T18:30:00', '2026-10-12T19:00:00', 'Europe/Berlin'),
      ],
    });
    expect(result.busy).toEqual([
      { start: '2026-10-12T16:00:00.000Z', end: '2026-10-12T17:30:00.000Z' },
    ]);
  });

  it('an item without a zone is in the zone the request asked for', () => {
    expect(
      parsed({ scheduleItems: [item('busy', '2026-10-12T09:00:00', '2026-10-12T10:00:00', null)] })
        .busy,
    ).toEqual([{ start: '2026-10-12T09:00:00.000Z', end: '2026-10-12T10:00:00.000Z' }]);
    expect(
      parsed(
        { scheduleItems: [item('busy', '2026-10-12T09:00:00', '2026-10-12T10:00:00', null)] },
        { responseTimeZone: 'Tokyo Standard Time' },
      ).busy,
    ).toEqual([{ start: '2026-10-12T00:00:00.000Z', end: '2026-10-12T01:00:00.000Z' }]);
  });

  it("keeps the mailbox's working hours, Windows zone and all, in plain times of day", () => {
    const result = parsed({
      scheduleItems: [],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'Pacific Standard Time' },
      },
    });
    expect(result.workingHoursSource).toBe('mailbox');
    expect(result.workingHours).toEqual(hours('Pacific Standard Time', '08:00:00', '17:00:00'));
  });

  it("falls back to the tenant's working hours when the mailbox has none we can use", () => {
    for (const workingHours of [
      null,
      { daysOfWeek: [], startTime: '08:00:00', endTime: '17:00:00', timeZone: { name: 'UTC' } },
      {
        daysOfWeek: ['monday'],
        startTime: '08:00:00',
        endTime: '17:00:00',
        timeZone: { name: 'Customized Time Zone' },
      },
    ]) {
      const result = parsed({ scheduleItems: [], workingHours });
      expect(result.workingHoursSource).toBe('fallback');
      expect(result.workingHours).toBe(fallbackWorkingHours);
    }
  });

  it('reads the availability view when there are no items', () => {
    const result = parsed(
      { availabilityView: '0120030' },
      { availabilityView: { start: '2026-10-12T09:00:00', intervalMinutes: 30 } },
    );
    expect(result.busy).toEqual([
      { start: '2026-10-12T09:30:00.000Z', end: '2026-10-12T10:30:00.000Z' },
      { start: '2026-10-12T11:30:00.000Z', end: '2026-10-12T12:00:00.000Z' },
    ]);
    const unreadable = parseScheduleInformation(
      { availabilityView: '0120030' },
      { fallbackWorkingHours },
    );
    expect(unreadable).toEqual(
      expect.objectContaining({ ok: false, problem: 'unreadable-schedule' }),
    );
  });

  it('a schedule Graph could not read is a problem with a message, not busy or free time', () => {
    expect(
      parseScheduleInformation(
        {
          scheduleId: 'gone@contoso.com',
          error: { message: 'The user is not found.', responseCode: 'ErrorMailRecipientNotFound' },
        },
        { fallbackWorkingHours },
      ),
    ).toEqual({
      ok: false,
      scheduleId: 'gone@contoso.com',
      problem: 'schedule-error',
      message: 'Graph could not read this calendar: The user is not found.',
    });
  });

  it('an item whose time cannot be read is refused rather than treated as free', () => {
    expect(
      parseScheduleInformation(
        { scheduleItems: [item('busy', 'yesterday', '2026-10-12T10:00:00')] },
        { fallbackWorkingHours },
      ),
    ).toEqual(expect.objectContaining({ ok: false, problem: 'unreadable-schedule' }));
    expect(
      parseScheduleInformation(
        {
          scheduleItems: [item('busy', '2026-10-12T09:00:00', '2026-10-12T10:00:00', 'Moon Time')],
        },
        { fallbackWorkingHours },
      ),
    ).toEqual(expect.objectContaining({ ok: false, problem: 'unreadable-schedule' }));
  });

  it('what it reads feeds the slot finder directly', () => {
    const manager = parsed({
      scheduleId: 'manager@contoso.com',
      scheduleItems: [item('busy', '2026-10-12T14:00:00', '2026-10-12T14:30:00')],
      workingHours: {
        daysOfWeek: ['monday'],
        startTime: '07:00:00.0000000',
        endTime: '16:00:00.0000000',
        timeZone: { name: 'Pacific Standard Time' },
      },
    });
    const report = parsed({
      scheduleId: 'report@contoso.com',
      scheduleItems: [],
      workingHours: {
        daysOfWeek: ['monday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'W. Europe Standard Time' },
      },
    });
    const [outcome] = findSlots({
      manager,
      reports: [{ employeeId: 'report', ...report }],
      window: { start: '2026-10-12T00:00:00Z', end: '2026-10-13T00:00:00Z' },
    });
    expect(outcome).toEqual(
      expect.objectContaining({ outcome: 'slot', start: '2026-10-12T14:30:00.000Z' }),
    );
  });
});
