import type { InvocationContext, Timer, TimerHandler } from '@azure/functions';

import { describeError } from '../logging/logSafety';
import type { Services } from '../services';
import type { TimerDefinition } from './timer';

/**
 * Wraps a timer's run into an Azure Functions timer handler. A failure is logged by its kind, code
 * and invocation id, and the run fails with an error that carries only those: the host logs what
 * a function throws, and an error's message can quote board content.
 */
export function toTimerHandler(
  timer: TimerDefinition,
  getServices: () => Promise<Services>,
): TimerHandler {
  return async (_trigger: Timer, context: InvocationContext): Promise<void> => {
    let summary: unknown;
    try {
      const services = await getServices();
      summary = await timer.run({
        services,
        context,
        progress: (message) => context.log(message),
      });
    } catch (error) {
      const failure = `${timer.name} failed: ${describeError(error)} (invocation ${context.invocationId})`;
      context.error(failure);
      // No `cause`: the host would log the original error, message and all.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(failure);
    }
    context.log(`${timer.name} finished: ${JSON.stringify(summary)}`);
  };
}
