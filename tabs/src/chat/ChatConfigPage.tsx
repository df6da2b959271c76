import {
  Avatar,
  Body1,
  Button,
  Caption1,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

import { chatTabSettings, isMeetingChat, meetingTabSettings } from './chatTabSettings';
import type { ChatPairView } from '@contract/boardContract';
import { ApiProblem } from '../api/apiProblem';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { describeProblem } from '../api/describeProblem';
import { Panel } from '../common/Panel';
import { useSession } from '../common/session';
import { ProblemState, RetryButton } from '../common/ProblemState';
import { useScreenReaderOnly } from '../common/srOnly';
import type { TeamsHost } from '../teams/teamsHost';
import { useLoad } from '../common/useLoad';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  title: { margin: 0 },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  names: { display: 'flex', flexDirection: 'column' },
  skeleton: { height: '120px' },
  fallback: { textAlign: 'center' },
});

/** Pinning the board in a 1:1 chat: works only for an employee and their manager. */
export function ChatConfigPage() {
  const { host } = useSession();
  const styles = useStyles();
  if (host.kind !== 'teams' || !host.context.chatId) {
    return (
      <main className={styles.page}>
        <ProblemState
          kind="info"
          title="Add Career board from a Teams chat"
          message="This page sets up the Career board tab in a 1:1 chat between an employee and their manager. Open the chat in Teams, select + (Add a tab), then choose Career Board. Your own board is always in the Career Board personal app."
        />
      </main>
    );
  }
  return <PairConfiguration host={host} chatId={host.context.chatId} />;
}

type Load =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; pair: ChatPairView };

function PairConfiguration({ host, chatId }: { host: TeamsHost; chatId: string }) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const inMeeting = isMeetingChat(chatId);
  const retry = useLoad(
    () => (inMeeting ? meetingPair(api, chatId) : api.chatPair(chatId)),
    [api, chatId, inMeeting],
    {
      loaded: (pair) => setLoad({ kind: 'ready', pair }),
      failed: (error) => {
        // A chat the org chart doesn't know as a manager–report pair: say so, like any other non-pair.
        if (error instanceof ApiProblem && (error.isNotFound || error.isForbidden)) {
          setLoad({
            kind: 'ready',
            pair: { isPair: false, employee: null, manager: null, reason: error.detail || null },
          });
        } else setLoad({ kind: 'failed', error });
      },
    },
  );

  const employeeId =
    load.kind === 'ready' && load.pair.isPair ? (load.pair.employee?.id ?? null) : null;

  useEffect(() => {
    if (load.kind === 'loading') return;
    if (!employeeId) {
      host.setConfigValidity(false);
      return;
    }
    host.onConfigSave((saveEvent) => {
      const origin = window.location.origin;
      host
        .setConfig(inMeeting ? meetingTabSettings(origin) : chatTabSettings(origin, employeeId))
        .then(
          () => saveEvent.notifySuccess(),
          (error: unknown) =>
            saveEvent.notifyFailure(
              error instanceof Error ? error.message : 'Teams could not save the tab.',
            ),
        );
    });
    host.setConfigValidity(true);
  }, [host, employeeId, load.kind, inMeeting]);

  if (load.kind === 'loading') {
    return (
      <main className={styles.page}>
        <div role="status">
          <span className={srOnly.root}>Checking who is in this chat…</span>
          <Skeleton aria-hidden>
            <SkeletonItem className={styles.skeleton} />
          </Skeleton>
        </div>
      </main>
    );
  }
  if (load.kind === 'failed') {
    const { title, message } = describeProblem(load.error);
    return (
      <main className={styles.page}>
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
      </main>
    );
  }

  const { pair } = load;
  if (!pair.isPair || !pair.employee) {
    return <NotAPair host={host} reason={pair.reason} inMeeting={inMeeting} />;
  }

  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold" className={styles.title}>
        {inMeeting ? 'Add the career board to this meeting' : 'Pin the career board to this chat'}
      </Text>
      <Panel as="section" aria-label="Who will see this board">
        <Person
          name={pair.employee.displayName}
          role={`Owns the board${pair.employee.jobTitle ? ` · ${pair.employee.jobTitle}` : ''}`}
        />
        {pair.manager ? (
          <Person name={pair.manager.displayName} role="Manager · reads and acknowledges" />
        ) : null}
      </Panel>
      <Body1>
        {`This tab shows ${pair.employee.displayName}’s career board to the two of you, and nobody else. Select Save to add it.`}
      </Body1>
    </main>
  );
}

/** Not an employee and their manager: say why, and offer the way to the person's own board. */
function NotAPair({
  host,
  reason,
  inMeeting,
}: {
  host: TeamsHost;
  reason: string | null;
  inMeeting: boolean;
}) {
  const styles = useStyles();
  const [failed, setFailed] = useState(false);
  const open = host.openPersonalApp;
  return (
    <main className={styles.page}>
      <ProblemState
        kind="info"
        title={
          inMeeting
            ? 'Career board works in the career conversation it booked for an employee and their manager'
            : 'Career board works in a chat between an employee and their manager'
        }
        message={`${reason ?? 'The people in this chat are not an employee and their manager.'} Boards are private to the employee and their manager, so this chat can’t show one. Your own board is in the Career Board personal app${open ? '.' : ': find it under Apps in Teams.'}`}
        actions={
          open ? (
            <Button
              appearance="primary"
              icon={<OpenRegular />}
              onClick={() => {
                setFailed(false);
                open('board').catch(() => setFailed(true));
              }}
            >
              Open my board in Career Board
            </Button>
          ) : null
        }
      />
      {failed ? (
        <Body1 role="alert" className={styles.fallback}>
          Teams could not open Career Board from here. Find it under Apps in Teams, then open My
          board.
        </Body1>
      ) : null}
    </main>
  );
}

function Person({ name, role }: { name: string; role: string }) {
  const styles = useStyles();
  return (
    <div className={styles.person}>
      <Avatar name={name} color="colorful" aria-hidden />
      <div className={styles.names}>
        <Text weight="semibold">{name}</Text>
        <Caption1>{role}</Caption1>
      </div>
    </div>
  );
}

/** In a meeting the API finds the pair from its own record of the meeting it booked. */
async function meetingPair(api: CareerBoardApi, chatId: string): Promise<ChatPairView> {
  const { panel } = await api.meetingPanel(chatId, null);
  if (!panel) throw new Error('The API sent no panel for a first read.');
  return {
    isPair: true,
    employee: panel.board.employee,
    manager: panel.board.manager,
    reason: null,
  };
}
