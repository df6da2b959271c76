import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, OpenRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';

import { meetingAgenda, needsAcknowledgement } from './meetingAgenda';
import { useMeetingPanel } from './useMeetingPanel';
import type { AspirationView, Horizon } from '@contract/boardContract';
import type { MeetingPanelView } from '@contract/meetingContract';
import { ApiProblem } from '../../api/apiProblem';
import { describeProblem } from '../../api/describeProblem';
import { firstName, possessive, quarterText } from '../../common/format';
import { Panel } from '../../common/Panel';
import { ProblemState, RetryButton } from '../../common/ProblemState';
import { useSession } from '../../common/session';
import { useScreenReaderOnly } from '../../common/srOnly';
import type { TeamsHost } from '../../teams/teamsHost';
import { ConversationDetails } from '../ConversationDetails';
import type { DraftKind } from '../ConversationDetails';
import { formatConversationTime } from '../conversationLogic';
import type { ConversationPeople, Draft } from '../conversationLogic';
import { useConversations } from '../useConversations';

/*
 * The meeting side panel is about 320 px wide: one column, nothing with a fixed width, long words
 * allowed to wrap, so nothing ever scrolls sideways.
 */
const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    maxWidth: '720px',
    margin: '0 auto',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  ackForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ackButton: { alignSelf: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground2 },
  skeleton: { height: '160px' },
  open: { alignSelf: 'flex-start' },
});

const HORIZON_TEXT: Record<Horizon, string> = {
  next: 'Next',
  '1y': 'In a year',
  '3y': 'In three years',
};

/** Career Board in a Teams meeting's side panel (or its chat and details tabs). */
export function MeetingPanelPage() {
  const { host } = useSession();
  const styles = useStyles();
  if (host.kind !== 'teams' || !host.context.chatId) {
    return (
      <main className={styles.page}>
        <ProblemState
          kind="info"
          title="Open Career board in your career conversation"
          message="This page shows the pair’s board inside the Teams meeting Career Board booked for an employee and their manager. Join the meeting in Teams and open Career Board from its apps. Your own board is always in the Career Board personal app."
        />
      </main>
    );
  }
  return <LiveMeetingPanel host={host} chatId={host.context.chatId} />;
}

function LiveMeetingPanel({ host, chatId }: { host: TeamsHost; chatId: string }) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const { api } = useSession();
  const { state, refresh } = useMeetingPanel(api, chatId);

  if (state.status === 'loading') {
    return (
      <main className={styles.page}>
        <div role="status">
          <span className={srOnly.root}>Loading the board for this meeting…</span>
          <Skeleton aria-hidden>
            <SkeletonItem className={styles.skeleton} />
          </Skeleton>
        </div>
      </main>
    );
  }
  if (state.status === 'refused') return <NoBoardHere host={host} problem={state.problem} />;
  if (state.status === 'failed') {
    const { title, message } = describeProblem(state.error);
    return (
      <main className={styles.page}>
        <ProblemState
          title={title}
          message={message}
          actions={<RetryButton onRetry={() => void refresh()} />}
        />
      </main>
    );
  }
  return (
    <MeetingBoard
      host={host}
      panel={state.panel}
      version={state.version}
      stale={state.stale}
      refresh={refresh}
    />
  );
}

/** Not this pair's Career Board meeting: say what the app is for, offer the person's own board. */
function NoBoardHere({ host, problem }: { host: TeamsHost; problem: ApiProblem }) {
  const styles = useStyles();
  const open = host.openPersonalApp;
  return (
    <main className={styles.page}>
      <ProblemState
        kind="info"
        title="Career board shows here only in your own career conversation"
        message={`${problem.detail} Your own board is always in the Career Board personal app.`}
        actions={
          open ? (
            <Button
              appearance="primary"
              icon={<OpenRegular />}
              onClick={() => void open('board').catch(() => undefined)}
            >
              Open my board in Career Board
            </Button>
          ) : null
        }
      />
    </main>
  );
}

interface MeetingBoardProps {
  host: TeamsHost;
  panel: MeetingPanelView;
  version: number;
  stale: boolean;
  refresh(): Promise<void>;
}

function MeetingBoard({ host, panel, version, stale, refresh }: MeetingBoardProps) {
  const styles = useStyles();
  const { api } = useSession();
  const { board, conversation } = panel;
  const employeeId = board.employee.id;
  const people: ConversationPeople = {
    employee: board.employee,
    manager: board.manager,
    viewer: board.viewer.role,
  };
  const agenda = meetingAgenda(panel);
  const conversations = useConversations(api, employeeId);
  const [drafts, setDrafts] = useState<Partial<Record<DraftKind, Draft>>>({});
  const reloadConversations = conversations.actions.reload;

  // The other person changed something: bring the notes and actions up to date too (typing is
  // kept in drafts, so a reload never loses it).
  useEffect(() => {
    if (version > 1) void reloadConversations().catch(() => undefined);
  }, [version, reloadConversations]);

  const live =
    conversations.state.status === 'ready'
      ? (conversations.state.conversations.find((c) => c.id === conversation.id) ?? conversation)
      : conversation;
  const nameOf = (owner: 'employee' | 'manager') =>
    owner === 'employee' ? board.employee.displayName : (board.manager?.displayName ?? 'Manager');
  const isManager = board.viewer.role === 'manager';
  const open = host.openPersonalApp;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.heading}>
          {`${possessive(board.employee.displayName)} career conversation`}
        </Text>
        <Caption1>
          {conversation.start
            ? `${quarterText(conversation.quarter)} · ${formatConversationTime(conversation.start, conversation.end)}`
            : quarterText(conversation.quarter)}
        </Caption1>
        {stale ? (
          <Body1 role="status">
            Can’t reach Career Board just now: this is what was there last. Trying again…
          </Body1>
        ) : null}
      </header>

      <Panel as="section" aria-labelledby="agenda-heading">
        <Text as="h2" id="agenda-heading" size={400} weight="semibold" className={styles.heading}>
          Agenda
        </Text>
        <AgendaList
          title="What changed"
          empty="Nothing new since your last conversation."
          items={agenda.changed.map((a) => ({
            id: a.id,
            text: a.title,
            note: HORIZON_TEXT[a.horizon],
          }))}
        />
        <section aria-labelledby="unacknowledged-heading" className={styles.item}>
          <Text as="h3" id="unacknowledged-heading" weight="semibold" className={styles.heading}>
            Waiting for acknowledgement
          </Text>
          {agenda.unacknowledged.length === 0 ? (
            <Body1 className={styles.muted}>Everything on the board is acknowledged.</Body1>
          ) : (
            <ul className={styles.list}>
              {agenda.unacknowledged.map((a) => (
                <li key={a.id} className={styles.item}>
                  <Text weight="semibold">{a.title}</Text>
                  {isManager ? (
                    <AcknowledgeInPlace employeeId={employeeId} aspiration={a} onDone={refresh} />
                  ) : (
                    <Caption1 className={styles.muted}>
                      {`${firstName(board.manager?.displayName ?? 'Your manager')} hasn’t acknowledged this${a.changedSinceAcknowledged ? ' since you changed it' : ''}.`}
                    </Caption1>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <AgendaList
          title="Open actions"
          empty="No open actions."
          items={agenda.openActions.map((a) => ({
            id: a.id,
            text: a.text,
            note: `${nameOf(a.owner)}${a.carried ? ' · from an earlier quarter' : ''}`,
          }))}
        />
      </Panel>

      <Panel as="section" aria-labelledby="board-heading">
        <Text as="h2" id="board-heading" size={400} weight="semibold" className={styles.heading}>
          The board
        </Text>
        {board.aspirations.length === 0 ? (
          <Body1 className={styles.muted}>Nothing written down yet.</Body1>
        ) : (
          <ul className={styles.list}>
            {[...board.aspirations]
              .sort((a, b) => a.position - b.position)
              .map((a) => (
                <li key={a.id} className={styles.item}>
                  <Text>{a.title}</Text>
                  <Caption1 className={styles.muted}>
                    {`${HORIZON_TEXT[a.horizon]} · ${needsAcknowledgement(a) ? 'Not acknowledged yet' : 'Acknowledged'}`}
                  </Caption1>
                </li>
              ))}
          </ul>
        )}
        {open ? (
          <Button
            className={styles.open}
            icon={<OpenRegular />}
            onClick={() => void open(isManager ? 'team' : 'board').catch(() => undefined)}
          >
            Open the full board
          </Button>
        ) : null}
      </Panel>

      <Panel as="section" aria-labelledby="notes-heading">
        <Text as="h2" id="notes-heading" size={400} weight="semibold" className={styles.heading}>
          Notes and actions
        </Text>
        <ConversationDetails
          conversation={live}
          people={people}
          actions={{
            ...conversations.actions,
            // Each write also refreshes the agenda at once, rather than at the next poll.
            saveSharedNotes: (id, text, basedOn) =>
              conversations.actions.saveSharedNotes(id, text, basedOn).then(refresh),
            changeActions: (id, change) =>
              conversations.actions.changeActions(id, change).then(refresh),
            setActionDone: (id, itemId, done) =>
              conversations.actions.setActionDone(id, itemId, done).then(refresh),
          }}
          drafts={drafts}
          onDraftChange={(kind, draft) => setDrafts((current) => ({ ...current, [kind]: draft }))}
          focusNotes={false}
          onNotesFocused={() => undefined}
        />
      </Panel>
    </main>
  );
}

function AgendaList({
  title,
  empty,
  items,
}: {
  title: string;
  empty: string;
  items: { id: string; text: string; note: string }[];
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.item}>
      <Text as="h3" id={headingId} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {items.length === 0 ? (
        <Body1 className={styles.muted}>{empty}</Body1>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <Text>{item.text}</Text>
              <Caption1 className={styles.muted}>{item.note}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The manager says "seen and understood", with what they will do, without leaving the meeting. */
function AcknowledgeInPlace({
  employeeId,
  aspiration,
  onDone,
}: {
  employeeId: string;
  aspiration: AspirationView;
  onDone(): Promise<void>;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblem(null);
    try {
      await api.acknowledge(employeeId, aspiration, note.trim() || undefined);
      setNote('');
    } catch (error) {
      setProblem(
        error instanceof ApiProblem && error.isStale
          ? 'This aspiration changed while you were reading it. The latest version is shown now: read it, then acknowledge again.'
          : describeProblem(error).message,
      );
    } finally {
      setSaving(false);
      await onDone();
    }
  }

  return (
    <form className={styles.ackForm} onSubmit={(e) => void submit(e)}>
      <Field
        label={`Support you’ll give for “${aspiration.title}” (optional)`}
        validationMessage={problem ?? undefined}
      >
        <Input value={note} onChange={(_, data) => setNote(data.value)} maxLength={1000} />
      </Field>
      <Button
        type="submit"
        className={styles.ackButton}
        icon={<CheckmarkRegular />}
        disabled={saving}
      >
        Acknowledge
      </Button>
    </form>
  );
}
