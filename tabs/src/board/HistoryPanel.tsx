import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';

import type { HistoryEntryView } from '@contract/boardContract';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { describeProblem } from '../api/describeProblem';
import { curlyQuotes, formatDayAndTime } from '../common/format';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  panel: {
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  body: { paddingBottom: tokens.spacingVerticalM },
});

type Load =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; entries: HistoryEntryView[] };

/** Every change to the board, oldest change kept: the record survives a change of manager. */
export function HistoryPanel({ api, employeeId }: { api: CareerBoardApi; employeeId: string }) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const [load, setLoad] = useState<Load>({ kind: 'idle' });

  const fetchHistory = useCallback(() => {
    setLoad({ kind: 'loading' });
    api.history(employeeId).then(
      (entries) =>
        setLoad({ kind: 'ready', entries: [...entries].sort((a, b) => b.at.localeCompare(a.at)) }),
      (error: unknown) => setLoad({ kind: 'failed', error }),
    );
  }, [api, employeeId]);

  return (
    <Accordion
      collapsible
      className={styles.panel}
      onToggle={(_, data) => {
        if (data.openItems.includes('history')) fetchHistory();
      }}
    >
      <AccordionItem value="history">
        <AccordionHeader as="h2">History</AccordionHeader>
        <AccordionPanel className={styles.body}>
          {load.kind === 'loading' ? (
            <div role="status">
              <span className={srOnly.root}>Loading history…</span>
              <SkeletonItem aria-hidden size={16} />
            </div>
          ) : null}
          {load.kind === 'failed' ? (
            <Text role="alert">{describeProblem(load.error).message}</Text>
          ) : null}
          {load.kind === 'ready' && load.entries.length === 0 ? (
            <Caption1>No changes recorded yet.</Caption1>
          ) : null}
          {load.kind === 'ready' && load.entries.length > 0 ? (
            <ol className={styles.list}>
              {load.entries.map((entry) => (
                <li key={entry.id} className={styles.entry}>
                  <Text>{curlyQuotes(entry.summary)}</Text>
                  <Caption1>
                    {`${entry.actor.displayName} · `}
                    <time dateTime={entry.at}>{formatDayAndTime(entry.at)}</time>
                  </Caption1>
                </li>
              ))}
            </ol>
          ) : null}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
