import { runInviteRefresh } from '../scheduler/refreshInvites';
import { runFannedOutPass } from '../scheduler/fanOut/fannedOutPass';
import type { TimerDefinition } from './timer';

/** Every timer function, in one place. Azure registers them; the local host runs them with croner. */
export const timers: TimerDefinition[] = [
  {
    name: 'scheduleConversations',
    // Daily at 06:00 UTC (NCRONTAB: second minute hour day month day-of-week).
    schedule: '0 0 6 * * *',
    // Plans here; queue workers on any number of instances book (scheduleWork).
    run: ({ services, progress }) => runFannedOutPass(services, { progress }),
  },
  {
    name: 'refreshInvites',
    // Every 10 minutes: board changes reach the invites soon, within their noise limits.
    schedule: '0 */10 * * * *',
    run: ({ services, progress }) => runInviteRefresh(services, { progress }),
  },
];
