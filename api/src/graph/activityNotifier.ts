import type { Client } from '@microsoft/microsoft-graph-client';

import type { ActivityNotification } from '../domain/notifications/activityFeed';
import { graphStatus } from './graphStatus';

/**
 * Sends one Teams activity-feed notification, app-only: `POST /users/{id}/teamwork/
 * sendActivityNotification` (TeamsActivity.Send), 204 on success. 429/503/504 are retried by the
 * client's RetryHandler; Outlook's per-mailbox limits do not apply to this endpoint.
 *
 * Best effort by contract: it never throws. Whatever caused the notification has already been
 * saved, so a failure is only reported back, for the caller to count and log by ids and outcome.
 */

export type NotificationFailure =
  /** 403: the app is not installed for the recipient (or not allowed to notify them). */
  | 'not-installed'
  /** 404: no such user in the tenant. */
  | 'no-such-recipient'
  /** Any other 4xx: Graph refused the request itself. */
  | 'refused'
  /** 429 or 5xx after the retries, or no answer at all. */
  | 'unavailable';

export type NotificationOutcome =
  { sent: true } | { sent: false; status: number | null; reason: NotificationFailure };

export interface ActivityNotifier {
  send(tenantId: string, notification: ActivityNotification): Promise<NotificationOutcome>;
}

export function createActivityNotifier(clientFor: (tenantId: string) => Client): ActivityNotifier {
  return {
    async send(tenantId, notification) {
      try {
        await clientFor(tenantId)
          .api(
            `/users/${encodeURIComponent(notification.recipientId)}/teamwork/sendActivityNotification`,
          )
          .post({
            topic: {
              source: 'text',
              value: notification.topic.value,
              webUrl: notification.topic.webUrl,
            },
            activityType: notification.activityType,
            previewText: { content: notification.previewText },
            templateParameters: notification.templateParameters,
            chainId: notification.chainId,
          });
        return { sent: true };
      } catch (error) {
        const status = graphStatus(error);
        const known = status !== undefined && status > 0 ? status : null;
        return { sent: false, status: known, reason: failureOf(known) };
      }
    },
  };
}

function failureOf(status: number | null): NotificationFailure {
  if (status === 403) return 'not-installed';
  if (status === 404) return 'no-such-recipient';
  if (status !== null && status >= 400 && status < 500 && status !== 429) return 'refused';
  return 'unavailable';
}
