import type { InvocationContext, Timer, TimerHandler } from '@azure/functions';

import type { Services } from '../services';
import type { TimerDefinition } from './timer';

export function toTimerHandler(
  timer: TimerDefinition,
  getServices: () => Promise<Services>,
): TimerHandler {
  return async (_trigger: Timer, context: InvocationContext): Promise<void> => {
    const services = await getServices();
    const summary = await timer.run({
      services,
      context,
      progress: (message) => context.log(message),
    });
    context.log(`${timer.name} finished: ${JSON.stringify(summary)}`);
  };
}
