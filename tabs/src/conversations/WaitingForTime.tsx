import { Text, makeStyles, tokens } from '@fluentui/react-components';

import type { ConversationPeople } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { firstName } from '../common/format';
import { nextText, reasonClause } from '../common/notBookedText';
import { PickTimeButton } from '../common/PickTimeButton';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  pick: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

export interface WaitingForTimeProps {
  conversation: ConversationView;
  people: ConversationPeople;
  onBooked?(conversation: ConversationView): void;
}

/**
 * Why this quarter's conversation has no time yet and who acts next, said to whoever reads it; the
 * manager can pick a time right here. Loaded only when a conversation is in that state, so a
 * board whose conversation is booked never downloads it.
 */
export function WaitingForTime({ conversation, people, onBooked }: WaitingForTimeProps) {
  const styles = useStyles();
  const managerName = people.manager ? firstName(people.manager.displayName) : null;
  const next =
    conversation.status === 'needs-manager-pick'
      ? 'manager-picks'
      : (conversation.unbooked?.next ?? 'next-pass-retries');
  const why = reasonClause({
    status: conversation.status,
    reason: conversation.unbooked?.reason ?? null,
  });
  return (
    <div className={styles.root} data-testid="waiting-for-time">
      <Text>{`Why: ${why}. ${nextText(next, people.viewer, managerName)}`}</Text>
      {people.viewer === 'manager' ? (
        <div className={styles.pick}>
          <PickTimeButton
            employeeId={people.employee.id}
            employeeName={people.employee.displayName}
            conversationId={conversation.id}
            onBooked={(booked) => onBooked?.(booked)}
          />
        </div>
      ) : null}
    </div>
  );
}
