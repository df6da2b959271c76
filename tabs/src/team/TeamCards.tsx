import { Divider, makeStyles, tokens } from '@fluentui/react-components';

import {
  ConversationSummary,
  CountsSummary,
  FlagBadges,
  MemberIdentity,
  TopAspirations,
} from './MemberCells';
import type { TeamMemberView } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';
import { Panel } from '../common/Panel';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
});

/** Narrow screens: one card per report, same facts as the table. */
export function TeamCards({
  members,
  caption,
  onBooked,
}: {
  members: TeamMemberView[];
  caption: string;
  onBooked?(memberId: string, booked: ConversationView): void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={caption}>
      {members.map((member) => (
        <Panel as="li" key={member.id} gap="s" data-testid="team-member">
          <MemberIdentity member={member} />
          <FlagBadges flags={member.flags} />
          <Divider />
          <TopAspirations member={member} />
          <div className={styles.row}>
            <CountsSummary member={member} />
            <ConversationSummary
              member={member}
              onBooked={(booked) => onBooked?.(member.id, booked)}
            />
          </div>
        </Panel>
      ))}
    </ul>
  );
}
