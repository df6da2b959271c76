import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';

import type { TimerDefinition } from '../../../api/src/functions/timer';
import { toTimerHandler } from '../../../api/src/functions/toTimerHandler';
import { note, emptySummary } from '../../../api/src/scheduler/passSummary';
import { failureReason } from '../../../api/src/logging/logSafety';
import type { Services } from '../../../api/src/services';

/** A timer's log lines carry kinds, codes and ids: a thrown error's message never reaches them. */

const SECRET = 'Agenda: I want to leave for a competitor next spring';
const trigger = {} as Timer;
const services = {} as Services;

function context(lines: string[]) {
  return new InvocationContext({
    invocationId: 'inv-42',
    functionName: 'scheduleConversations',
    logHandler: (level, ...args) => lines.push(`${level} ${args.map(String).join(' ')}`),
  });
}

const timer = (run: TimerDefinition['run']): TimerDefinition => ({
  name: 'scheduleConversations',
  schedule: '0 0 6 * * *',
  run,
});

describe('toTimerHandler', () => {
  it('a run that throws is logged and failed by kind and invocation id, without the message', async () => {
    const lines: string[] = [];
    const handler = toTimerHandler(
      timer(async () => {
        throw Object.assign(new TypeError(SECRET), { code: 'EBOOK' });
      }),
      async () => services,
    );
    const failure = await Promise.resolve(handler(trigger, context(lines))).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).toContain('TypeError code=EBOOK');
    expect(failure?.message).not.toContain(SECRET);
    expect(lines.join('\n')).toContain('inv-42');
    expect(lines.join('\n')).toContain('TypeError code=EBOOK');
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('a pass whose steps failed logs a summary with the failure kinds, not their messages', async () => {
    const lines: string[] = [];
    const handler = toTimerHandler(
      timer(async ({ progress }) => {
        const summary = emptySummary(new Date('2026-12-04T06:00:00Z'));
        const error = new Error(SECRET);
        note(summary, 'failed', `booking: ${failureReason(error)}`, {
          tenantId: 't1',
          employeeId: 'e1',
          managerId: 'm1',
        });
        progress(`Tenant t1: failed (${failureReason(error)}); the next run retries.`);
        return summary;
      }),
      async () => services,
    );
    await handler(trigger, context(lines));
    const log = lines.join('\n');
    expect(log).toContain('booking: Error');
    expect(log).toContain('"employeeId":"e1"');
    expect(log).not.toContain(SECRET);
  });
});
