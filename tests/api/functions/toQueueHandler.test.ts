import { InvocationContext } from '@azure/functions';

import { toQueueHandler } from '../../../api/src/functions/queueTrigger';
import type { QueueTriggerDefinition } from '../../../api/src/functions/queueTrigger';
import type { Services } from '../../../api/src/services';

/** A queue run gets the message and its delivery count; a failure is rethrown without its message. */

const SECRET = 'Agenda: I want to leave for a competitor next spring';
const services = {} as Services;

function context(lines: string[], dequeueCount?: number) {
  return new InvocationContext({
    invocationId: 'inv-7',
    functionName: 'bookManager',
    triggerMetadata: dequeueCount === undefined ? {} : { dequeueCount },
    logHandler: (level, ...args) => lines.push(`${level} ${args.map(String).join(' ')}`),
  });
}

const trigger = (run: QueueTriggerDefinition['run']): QueueTriggerDefinition => ({
  name: 'bookManager',
  queueName: 'schedule-work',
  run,
});

describe('toQueueHandler', () => {
  it('passes the message, the services and the dequeue count from the trigger metadata', async () => {
    const seen: unknown[] = [];
    const handler = toQueueHandler(
      trigger(async ({ message, dequeueCount, services: given }) => {
        seen.push({ message, dequeueCount, same: given === services });
      }),
      async () => services,
    );
    await handler({ managerId: 'm1' }, context([], 3));
    await handler('plain text', context([]));
    expect(seen).toEqual([
      { message: { managerId: 'm1' }, dequeueCount: 3, same: true },
      { message: 'plain text', dequeueCount: 1, same: true },
    ]);
  });

  it('a failing run is logged and rethrown by kind, invocation and delivery, never its message', async () => {
    const lines: string[] = [];
    const handler = toQueueHandler(
      trigger(async () => {
        throw Object.assign(new RangeError(SECRET), { code: 'EBOOK' });
      }),
      async () => services,
    );
    const failure = await Promise.resolve(handler({}, context(lines, 2))).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toBe(
      'bookManager failed: RangeError code=EBOOK (invocation inv-7, delivery 2)',
    );
    expect(lines.join('\n')).toContain('RangeError code=EBOOK');
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
