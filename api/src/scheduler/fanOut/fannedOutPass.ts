import type { Services } from '../../services';
import type { PassOptions } from '../schedulePass';
import { runSchedulePass } from '../schedulePass';
import type { PassSummary } from '../passSummary';

/**
 * The scheduling pass as the timer, the admin's run and `npm run schedule` run it: org chart
 * synced and pairs planned here, booked by queue workers (bookWorkItem.ts) on any number of
 * instances, their results gathered back into one summary.
 */
export function runFannedOutPass(
  services: Services,
  options: Omit<PassOptions, 'fanOut'> = {},
): Promise<PassSummary> {
  return runSchedulePass(services, { ...options, fanOut: true });
}
