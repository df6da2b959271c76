import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SectionLoadState, useSectionLoad } from './SectionLoad';
import { SettingsSection } from './SettingsSection';
import type { SchedulingPassView, UnbookedPairsView } from '@contract/conversationContract';
import { formatDay, formatDayAndTime, quarterText } from '../common/format';
import { nextText, notBookedLabel, reasonClause } from '../common/notBookedText';
import { useSession } from '../common/session';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  pair: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  passBlock: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
});

/**
 * The pairs Career Board could not book this quarter: who, why and what happens next. Names and
 * reasons only; an admin never sees a board.
 */
export function UnbookedPairsPanel() {
  const { api } = useSession();
  const { load, retry } = useSectionLoad(() => api.unbookedPairs(), [api]);
  return (
    <SettingsSection title="Conversations not booked">
      <SectionLoadState load={load} what="the pairs not booked" onRetry={retry} />
      {load.kind === 'ready' ? (
        <>
          {load.view.latestPass ? <LatestPass pass={load.view.latestPass} /> : null}
          <Pairs view={load.view} />
        </>
      ) : null}
    </SettingsSection>
  );
}

/**
 * How the latest scheduling pass went: its work items (one per manager, booked on the queue), and
 * any manager whose booking work failed on every try, so the admin can look at that mailbox.
 */
function LatestPass({ pass }: { pass: SchedulingPassView }) {
  const styles = useStyles();
  const { enqueued, done, failed } = pass.workItems;
  const when = formatDayAndTime(pass.startedAt);
  const progress =
    pass.finishedAt === null
      ? `Latest scheduling pass (started ${when}) is still booking: ${done} of ${enqueued} managers done.`
      : `Latest scheduling pass (${when}): ${done} of ${enqueued} managers' conversations handled.`;
  return (
    <section aria-label="Latest scheduling pass" className={styles.passBlock}>
      <Caption1 className={styles.muted}>{progress}</Caption1>
      {failed > 0 ? (
        <ul className={styles.list} aria-label="Booking that failed in the latest pass">
          {pass.failedWork.map((work) => (
            <li key={work.manager.id} className={styles.pair} data-testid="failed-work">
              <Text weight="semibold">{`${work.manager.displayName}: ${work.pairs} ${work.pairs === 1 ? 'pair' : 'pairs'} not booked`}</Text>
              <Text size={200}>
                Booking failed on every try. The next daily pass tries again; if it fails again,
                check that this manager&apos;s mailbox exists and that Career Board still has
                calendar access (Calendars.ReadWrite) in your tenant.
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Pairs({ view }: { view: UnbookedPairsView }) {
  const styles = useStyles();
  if (view.pairs.length === 0) {
    return (
      <Caption1 className={styles.muted}>
        {`Every pair the scheduler has tried in ${quarterText(view.quarter)} is booked or being booked.`}
      </Caption1>
    );
  }
  return (
    <>
      <Caption1 className={styles.muted}>
        {`${quarterText(view.quarter)}: ${view.pairs.length} ${view.pairs.length === 1 ? 'pair' : 'pairs'} without a conversation, with the reason and what happens next.`}
      </Caption1>
      <ul className={styles.list} aria-label="Pairs without a conversation this quarter">
        {view.pairs.map((pair) => (
          <li
            key={`${pair.employee.id}-${pair.manager.id}`}
            className={styles.pair}
            data-testid="unbooked-pair"
          >
            <Text weight="semibold">{`${pair.employee.displayName} with ${pair.manager.displayName}`}</Text>
            <Text size={200}>
              <Text size={200} weight="semibold">{`${notBookedLabel(pair)}: `}</Text>
              {`${reasonClause(pair)}.`}
            </Text>
            <Text size={200}>
              <Text size={200} weight="semibold">
                Next:{' '}
              </Text>
              {nextText(pair.next, 'admin')}
            </Text>
            {pair.since ? (
              <Caption1 className={styles.muted}>{`Since ${formatDay(pair.since)}`}</Caption1>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
