import type { TimerDefinition } from './timer';

/** Every timer function, in one place. Azure registers them; the local host runs them with croner. */
export const timers: TimerDefinition[] = [];
