import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

import {
  ConversationSummary,
  CountsSummary,
  FlagBadges,
  MemberIdentity,
  TopAspirations,
} from './MemberCells';
import type { TeamMemberView } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';

const useStyles = makeStyles({
  table: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
  },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: 'top',
  },
  person: { width: '24%' },
  aspirations: { width: '30%' },
  counts: { width: '12%' },
  conversations: { width: '17%' },
  flags: { width: '17%' },
});

/** Wide screens: every report in one scannable table. */
export function TeamTable({
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
    <Table className={styles.table} aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.person}>Person</TableHeaderCell>
          <TableHeaderCell className={styles.aspirations}>Top aspirations</TableHeaderCell>
          <TableHeaderCell className={styles.counts}>Aspirations</TableHeaderCell>
          <TableHeaderCell className={styles.conversations}>Conversations</TableHeaderCell>
          <TableHeaderCell className={styles.flags}>Flags</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id} data-testid="team-member">
            <TableCell className={styles.cell}>
              <MemberIdentity member={member} />
            </TableCell>
            <TableCell className={styles.cell}>
              <TopAspirations member={member} />
            </TableCell>
            <TableCell className={styles.cell}>
              <CountsSummary member={member} />
            </TableCell>
            <TableCell className={styles.cell}>
              <ConversationSummary
                member={member}
                onBooked={(booked) => onBooked?.(member.id, booked)}
              />
            </TableCell>
            <TableCell className={styles.cell}>
              <FlagBadges flags={member.flags} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
