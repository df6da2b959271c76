import { sharedBoardChangedNotification } from '../../domain/notifications/activityFeed';
import { mayRead, sharedAccess } from '../../domain/sharing/shareRule';
import type { CallerRouteInput } from '../../http/route';
import { describeError } from '../../logging/logSafety';
import type { OpenBoard } from '../board/openBoard';
import { notifyInPilot, teamsLinks } from './sharingNotices';

/**
 * After the employee changed an aspiration: every sponsor or mentor whose share covers it hears
 * so in their activity feed, at most once a day per board. The day is claimed before the notice
 * is sent, so a second quick edit or a retried request sends nothing more. Shares are read now,
 * so a revoked share, or one naming other aspirations, gets nothing. Best effort: the change is
 * saved already, so a failure is logged by ids and outcome and never fails the edit.
 */
export async function noticeFollowers(
  input: CallerRouteInput,
  board: Pick<OpenBoard, 'tenantId' | 'employeeId' | 'employee'>,
  aspirationId: string,
): Promise<void> {
  const { services, context } = input;
  try {
    const shares = await services.sharing.listShares(board.tenantId, board.employeeId);
    const day = services.now().toISOString().slice(0, 10);
    for (const share of shares) {
      // Questions asked are not a share: they are answered in their thread, not followed.
      const access = sharedAccess(share.viewer.id, share, []);
      if (!access || !mayRead(access, aspirationId)) continue;
      const claimed = await services.sharing.claimChangeNotice(
        board.tenantId,
        board.employeeId,
        share.viewer.id,
        day,
      );
      if (!claimed) continue;
      await notifyInPilot(
        input,
        sharedBoardChangedNotification({
          viewerId: share.viewer.id,
          employee: board.employee,
          links: teamsLinks(input),
        }),
      );
    }
  } catch (error) {
    context.warn(
      `${context.functionName}: change notices to followers not sent (${describeError(error)}) (invocation ${context.invocationId})`,
    );
  }
}
