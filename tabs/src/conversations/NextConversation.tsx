import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  CalendarCheckmarkRegular,
  CalendarClockRegular,
  CalendarErrorRegular,
  VideoRegular,
} from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';

import { conversationStatus, formatConversationTime } from './conversationLogic';
import type { ConversationPeople, StatusTone } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { waitingForTime } from './deferredConversations';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  when: { overflowWrap: 'anywhere' },
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, fontSize: '20px' },
  success: { color: tokens.colorPaletteGreenForeground1 },
  informative: { color: tokens.colorBrandForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  danger: { color: tokens.colorPaletteRedForeground1 },
  join: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

const WaitingForTime = lazy(() =>
  waitingForTime.load().then((m) => ({ default: m.WaitingForTime })),
);

const EMPTY =
  'No conversation booked yet. Career Board books one every quarter and sends you both an invite.';

export interface NextConversationProps {
  conversation: ConversationView | null;
  /** Who is looking: the manager of a pair waiting for a time picks it here. */
  people?: ConversationPeople;
  onBooked?(conversation: ConversationView): void;
}

/** The conversation the two are heading for: when (in the viewer's own time zone), its state, and how to join. */
export function NextConversation({ conversation, people, onBooked }: NextConversationProps) {
  const styles = useStyles();
  const now = new Date();

  return (
    <div className={styles.root} data-testid="next-conversation">
      <Text as="h3" size={300} weight="semibold" className={styles.title}>
        Next conversation
      </Text>
      {conversation ? (
        <>
          {conversation.status === 'scheduled' && conversation.start ? (
            <Text size={400} weight="semibold" className={styles.when}>
              {formatConversationTime(conversation.start, conversation.end, now)}
            </Text>
          ) : null}
          <StatusLine conversation={conversation} now={now} people={people} />
          {people &&
          (conversation.status === 'needs-manager-pick' || conversation.status === 'unbooked') ? (
            <Suspense fallback={null}>
              <WaitingForTime conversation={conversation} people={people} onBooked={onBooked} />
            </Suspense>
          ) : null}
          {conversation.status === 'scheduled' && conversation.joinUrl ? (
            <Button
              as="a"
              className={styles.join}
              appearance="primary"
              icon={<VideoRegular />}
              href={conversation.joinUrl}
              target="_blank"
              rel="noreferrer noopener"
            >
              Join in Teams
            </Button>
          ) : null}
        </>
      ) : (
        <Caption1>{EMPTY}</Caption1>
      )}
    </div>
  );
}

const TONE_ICON: Record<StatusTone, typeof CalendarCheckmarkRegular> = {
  success: CalendarCheckmarkRegular,
  informative: CalendarClockRegular,
  warning: CalendarClockRegular,
  danger: CalendarErrorRegular,
};

function StatusLine({
  conversation,
  now,
  people,
}: {
  conversation: ConversationView;
  now: Date;
  people?: ConversationPeople;
}) {
  const styles = useStyles();
  const { label, detail, tone } = conversationStatus(conversation, now, people);
  const Icon = TONE_ICON[tone];
  return (
    <div className={styles.status}>
      <Icon className={mergeClasses(styles.icon, styles[tone])} aria-hidden />
      <Text>
        <Text weight="semibold">{label}</Text>
        {detail ? ` — ${detail}` : null}
      </Text>
    </div>
  );
}
