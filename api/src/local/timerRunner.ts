import { randomUUID } from 'node:crypto';

import { InvocationContext } from '@azure/functions';
import { Cron } from 'croner';

import { describeError } from '../logging/logSafety';
import type { Services } from '../services';
import type { TimerDefinition } from '../functions/timer';

/**
 * Runs the timer table locally on the same NCRONTAB schedules Azure uses (six fields, seconds
 * first, which croner reads as is). Like the Functions host, a run never overlaps itself.
 */
export function scheduleTimers(
  timers: TimerDefinition[],
  services: Services,
  log: (line: string) => void,
): () => void {
  const jobs = timers.map(
    (timer) =>
      new Cron(timer.schedule, { protect: true, timezone: 'UTC', name: timer.name }, async () => {
        const context = new InvocationContext({
          invocationId: randomUUID(),
          functionName: timer.name,
          logHandler: (level, ...args) =>
            log(`[${timer.name}] [${level}] ${args.map(String).join(' ')}`),
        });
        try {
          const summary = await timer.run({
            services,
            context,
            progress: (m) => log(`[${timer.name}] ${m}`),
          });
          log(`[${timer.name}] finished: ${JSON.stringify(summary)}`);
        } catch (error) {
          log(`[${timer.name}] failed: ${describeError(error)}`);
        }
      }),
  );
  return () => jobs.forEach((job) => job.stop());
}
