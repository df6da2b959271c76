import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { UnbookedPairsView } from '../../../api/src/contract/conversationContract';
import type { QueueTriggerDefinition } from '../../../api/src/functions/queueTrigger';
import { DEMO } from '../../../api/src/local/demo-org/demoDirectory';
import { toQueueHandler } from '../../../api/src/functions/queueTrigger';
import { queueTriggers } from '../../../api/src/functions/queueTriggers';
import { readQueueHostSettings } from '../../../api/src/local/hostQueueSettings';
import { startQueueTriggerHost } from '../../../api/src/local/queueTriggerHost';
import type { QueueTriggerHost } from '../../../api/src/local/queueTriggerHost';
import { runFannedOutPass } from '../../../api/src/scheduler/fanOut/fannedOutPass';
import { SCHEDULE_WORK_QUEUE } from '../../../api/src/scheduler/fanOut/workQueues';
import type { PassSummary } from '../../../api/src/scheduler/passSummary';
import type { Services } from '../../../api/src/services';
import { calendarEvents, careerConversations, eligiblePairs } from '../../support/calendarChecks';
import type { DevEvent } from '../../support/calendarChecks';
import { doubleBookings, NOW, startSchedulerStack } from './schedulerKit';
import type { SchedulerStack } from './schedulerKit';

/**
 * The pass fanned out on Azurite's queue, with the stack running no queue trigger of its own: the
 * tests start the workers (local queue-trigger hosts, as many Function instances would be, and a
 * worker process they kill), so every message, redelivery and poison move is the real one.
 */

const WORKER = join(__dirname, 'support/scheduleWorkerProcess.ts');
const hosts: QueueTriggerHost[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

/** A Function instance in this process: the app's queue triggers (or `triggers`) on the stack. */
async function instance(
  stack: SchedulerStack,
  triggers: QueueTriggerDefinition[] = queueTriggers,
  services: Services = stack.services,
): Promise<QueueTriggerHost> {
  const host = await startQueueTriggerHost({
    service: stack.queues.service,
    settings: readQueueHostSettings(),
    leaseMs: 2000,
    minPollingIntervalMs: 50,
    functions: triggers.map((t) => ({
      name: t.name,
      queueName: t.queueName,
      handler: toQueueHandler(t, async () => services),
    })),
  });
  hosts.push(host);
  return host;
}

/** Events per pair (organiser|attendee), live career conversations only. */
function eventsByPair(events: DevEvent[]): Map<string, DevEvent[]> {
  const pairs = new Map<string, DevEvent[]>();
  for (const e of careerConversations(events)) {
    const key = `${e.organizer.id}|${e.attendees[0]?.id}`;
    pairs.set(key, [...(pairs.get(key) ?? []), e]);
  }
  return pairs;
}

/** Every eligible pair has exactly one live invite, and nobody is booked twice at once. */
async function expectEachPairBookedOnce(stack: SchedulerStack): Promise<DevEvent[]> {
  const pairs = eligiblePairs(stack.orgStore.snapshot());
  const events = await calendarEvents(stack);
  const byPair = eventsByPair(events);
  const counts = pairs.map((p) => byPair.get(`${p.manager.id}|${p.employee.id}`)?.length ?? 0);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
  expect(careerConversations(events)).toHaveLength(pairs.length);
  expect(doubleBookings(events)).toEqual([]);
  return events;
}

/** Resolves once the pass says its items are queued. */
function passWithQueuedSignal(stack: SchedulerStack): {
  pass: Promise<PassSummary>;
  queued: Promise<number>;
} {
  let signal: (n: number) => void = () => undefined;
  const queued = new Promise<number>((resolve) => (signal = resolve));
  const pass = runFannedOutPass(stack.services, {
    budgetMs: 170_000,
    progress: (message) => {
      const m = /(\d+) work item\(s\) queued/.exec(message);
      if (m) signal(Number(m[1]));
    },
  });
  return { pass, queued };
}

async function queueLength(stack: SchedulerStack, name: string): Promise<number> {
  const props = await stack.queues.service.getQueueClient(name).getProperties();
  return props.approximateMessagesCount ?? 0;
}

describe('the pass fanned out on the queue', () => {
  let stack: SchedulerStack;
  afterEach(async () => {
    await stack?.close();
  });

  it('two instances share one pass and every item delivered twice: each pair is booked exactly once, and one summary tells it all', async () => {
    stack = await startSchedulerStack(NOW, { queueTriggers: [] });
    const { pass, queued } = passWithQueuedSignal(stack);
    const enqueued = await queued;
    expect(enqueued).toBeGreaterThan(5);

    // Every message sent a second time, as a queue may deliver one twice.
    const queue = stack.queues.service.getQueueClient(SCHEDULE_WORK_QUEUE);
    const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
    expect(peekedMessageItems).toHaveLength(enqueued);
    for (const m of peekedMessageItems) await queue.sendMessage(m.messageText);

    await instance(stack);
    await instance(stack);
    const summary = await pass;

    const pairs = eligiblePairs(stack.orgStore.snapshot());
    expect(summary.booked).toBe(pairs.length);
    expect(summary.pairsSeen).toBe(pairs.length);
    expect(summary.failed).toEqual({});
    expect(summary.workItems).toMatchObject({ enqueued, done: enqueued, poisoned: 0 });
    // Each pair's two invites (the employee's "booked" notice and the manager's) went out once.
    expect(summary.notifications.sent).toBe(2 * pairs.length);
    await expectEachPairBookedOnce(stack);
    await until(async () =>
      (await queueLength(stack, SCHEDULE_WORK_QUEUE)) === 0 ? true : undefined,
    );

    // The next pass finds every pair booked and books nothing.
    const again = await runFannedOutPass(stack.services, { budgetMs: 120_000 });
    expect(again).toMatchObject({ booked: 0, alreadyBooked: pairs.length, failed: {} });
    await expectEachPairBookedOnce(stack);
  });

  it('a worker process killed after Graph created an invite but before its record said so: the next delivery finds that invite by its transactionId and sends no second one', async () => {
    stack = await startSchedulerStack(NOW, { queueTriggers: [] });
    const { pass, queued } = passWithQueuedSignal(stack);
    await queued;

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        COSMOS_ENDPOINT: stack.config.cosmos.endpoint,
        DEV_PORT: String(stack.ports.dev),
        QUEUE_PORT: String(stack.ports.queues),
        LEASE_MS: '2000',
        SCHEDULER_MAILBOX_LEASE_SECONDS: '3',
        CLOCK_NOW: NOW.toISOString(),
        DIE_BEFORE_SCHEDULED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');
    const dying = /dying (\S+)/.exec(output)?.[1];
    expect(dying).toBeDefined();
    const [tenantId, employeeId] = dying!.split('|');

    // The invite exists; the record still says pending, leased to the dead worker's item.
    const before = await stack.services.conversations.listForEmployee(tenantId!, employeeId!);
    expect(before.map((r) => r.status)).toContain('pending');
    const pending = before.find((r) => r.status === 'pending')!;
    const sent = careerConversations(await calendarEvents(stack)).filter(
      (e) => e.transactionId === pending.transactionId,
    );
    expect(sent).toHaveLength(1);

    await instance(stack);
    const summary = await pass;
    expect(summary.failed).toEqual({});
    expect(summary.workItems.done).toBe(summary.workItems.enqueued);

    const after = await stack.services.conversations.read(tenantId!, employeeId!, pending.id);
    expect(after).toMatchObject({ status: 'scheduled', transactionId: pending.transactionId });
    expect(after!.event?.id).toBe(sent[0]!.id);
    await expectEachPairBookedOnce(stack);
  });

  it('an item that fails every delivery goes to the poison queue, and its pairs are counted as failed, for the summary and the admin, not lost; the next pass books them', async () => {
    stack = await startSchedulerStack(NOW, { queueTriggers: [] });
    const [work, poison] = queueTriggers;
    // One manager's mailbox refuses everything this pass (a broken mailbox, say).
    let broken: string | null = null;
    const failing: QueueTriggerDefinition = {
      ...work!,
      async run(input) {
        const managerId = (input.message as { manager?: { id?: string } }).manager?.id ?? null;
        broken ??= managerId;
        if (managerId === broken) throw new Error('mailbox unavailable');
        await work!.run(input);
      },
    };
    await instance(stack, [failing, poison!]);
    const summary = await runFannedOutPass(stack.services, { budgetMs: 120_000 });

    const pairs = eligiblePairs(stack.orgStore.snapshot());
    const ofBroken = pairs.filter((p) => p.manager.id === broken).length;
    expect(ofBroken).toBeGreaterThan(0);
    expect(summary.workItems.poisoned).toBe(1);
    expect(summary.workItems.done).toBe(summary.workItems.enqueued - 1);
    expect(Object.values(summary.failed)).toEqual([ofBroken]);
    expect(Object.keys(summary.failed)[0]).toMatch(/poison queue/);
    expect(summary.booked).toBe(pairs.length - ofBroken);
    const latest = await stack.services.schedulingRuns.readLatest(NOW_TENANT(stack));
    const results = await stack.services.schedulingRuns.readResults(
      NOW_TENANT(stack),
      latest!.runId,
    );
    expect(results.filter((r) => r.outcome === 'poisoned')).toEqual([
      expect.objectContaining({ managerId: broken, pairs: ofBroken }),
    ]);
    // The admin sees whose pairs wait, by name and count, and that the rest went through.
    const admin = await stack.call<UnbookedPairsView>('/adoption/unbooked', {
      as: DEMO.contoso.admin,
    });
    const brokenName = stack.orgStore.snapshot().users.find((u) => u.id === broken)!.displayName;
    expect(admin.body.latestPass).toMatchObject({
      finishedAt: expect.any(String),
      workItems: {
        enqueued: summary.workItems.enqueued,
        done: summary.workItems.enqueued - 1,
        failed: 1,
      },
      failedWork: [{ manager: { id: broken, displayName: brokenName }, pairs: ofBroken }],
    });

    // The mailbox works again: the next pass books exactly those pairs.
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
    await instance(stack);
    const next = await runFannedOutPass(stack.services, { budgetMs: 120_000 });
    expect(next).toMatchObject({ booked: ofBroken, failed: {} });
    await expectEachPairBookedOnce(stack);
    // The earlier run's results (they name pairs) are gone once the next run starts.
    expect(
      await stack.services.schedulingRuns.readResults(NOW_TENANT(stack), latest!.runId),
    ).toEqual([]);
  });

  it("under Outlook's per-mailbox limits, workers on two instances wait out Retry-After and book everyone, with nothing failed", async () => {
    stack = await startSchedulerStack(NOW, {
      queueTriggers: [],
      // Four requests per 2 s per mailbox: every manager with four or more reports is throttled.
      graphCalendarLimits: { requestsPerWindow: 4, windowMs: 2000 },
    });
    await instance(stack);
    await instance(stack);
    const summary = await runFannedOutPass(stack.services, { budgetMs: 170_000 });
    const stats = (await (await fetch(`${stack.urls.dev}/dev/graph-stats`)).json()) as {
      throttled: number;
    };
    expect(stats.throttled).toBeGreaterThan(0);
    expect(summary.failed).toEqual({});
    expect(summary.booked).toBe(eligiblePairs(stack.orgStore.snapshot()).length);
    await expectEachPairBookedOnce(stack);
  });
});

describe('mailbox leases', () => {
  let stack: SchedulerStack;
  beforeAll(async () => {
    stack = await startSchedulerStack(NOW, { queueTriggers: [] });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('are taken all or none, so two items sharing a mailbox never run at once, and lapse when their holder stops renewing', async () => {
    const leases = stack.services.mailboxLeases;
    const t0 = Date.now();
    expect(await leases.takeAll('t', ['m1', 'r1'], 'a', t0, 60_000)).toEqual({ taken: true });
    // Overlapping on r1: refused, and m2 (taken first in id order) is handed back.
    expect((await leases.takeAll('t', ['m2', 'r1'], 'b', t0, 60_000)).taken).toBe(false);
    expect(await leases.takeAll('t', ['m2'], 'c', t0, 60_000)).toEqual({ taken: true });
    // The same holder renews; another tenant's mailbox of the same id is another lease.
    expect(await leases.takeAll('t', ['m1', 'r1'], 'a', t0 + 1000, 60_000)).toEqual({
      taken: true,
    });
    expect(await leases.takeAll('other', ['r1'], 'b', t0, 60_000)).toEqual({ taken: true });
    // Unrenewed past its end, it is free for the next.
    expect(await leases.takeAll('t', ['r1'], 'b', t0 + 61_001, 60_000)).toEqual({ taken: true });
    await leases.releaseAll('t', ['m2'], 'c');
    expect(await leases.takeAll('t', ['m2'], 'b', t0, 60_000)).toEqual({ taken: true });
  });
});

const NOW_TENANT = (stack: SchedulerStack): string =>
  eligiblePairs(stack.orgStore.snapshot())[0]!.employee.tenantId;

/** Polls until `check` answers; a condition that never comes fails by name within jest's timeout. */
async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
  const giveUp = Date.now() + 30_000;
  while (Date.now() < giveUp) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('never happened');
}
