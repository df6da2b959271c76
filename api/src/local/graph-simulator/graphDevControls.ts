import { sendJson } from '../http-utils';
import { createActivityDevControls } from './activityDevControls';
import { createCalendarDevControls } from './calendarDevControls';
import type { DevHandler } from './devHttp';
import { chainDevHandlers, methodNotAllowed, readValidBody } from './devHttp';
import { faultConfigSchema } from './faults';
import type { GraphCalendarControls } from './graphSimulator';

/**
 * Local-only controls of the Graph simulator's calendar and activity-feed side, for tests and
 * benchmarks:
 *
 * - `PUT /dev/graph-faults` `{ failureRate, statuses, seed?, afterEffectRate?, retryAfterSeconds?,
 *   scope? }` turns fault injection on (see faults.ts); `GET` shows it; `DELETE` turns it off.
 * - `GET /dev/graph-stats` returns the request counters; `DELETE` resets them.
 * - `/dev/calendar-events/...` (see calendarDevControls.ts).
 * - `/dev/activity-notifications` (see activityDevControls.ts).
 */
export function createGraphDevControls(calendar: GraphCalendarControls): DevHandler {
  const faultsAndStats: DevHandler = {
    async handle(req, res, path) {
      if (path === '/dev/graph-faults') {
        if (req.method === 'PUT') {
          const config = await readValidBody(req, res, faultConfigSchema, 'fault configuration');
          if (!config) return true;
          calendar.faults.configure(config);
          sendJson(res, 200, calendar.faults.config());
        } else if (req.method === 'GET') {
          sendJson(res, 200, calendar.faults.config() ?? { failureRate: 0 });
        } else if (req.method === 'DELETE') {
          calendar.faults.clear();
          res.writeHead(204).end();
        } else methodNotAllowed(res, 'GET, PUT, DELETE');
        return true;
      }
      if (path === '/dev/graph-stats') {
        if (req.method === 'GET') sendJson(res, 200, calendar.stats.snapshot());
        else if (req.method === 'DELETE') {
          calendar.stats.reset();
          res.writeHead(204).end();
        } else methodNotAllowed(res, 'GET, DELETE');
        return true;
      }
      return false;
    },
  };
  return chainDevHandlers(
    faultsAndStats,
    createCalendarDevControls(calendar.events),
    createActivityDevControls(calendar.activityFeed),
  );
}
