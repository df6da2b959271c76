import type { ActivityNotification } from '../../domain/notifications/activityFeed';
import type { TeamsLinks } from '../../domain/notifications/activityFeed';
import { inPilotScope } from '../../domain/settings/pilotScope';
import type { CallerRouteInput } from '../../http/route';
import { describeError, describeNotification } from '../../logging/logSafety';

export const teamsLinks = (input: CallerRouteInput): TeamsLinks => ({
  appId: input.services.config.teamsAppId,
  tabPublicUrl: input.services.config.tabPublicUrl,
});

/**
 * Sends a sharing notice under the same rules as every other: only to people inside the tenant's
 * pilot, best effort (a failure is logged by ids and outcome, never fails what was saved), and
 * each notice keyed by a chain so a repeat replaces rather than piles up. Callers send only after
 * the write that claims the notice succeeded (a duplicate share or question is refused first).
 */
export async function notifyInPilot(
  input: CallerRouteInput,
  notification: ActivityNotification,
): Promise<void> {
  const { services, caller, context } = input;
  try {
    const [{ settings }, members] = await Promise.all([
      services.settings.read(caller.tenantId),
      services.orgChart.readPilotMembers(caller.tenantId),
    ]);
    if (!inPilotScope(settings.pilot, members, notification.recipientId)) return;
  } catch (error) {
    context.warn(
      `${context.functionName}: pilot scope not read (${describeError(error)}), so no notification (invocation ${context.invocationId})`,
    );
    return;
  }
  const outcome = await services.notifier.send(caller.tenantId, notification);
  if (!outcome.sent) {
    context.warn(
      `${context.functionName}: ${describeNotification(caller.tenantId, notification, outcome)} (invocation ${context.invocationId})`,
    );
  }
}
