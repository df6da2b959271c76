import { sendJson } from '../http-utils';
import type { ActivityFeed } from './activityFeed';
import { activityFailureSchema } from './activityFeed';
import type { DevHandler } from './devHttp';
import { methodNotAllowed, readValidBody } from './devHttp';

/**
 * Local-only `/dev/activity-notifications`: what the app sent to people's Teams activity feeds
 * (every tenant, oldest first), and a way to make sending fail.
 *
 * - `GET /dev/activity-notifications` lists them: tenant, recipient id, activity type, topic,
 *   preview text, template parameters, chain id, the text Teams would show and when;
 *   `DELETE` forgets them.
 * - `PUT /dev/activity-notifications/failure` `{ "status": 403 | 404 | 500 | 503, "userIds"? }`
 *   fails every send (or those to `userIds`): 403 is Graph's answer when the app is not installed
 *   for the recipient, 503 comes with `Retry-After: 0`. `GET` shows it, `DELETE` ends it.
 */
export function createActivityDevControls(feed: ActivityFeed): DevHandler {
  return {
    async handle(req, res, path) {
      if (path === '/dev/activity-notifications' || path === '/dev/activity-notifications/') {
        if (req.method === 'GET') sendJson(res, 200, feed.all());
        else if (req.method === 'DELETE') {
          feed.clear();
          res.writeHead(204).end();
        } else methodNotAllowed(res, 'GET, DELETE');
        return true;
      }
      if (path === '/dev/activity-notifications/failure') {
        if (req.method === 'PUT') {
          const failure = await readValidBody(
            req,
            res,
            activityFailureSchema,
            'activity notification failure',
          );
          if (!failure) return true;
          feed.setFailure(failure);
          sendJson(res, 200, feed.failure());
        } else if (req.method === 'GET') {
          sendJson(res, 200, feed.failure() ?? { status: null });
        } else if (req.method === 'DELETE') {
          feed.setFailure(null);
          res.writeHead(204).end();
        } else methodNotAllowed(res, 'GET, PUT, DELETE');
        return true;
      }
      return false;
    },
  };
}
