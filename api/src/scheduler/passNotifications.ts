import type { Config } from '../config';
import type { ConversationRecord } from '../domain/conversations/records';
import {
  boardUpdateReminderNotification,
  conversationBookedNotification,
  newDirectReportNotification,
  reminderDue,
} from '../domain/notifications/activityFeed';
import type { ActivityNotification, TeamsLinks } from '../domain/notifications/activityFeed';
import { inPilotScope } from '../domain/settings/pilotScope';
import type { Stored } from '../domain/stored';
import type { DirectoryPerson } from '../domain/orgChart/directoryPerson';
import { heldByAnother } from './leases';
import { rethrowIfAborted } from './passAborted';
import type { Pair, TenantPass } from './tenantPass';
import { describeNotification, failureReason } from '../logging/logSafety';

/**
 * The activity-feed notifications a pass sends: a booking to both people, a reminder to the
 * employee a few days ahead, a new report to their new manager. Each is claimed on the record that
 * caused it before it is sent (the booking's scheduled write, a reminder mark written with
 * If-Match, the manager change's history entry, created once), so no rerun sends it twice; a
 * crash between claim and send loses that one notification rather than repeat it. Only pairs in
 * the pilot get here: the pass books nobody else, and a new manager is told only of a report in it.
 * A failure never stops the pass: it is counted and reported by ids and outcome.
 */

export const teamsLinks = (config: Config): TeamsLinks => ({
  appId: config.teamsAppId,
  tabPublicUrl: config.tabPublicUrl,
});

export async function notify(pass: TenantPass, notification: ActivityNotification): Promise<void> {
  const outcome = await pass.services.notifier.send(pass.tenantId, notification);
  // One request as far as the pass can tell; the client's own retries are not visible here.
  pass.summary.graphRequests++;
  if (outcome.sent) {
    pass.summary.notifications.sent++;
    return;
  }
  pass.summary.notifications.failed++;
  pass.progress(
    `Tenant ${pass.tenantId}: ${describeNotification(pass.tenantId, notification, outcome)}.`,
  );
}

const conversationKey = (record: Pick<ConversationRecord, 'pk' | 'id'>) =>
  `${record.pk}|${record.id}`;

/** Each person's own zone, as their calendar gave it; the tenant's fallback for older records. */
const zoneOf = (pass: TenantPass, record: ConversationRecord, who: 'employee' | 'manager') =>
  record.timeZones?.[who] ?? pass.settings.workingHoursFallback.timeZone;

/**
 * Tells both people their conversation is booked, at their own local time. The caller has just
 * written the record as scheduled, claiming this attempt's notice in the same write.
 */
export async function notifyBooked(
  pass: TenantPass,
  record: ConversationRecord,
  pair: Pair,
): Promise<void> {
  if (record.status !== 'scheduled' || record.start === null) return;
  const start = record.start;
  await Promise.all(
    (['employee', 'manager'] as const).map((to) =>
      notify(
        pass,
        conversationBookedNotification({
          to,
          employee: pair.employee,
          manager: pair.manager,
          start,
          timeZone: zoneOf(pass, record, to),
          conversationKey: conversationKey(record),
          links: teamsLinks(pass.services.config),
        }),
      ),
    ),
  );
}

/**
 * Reminds the employee to update their board once per booking, when the conversation is within
 * the configured days. The mark goes on the record first, conditional on its ETag: a pass that
 * lost the race leaves the reminder to the one that won.
 */
export async function remindIfDue(
  pass: TenantPass,
  pair: Pair,
  record: Stored<ConversationRecord>,
): Promise<void> {
  const days = pass.services.config.scheduler.reminderDays;
  if (!reminderDue(record, pass.now, days) || heldByAnother(record, pass.leases)) return;
  const notification = boardUpdateReminderNotification({
    employee: pair.employee,
    manager: pair.manager,
    start: record.start!,
    timeZone: zoneOf(pass, record, 'employee'),
    conversationKey: conversationKey(record),
    links: teamsLinks(pass.services.config),
  });
  try {
    const claimed = await pass.services.conversations.replaceIfCurrent(
      {
        ...record,
        notices: {
          ...record.notices,
          reminder: { attempt: record.attempt, at: pass.now.toISOString() },
        },
      },
      record._etag,
    );
    if (!claimed) return;
  } catch (error) {
    rethrowIfAborted(error);
    pass.summary.notifications.failed++;
    pass.progress(
      `Tenant ${pass.tenantId}: reminder to ${pair.employee.id} not recorded (${failureReason(error)}); the next run retries.`,
    );
    return;
  }
  await notify(pass, notification);
}

/**
 * Tells the new manager that a report moved to them. Called once per change, by the pass whose
 * history entry for it was the first (managerChanges.ts), and only for a report in the pilot.
 */
export async function notifyNewManager(
  pass: TenantPass,
  person: DirectoryPerson,
  changeKey: string,
): Promise<void> {
  if (person.removed || !person.eligible || person.managerId === null) return;
  const manager = pass.people.get(person.managerId);
  if (!manager || manager.removed || !manager.eligible) return;
  if (!inPilotScope(pass.settings.pilot, pass.pilotMembers, person.id)) return;
  await notify(
    pass,
    newDirectReportNotification({
      managerId: manager.id,
      employee: person,
      changeKey,
      links: teamsLinks(pass.services.config),
    }),
  );
}
