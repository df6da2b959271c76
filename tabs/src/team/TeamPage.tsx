import { Body1, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';

import { TeamCards } from './TeamCards';
import { filterCounts, visibleMembers, withBooked } from './teamLogic';
import type { TeamQuery } from './teamLogic';
import { teamLayoutStyles } from './teamLayout';
import { TeamSkeleton } from './TeamSkeleton';
import { TeamTable } from './TeamTable';
import { TeamToolbar } from './TeamToolbar';
import type { TeamView } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';
import { describeProblem } from '../api/describeProblem';
import { useSession } from '../common/session';
import { ProblemState, RetryButton } from '../common/ProblemState';
import { useMediaQuery } from '../common/useMediaQuery';
import { useNotify } from '../common/useNotify';
import { useLoad } from '../common/useLoad';

const useStyles = makeStyles({
  title: { margin: 0 },
  empty: {
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  more: { alignSelf: 'center' },
});

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; team: TeamView; loadingMore: boolean };

const INITIAL_QUERY: TeamQuery = { filter: 'all', search: '', sort: 'attention' };

/** A manager's direct reports at a glance: who needs what from them. */
export function TeamPage() {
  const styles = useStyles();
  const layout = teamLayoutStyles();
  const { api } = useSession();
  const { notifyError } = useNotify();
  const wide = useMediaQuery('(min-width: 900px)');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [query, setQuery] = useState<TeamQuery>(INITIAL_QUERY);

  const retry = useLoad(() => api.team(), [api], {
    loaded: (team) => setLoad({ kind: 'ready', team, loadingMore: false }),
    failed: (error) => setLoad({ kind: 'failed', error }),
  });

  const loadMore = useCallback(async () => {
    if (load.kind !== 'ready' || !load.team.nextCursor) return;
    const current = load.team;
    setLoad({ kind: 'ready', team: current, loadingMore: true });
    try {
      const page = await api.team(current.nextCursor);
      setLoad({
        kind: 'ready',
        team: {
          ...current,
          members: [...current.members, ...page.members],
          nextCursor: page.nextCursor,
        },
        loadingMore: false,
      });
    } catch (error) {
      setLoad({ kind: 'ready', team: current, loadingMore: false });
      notifyError(error, 'Couldn’t load more of your team');
    }
  }, [api, load, notifyError]);

  // A picked time is booked: the row shows it at once, without reloading the whole team.
  const onBooked = useCallback((memberId: string, booked: ConversationView) => {
    setLoad((current) =>
      current.kind === 'ready'
        ? {
            ...current,
            team: {
              ...current.team,
              members: current.team.members.map((m) =>
                m.id === memberId ? withBooked(m, booked) : m,
              ),
            },
          }
        : current,
    );
  }, []);

  const header = (
    <div className={layout.header}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        My team
      </Text>
      <Caption1>Your direct reports’ aspirations, and who needs something from you.</Caption1>
    </div>
  );

  if (load.kind === 'loading') return <TeamSkeleton />;
  if (load.kind === 'failed') {
    const { title, message } = describeProblem(load.error);
    return (
      <div className={layout.page}>
        {header}
        <ProblemState
          title={title}
          message={message}
          actions={
            <RetryButton
              onRetry={() => {
                setLoad({ kind: 'loading' });
                retry();
              }}
            />
          }
        />
      </div>
    );
  }

  const { members, nextCursor } = load.team;
  const shown = visibleMembers(members, query);
  const caption = `Your team: showing ${shown.length} of ${members.length}`;

  return (
    <div className={layout.page}>
      {header}
      {members.length === 0 ? (
        <div className={styles.empty}>
          <Text weight="semibold">No direct reports</Text>
          <Body1>Nobody reports to you in your organisation’s directory yet.</Body1>
        </div>
      ) : (
        <>
          <TeamToolbar query={query} counts={filterCounts(members)} onChange={setQuery} />
          <Caption1 role="status" aria-live="polite">
            {`Showing ${shown.length} of ${members.length}${nextCursor ? ' loaded' : ''}`}
          </Caption1>
          {shown.length === 0 ? (
            <div className={styles.empty}>
              <Text weight="semibold">Nobody matches</Text>
              <Body1>Try another search, or show everyone.</Body1>
              <Button onClick={() => setQuery(INITIAL_QUERY)}>Clear search and filters</Button>
            </div>
          ) : wide ? (
            <TeamTable members={shown} caption={caption} onBooked={onBooked} />
          ) : (
            <TeamCards members={shown} caption={caption} onBooked={onBooked} />
          )}
          {nextCursor ? (
            <Button
              className={styles.more}
              onClick={() => void loadMore()}
              disabled={load.loadingMore}
            >
              {load.loadingMore ? 'Loading…' : 'Show more people'}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
