import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';

import type { SharedBoardView, SharedWithMeView } from '@contract/sharingContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem } from '../api/describeProblem';
import { KIND_TEXT } from '../board/boardLogic';
import { HORIZON_TEXT } from '../common/boardText';
import { possessive } from '../common/format';
import { Panel } from '../common/Panel';
import { ProblemState } from '../common/ProblemState';
import { useSession } from '../common/session';
import { AdviceThread } from './AdviceThread';

/**
 * "Shared with me": the boards colleagues shared with the viewer as sponsor or mentor, and the
 * questions they were asked; one of them opened shows only what was shared, with the viewer's own
 * thread on each aspiration. Read fresh on every visit: a revoked share is simply gone.
 */

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
    boxSizing: 'border-box',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  details: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  back: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
});

export function SharedWithMePage({ employeeId }: { employeeId: string | null }) {
  return employeeId ? <SharedBoard employeeId={employeeId} /> : <SharedList />;
}

function SharedList() {
  const styles = useStyles();
  const { api } = useSession();
  const [view, setView] = useState<SharedWithMeView | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    api.sharedWithMe().then(setView, setProblem);
  }, [api]);
  if (problem) return <ProblemState {...describeProblem(problem)} />;
  return (
    <div className={styles.page}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        Shared with me
      </Text>
      {view && view.boards.length === 0 ? (
        <Body1>
          Nobody has shared their board with you or asked you for advice yet. When a colleague does,
          it appears here and in your Teams activity feed.
        </Body1>
      ) : null}
      <ul className={styles.list} aria-label="Boards shared with you">
        {view?.boards.map((b) => (
          <li key={b.employee.id}>
            <Panel gap="xs">
              <div className={styles.row}>
                <Link
                  href={`#/shared/${b.employee.id}`}
                >{`${possessive(b.employee.displayName)} board`}</Link>
                <Badge appearance="tint">
                  {b.access === 'advice' ? 'Asked for advice' : b.access}
                </Badge>
                {b.openQuestions > 0 ? (
                  <Badge color="warning">{`${b.openQuestions} question${b.openQuestions > 1 ? 's' : ''} waiting`}</Badge>
                ) : null}
              </div>
              {b.employee.jobTitle ? <Caption1>{b.employee.jobTitle}</Caption1> : null}
            </Panel>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SharedBoard({ employeeId }: { employeeId: string }) {
  const styles = useStyles();
  const { api, me } = useSession();
  const [view, setView] = useState<SharedBoardView | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const reload = useCallback(
    () => api.sharedBoard(employeeId).then(setView, setProblem),
    [api, employeeId],
  );
  useEffect(() => void reload(), [reload]);

  if (problem instanceof ApiProblem && (problem.isForbidden || problem.isNotFound))
    return (
      <ProblemState
        kind="no-access"
        title="This board is no longer shared with you"
        message="Its owner may have revoked the share or deleted what they asked you about. Your other shared boards are under Shared with me."
        actions={
          <Button onClick={() => (window.location.hash = '#/shared')}>Shared with me</Button>
        }
      />
    );
  if (problem) return <ProblemState {...describeProblem(problem)} />;
  if (!view) return null;
  const name = view.employee.displayName;
  return (
    <div className={styles.page}>
      <Link href="#/shared" className={styles.back}>
        <ArrowLeftRegular aria-hidden />
        Shared with me
      </Link>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        {`${possessive(name)} board`}
      </Text>
      <Caption1>
        {view.access === 'advice'
          ? `${name} asked for your advice. You see only what they asked about.`
          : `${name} shared this with you as their ${view.access}. You see only what they chose, never their notes or conversations.`}
      </Caption1>
      <ul className={styles.list} aria-label="Shared aspirations">
        {view.aspirations.map((a) => (
          <li key={a.id}>
            <Panel as="article" aria-labelledby={`shared-${a.id}`} data-testid="shared-aspiration">
              <div className={styles.row}>
                <Badge appearance="outline" color="brand">
                  {KIND_TEXT[a.kind]}
                </Badge>
                <Caption1>{HORIZON_TEXT[a.horizon].title}</Caption1>
              </div>
              <Text
                as="h2"
                id={`shared-${a.id}`}
                size={400}
                weight="semibold"
                className={styles.title}
              >
                {a.title}
              </Text>
              {a.details ? (
                <Body1 as="p" className={styles.details}>
                  {a.details}
                </Body1>
              ) : null}
              {a.sponsorship ? (
                <Body1>{`${a.sponsorship.by.displayName} will sponsor this`}</Body1>
              ) : null}
              {a.steps.length > 0 ? (
                <ul className={styles.steps} aria-label="Plan">
                  {a.steps.map((s) => (
                    <li key={s.id}>{`${s.text}${s.status === 'done' ? ' (done)' : ''}`}</li>
                  ))}
                </ul>
              ) : null}
              <AdviceThread
                thread={a.thread}
                answerLabel={a.thread?.question ? 'Your answer' : `Advice for ${name}`}
                onSend={async (text) => {
                  await api.replyAdvice(employeeId, a.id, me.id, text);
                  await reload();
                }}
              />
            </Panel>
          </li>
        ))}
      </ul>
    </div>
  );
}
