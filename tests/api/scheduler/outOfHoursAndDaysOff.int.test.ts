import { resolveTimeZone, zonedTimeToUtc } from '../../../api/src/domain/scheduling';
import { buildDemoDirectory, DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import {
  calendarEvents,
  careerConversations,
  eligiblePairs,
  localDayOf,
  runPass,
  workingHoursOverlap,
} from '../../support/calendarChecks';
import { NOW, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * Out-of-office days and tenants that turn the stretch off, over real sockets on the demo org.
 * An all-day event is Graph's midnight-to-midnight in the person's zone ("If isAllDay is true,
 * start and end must be set to midnight": https://learn.microsoft.com/graph/api/resources/event),
 * and getSchedule reports it as an item with that start and end and its free/busy status
 * (https://learn.microsoft.com/graph/api/calendar-getschedule): here, out of office.
 */

const nia = DEMO.contoso.employee;
// Nia is out of office all day, every day the pass could book her this quarter, but one.
const ONLY_DAY_IN = '2027-02-03';
const AWAY: string[] = [];
for (
  let day = Date.parse('2027-01-19T00:00:00Z');
  day < Date.parse('2027-04-01T00:00:00Z');
  day += 86_400_000
) {
  const date = new Date(day).toISOString().slice(0, 10);
  if (date !== ONLY_DAY_IN) AWAY.push(date);
}

describe('days nobody can meet, and pairs the stretch is not allowed to help', () => {
  let stack: SchedulerStack;
  beforeAll(async () => {
    const directory = buildDemoDirectory(NOW);
    const person = directory.users.find((u) => u.id === nia)!;
    const zone = resolveTimeZone(person.mailboxSettings.workingHours.timeZone.name)!;
    for (const date of AWAY) {
      const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      person.busy.push({
        start: new Date(zonedTimeToUtc(date, '00:00', zone)).toISOString(),
        end: new Date(zonedTimeToUtc(next, '00:00', zone)).toISOString(),
        subject: 'Out of office (all day)',
        showAs: 'oof',
      });
    }
    stack = await startSchedulerStack(NOW, { directory });
    const stored = await stack.services.settings.read(DEMO.contoso.tenantId);
    await stack.services.settings.write(
      DEMO.contoso.tenantId,
      { ...stored.settings, stretch: { ...stored.settings.stretch, enabled: false } },
      { id: 'test', displayName: 'Test' },
      stored.etag,
      NOW.toISOString(),
    );
  });
  afterAll(async () => {
    await stack.close();
  });

  it('with the stretch off, pairs whose hours never meet wait for the manager to pick, saying why; the rest are booked, none on a day someone is out of office all day', async () => {
    const summary = await runPass(stack);
    const pairs = eligiblePairs(stack.orgStore.snapshot()).filter(
      (p) => p.employee.tenantId === DEMO.contoso.tenantId,
    );
    const apart = pairs.filter((p) => !workingHoursOverlap(p.employee, p.manager, NOW.getTime()));
    expect(apart.length).toBeGreaterThan(0);
    expect(summary.failed).toEqual({});
    expect(summary.skipped).toEqual({ 'no slot: stretch-off': apart.length });

    const records = await stack.services.conversations.listForTenant(DEMO.contoso.tenantId, [
      '2027-Q1',
    ]);
    for (const { employee } of apart) {
      const record = records.find((r) => r.employeeId === employee.id);
      expect(record).toMatchObject({
        status: 'needs-manager-pick',
        unbooked: { reason: 'stretch-off', next: 'manager-picks', since: NOW.toISOString() },
        start: null,
        event: null,
      });
    }

    const events = careerConversations(await calendarEvents(stack));
    const niaPerson = stack.orgStore.snapshot().users.find((u) => u.id === nia)!;
    const hers = events.filter((e) => e.attendees[0].id === nia);
    expect(hers).toHaveLength(1);
    expect(localDayOf(niaPerson, hers[0].start).slice(0, 10)).toBe(ONLY_DAY_IN);
  });

  it('the pass keeps pursuing them: with the stretch back on, the next pass books each once, on the same record', async () => {
    const stored = await stack.services.settings.read(DEMO.contoso.tenantId);
    await stack.services.settings.write(
      DEMO.contoso.tenantId,
      { ...stored.settings, stretch: { ...stored.settings.stretch, enabled: true } },
      { id: 'test', displayName: 'Test' },
      stored.etag,
      NOW.toISOString(),
    );
    const waiting = (
      await stack.services.conversations.listForTenant(DEMO.contoso.tenantId, ['2027-Q1'])
    ).filter((r) => r.status === 'needs-manager-pick');
    expect(waiting.length).toBeGreaterThan(0);

    const summary = await runPass(stack);
    expect(summary.failed).toEqual({});
    expect(summary.skipped).toEqual({});
    expect(summary.booked).toBe(waiting.length);
    const after = await stack.services.conversations.listForTenant(DEMO.contoso.tenantId, [
      '2027-Q1',
    ]);
    for (const before of waiting) {
      const record = after.find((r) => r.id === before.id && r.pk === before.pk)!;
      expect(record).toMatchObject({ status: 'scheduled', unbooked: null, attempt: 1 });
      expect(record.stretch).toBeTruthy();
      expect(record.transactionId).toBe(before.transactionId);
    }
    expect((await runPass(stack)).booked).toBe(0);
  });
});
