import type { InvocationContext } from '@azure/functions';

import type { Services } from '../services';

export interface TimerProgress {
  (message: string): void;
}

export interface TimerDefinition {
  /** The Azure Function name; also `POST /admin/functions/{name}` locally. */
  name: string;
  /** NCRONTAB with seconds: `{second} {minute} {hour} {day} {month} {day-of-week}`. */
  schedule: string;
  run: (input: {
    services: Services;
    context: InvocationContext;
    progress: TimerProgress;
  }) => Promise<unknown>;
}
