import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { runSchedulePass } from '../../../api/src/scheduler/schedulePass';
import type { PassSummary } from '../../../api/src/scheduler/passSummary';
import type { Services } from '../../../api/src/services';
import {
  calendarEvents,
  careerConversations,
  eligiblePairs,
  runPass,
} from '../../support/calendarChecks';
import {
  DAY,
  doubleBookings,
  EVENT_CREATES,
  graphStats,
  HOUR,
  killable,
  startSchedulerStack,
  survives,
} from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * Bookings a previous run left half done. What has happened is read from the record and the
 * calendar, never assumed from the transactionId, and two passes at once never both send one.
 */

const { tenantId, employee: nia } = DEMO.contoso;
const earlier = () => Date.now() - 2 * HOUR;

describe('a pending booking whose slot is too close or already past', () => {
  let stack: SchedulerStack;
  beforeAll(async () => {
    stack = await startSchedulerStack();
  });
  afterAll(async () => {
    await stack.close();
  });
  const record = async () =>
    (await stack.services.conversations.listForEmployee(tenantId, nia)).find(
      (r) => r.status !== 'cancelled',
    )!;
  const niaEvents = async () =>
    careerConversations(await calendarEvents(stack)).filter((e) => e.attendees[0]?.id === nia);

  it('whose invite went out: the event found is the booking, not cancelled, not sent again', async () => {
    const pass = killable(
      stack.services,
      ({ record: r }) => r.employeeId === nia && r.status === 'scheduled',
    );
    expect(await survives(runSchedulePass(pass.services, { clock: earlier }))).toBe(false);
    const pending = pass.killed()!.record;
    const [sent] = await niaEvents();
    expect(sent.transactionId).toBe(pending.transactionId);

    // The next pass comes when the meeting is under way.
    stack.setNow(new Date(Date.parse(pending.start!) + 10 * 60_000));
    const summary = await runPass(stack);
    expect(summary.failed).toEqual({});
    const after = await record();
    expect(after).toMatchObject({
      status: 'scheduled',
      attempt: 1,
      transactionId: pending.transactionId,
      event: { id: sent.id },
      start: sent.start,
    });
    expect(after.log.at(-1)?.detail).toBe('found the event a previous run created');
    expect((await niaEvents()).map((e) => e.id)).toEqual([sent.id]);
  });

  it('whose invite never went out: a new slot under a new transactionId (attempt + 1)', async () => {
    const fresh = await startSchedulerStack();
    try {
      // Killed right after the pending record was written, before any Graph call for it.
      const pass = killable(
        fresh.services,
        ({ op, record: r }) => op === 'create' && r.employeeId === nia,
        { afterWrite: true },
      );
      expect(await survives(runSchedulePass(pass.services, { clock: earlier }))).toBe(false);
      const pending = pass.killed()!.record;
      const late = new Date(Date.parse(pending.start!) - 30 * 60_000);
      fresh.setNow(late);
      const summary = await runPass(fresh);
      expect(summary.failed).toEqual({});
      const [after] = (await fresh.services.conversations.listForEmployee(tenantId, nia)).filter(
        (r) => r.status !== 'cancelled',
      );
      expect(after.status).toBe('scheduled');
      expect(after.attempt).toBe(2);
      expect(after.transactionId).not.toBe(pending.transactionId);
      expect(Date.parse(after.start!)).toBeGreaterThanOrEqual(late.getTime() + DAY);
      const events = careerConversations(await calendarEvents(fresh)).filter(
        (e) => e.attendees[0]?.id === nia,
      );
      expect(events.map((e) => [e.id, e.transactionId])).toEqual([
        [after.event!.id, after.transactionId],
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('two passes at once (the timer, an admin and the CLI can overlap)', () => {
  let stack: SchedulerStack;
  beforeAll(async () => {
    stack = await startSchedulerStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  /** Every pending record is written, then its create "fails" after committing: no invite yet. */
  function lostResponses(services: Services): Services {
    return {
      ...services,
      conversations: {
        ...services.conversations,
        create: async (record) => {
          await services.conversations.create(record);
          throw new Error('the response was lost');
        },
      },
    };
  }

  it('resuming the same pending bookings, they send each invite once between them', async () => {
    const setup = await runSchedulePass(lostResponses(stack.services), { clock: earlier });
    const pending = (await stack.services.conversations.listForEmployee(tenantId, nia)).filter(
      (r) => r.status === 'pending',
    );
    expect(pending).toHaveLength(1);
    expect(setup.booked).toBe(0);
    expect(careerConversations(await calendarEvents(stack))).toEqual([]);

    await fetch(`${stack.urls.dev}/dev/graph-stats`, { method: 'DELETE' });
    const [a, b] = await Promise.all([runPass(stack), runPass(stack)]);
    const events = careerConversations(await calendarEvents(stack));
    const pairs = eligiblePairs(stack.orgStore.snapshot());
    // Every pair: those whose working hours never meet are booked inside the stretch.
    const bookable = pairs;
    const perPair = new Map<string, number>();
    for (const e of events) {
      const key = `${e.organizer.id}|${e.attendees[0]?.id}`;
      perPair.set(key, (perPair.get(key) ?? 0) + 1);
    }
    expect([...perPair.values()].filter((n) => n > 1)).toEqual([]);
    expect(events).toHaveLength(bookable.length);
    // Each invite was sent once: no pass created an event another pass was creating.
    expect((await graphStats(stack)).byRoute[EVENT_CREATES]).toBe(events.length);
    const failed = (s: PassSummary) => s.failed;
    expect([failed(a), failed(b)]).toEqual([{}, {}]);
    expect(a.booked + a.rebooked + b.booked + b.rebooked).toBe(bookable.length);
    expect(doubleBookings(events)).toEqual([]);
  });
});
