import {
  Avatar,
  Badge,
  Caption1,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AlertRegular,
  CalendarAddRegular,
  CalendarErrorRegular,
  ClockAlarmRegular,
  DocumentDismissRegular,
  VideoRegular,
} from '@fluentui/react-icons';

import { FLAG_TEXT } from './teamLogic';
import type { TeamFlag, TeamMemberView } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';
import { notBookedLabel, reasonClause } from '../common/notBookedText';
import { PickTimeButton } from '../common/PickTimeButton';
import { HORIZON_ORDER as HORIZONS, HORIZON_TEXT } from '../common/boardText';
import { formatDateTime, formatDay } from '../common/format';
import { hrefFor } from '../routing/routes';

const useStyles = makeStyles({
  identity: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  names: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  stack: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  aspiration: { overflowWrap: 'anywhere' },
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  flag: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  pick: { alignSelf: 'flex-start', marginTop: '2px' },
  // One unbroken link on a line of its own: never split "Join in Teams" across lines.
  join: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    whiteSpace: 'nowrap',
    alignSelf: 'flex-start',
    fontSize: tokens.fontSizeBase200,
  },
});

export function MemberIdentity({ member }: { member: TeamMemberView }) {
  const styles = useStyles();
  return (
    <div className={styles.identity}>
      <Avatar name={member.displayName} color="colorful" aria-hidden />
      <div className={styles.names}>
        <Link className={styles.name} href={hrefFor({ name: 'board', employeeId: member.id })}>
          {member.displayName}
        </Link>
        {member.jobTitle ? <Caption1>{member.jobTitle}</Caption1> : null}
      </div>
    </div>
  );
}

export function TopAspirations({ member }: { member: TeamMemberView }) {
  const styles = useStyles();
  const shown = HORIZONS.filter((h) => member.latestByHorizon[h]);
  if (shown.length === 0) return <Caption1 className={styles.muted}>Nothing written yet</Caption1>;
  return (
    <div className={styles.stack}>
      {shown.map((horizon) => (
        <Text key={horizon} size={200} className={styles.aspiration}>
          <Text size={200} weight="semibold">{`${HORIZON_TEXT[horizon].title}: `}</Text>
          {member.latestByHorizon[horizon]}
        </Text>
      ))}
    </div>
  );
}

export function CountsSummary({ member }: { member: TeamMemberView }) {
  const styles = useStyles();
  const { aspirations, needsAcknowledgement } = member.counts;
  return (
    <div className={styles.stack}>
      <Text size={200}>{`${aspirations} ${aspirations === 1 ? 'aspiration' : 'aspirations'}`}</Text>
      {needsAcknowledgement > 0 ? (
        <Caption1>{`${needsAcknowledgement} to acknowledge`}</Caption1>
      ) : null}
    </div>
  );
}

/**
 * Last and next conversation. A report who has never had one is a neutral state, not a failure:
 * only the API's `conversation-overdue` flag (shown among the flags) says something is late. A
 * conversation the pass could not book says why, and one waiting for the manager offers the pick.
 */
export function ConversationSummary({
  member,
  onBooked,
}: {
  member: TeamMemberView;
  onBooked?(booked: ConversationView): void;
}) {
  const styles = useStyles();
  const { lastConversation: last, nextConversation: next, notBooked } = member;
  return (
    <div className={styles.stack}>
      <Caption1>{last ? `Last: ${formatDay(last.start)}` : 'No conversation yet'}</Caption1>
      {next ? (
        <Caption1>{`Next: ${formatDateTime(next.start)}`}</Caption1>
      ) : notBooked ? (
        <Caption1 data-testid="not-booked-reason">
          <Text size={200} weight="semibold">{`${notBookedLabel(notBooked)}: `}</Text>
          {`${reasonClause(notBooked)}.`}
        </Caption1>
      ) : (
        <Caption1>Not booked yet</Caption1>
      )}
      {!next && notBooked?.status === 'needs-manager-pick' ? (
        <div className={styles.pick}>
          <PickTimeButton
            size="small"
            employeeId={member.id}
            employeeName={member.displayName}
            conversationId={notBooked.conversationId}
            onBooked={(booked) => onBooked?.(booked)}
          />
        </div>
      ) : null}
      {next?.joinUrl ? (
        <Link
          className={styles.join}
          href={next.joinUrl}
          target="_blank"
          rel="noreferrer noopener"
          aria-label={`Join in Teams: conversation with ${member.displayName}`}
        >
          <VideoRegular aria-hidden />
          Join in Teams
        </Link>
      ) : null}
    </div>
  );
}

const FLAG_LOOK: Record<
  TeamFlag,
  { color: 'danger' | 'warning' | 'informative'; Icon: typeof AlertRegular }
> = {
  'conversation-overdue': { color: 'danger', Icon: ClockAlarmRegular },
  'needs-acknowledgement': { color: 'warning', Icon: AlertRegular },
  'no-aspirations': { color: 'informative', Icon: DocumentDismissRegular },
  'conversation-needs-pick': { color: 'warning', Icon: CalendarAddRegular },
  'target-date-passed': { color: 'warning', Icon: CalendarErrorRegular },
};

export function FlagBadges({ flags }: { flags: TeamFlag[] }) {
  const styles = useStyles();
  if (flags.length === 0) return <Caption1 className={styles.muted}>All good</Caption1>;
  return (
    <div className={styles.flags}>
      {flags.map((flag) => {
        const { color, Icon } = FLAG_LOOK[flag];
        return (
          <Badge
            key={flag}
            className={styles.flag}
            appearance="tint"
            shape="rounded"
            color={color}
            icon={<Icon />}
          >
            {FLAG_TEXT[flag]}
          </Badge>
        );
      })}
    </div>
  );
}
