import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarChatRegular, CircleRegular } from '@fluentui/react-icons';
import { useCallback, useId, useState } from 'react';

import { ConversationDetails } from './ConversationDetails';
import type { DraftKind } from './ConversationDetails';
import {
  carriedActions,
  conversationDay,
  conversationStatus,
  draftState,
  newestFirst,
  nextConversation,
  ownerName,
} from './conversationLogic';
import type { CarriedAction, ConversationPeople, Draft } from './conversationLogic';
import { ConversationsSkeleton } from './ConversationsSkeleton';
import { NextConversation } from './NextConversation';
import type { ConversationActions, ConversationsState } from './useConversations';
import type { ConversationView } from '@contract/conversationContract';
import { describeProblem } from '../api/describeProblem';
import { formatCalendarDate } from '../common/format';
import { Panel } from '../common/Panel';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  panel: {
    minWidth: 0,
    // Beside the board on wide screens; across the whole width under it on narrower ones.
    gridColumn: '1 / -1',
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  body: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  all: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  carried: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  carriedItem: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  carriedIcon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  carriedText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  accordion: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    minWidth: 0,
  },
  panelBody: { paddingBottom: tokens.spacingVerticalL },
});

/** Asks the section to open a conversation and put the cursor in its shared notes. */
export interface NotesRequest {
  id: string;
  /** A new number for every request, so asking twice for the same one works twice. */
  nonce: number;
}

export interface ConversationsSectionProps {
  state: ConversationsState;
  actions: ConversationActions;
  people: ConversationPeople;
  notesRequest: NotesRequest | null;
}

/** The quarterly career conversation as the two people see it: next, past, and what was agreed. */
export function ConversationsSection({
  state,
  actions,
  people,
  notesRequest,
}: ConversationsSectionProps) {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const headingId = useId();
  const [retrying, setRetrying] = useState(false);

  return (
    <Panel
      as="section"
      className={styles.panel}
      aria-labelledby={headingId}
      data-testid="conversations"
    >
      <div className={styles.heading}>
        <CalendarChatRegular aria-hidden />
        <Text as="h2" id={headingId} weight="semibold" size={400} className={styles.title}>
          Conversations
        </Text>
      </div>
      {state.status === 'loading' || retrying ? (
        <div role="status">
          <span className={srOnly.root}>Loading conversations…</span>
          <ConversationsSkeleton />
        </div>
      ) : null}
      {state.status === 'failed' && !retrying ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{describeProblem(state.error).title}</MessageBarTitle>
            {describeProblem(state.error).message}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setRetrying(true);
                actions
                  .reload()
                  .catch(() => undefined)
                  .finally(() => setRetrying(false));
              }}
            >
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.status === 'ready' && !retrying ? (
        <ConversationList
          conversations={state.conversations}
          actions={actions}
          people={people}
          notesRequest={notesRequest}
        />
      ) : null}
    </Panel>
  );
}

interface ConversationListProps {
  conversations: ConversationView[];
  actions: ConversationActions;
  people: ConversationPeople;
  notesRequest: NotesRequest | null;
}

type Drafts = Record<string, Partial<Record<DraftKind, Draft>>>;

function ConversationList({ actions, people, notesRequest, ...props }: ConversationListProps) {
  const styles = useStyles();
  const now = new Date();
  const conversations = newestFirst(props.conversations);
  const next = nextConversation(conversations, now);
  const carried = carriedActions(conversations, next);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const [focusNotesOf, setFocusNotesOf] = useState<string | null>(null);
  // Typed, unsaved text lives here, so it survives closing a conversation and opening it again.
  const [drafts, setDrafts] = useState<Drafts>({});

  // "Write notes" on the prompt: open that conversation and put the cursor in its shared notes.
  const [handledRequest, setHandledRequest] = useState(notesRequest);
  if (notesRequest && notesRequest !== handledRequest) {
    setHandledRequest(notesRequest);
    setOpenItems((open) => (open.includes(notesRequest.id) ? open : [...open, notesRequest.id]));
    setFocusNotesOf(notesRequest.id);
  }

  const onNotesFocused = useCallback(() => setFocusNotesOf(null), []);
  const setDraft = (id: string, kind: DraftKind, draft: Draft | undefined) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id], [kind]: draft } }));

  return (
    <div className={styles.body}>
      <div className={styles.summary}>
        <NextConversation
          conversation={next}
          people={people}
          onBooked={() => void actions.reload().catch(() => undefined)}
        />
        {carried.length > 0 ? <CarriedActions carried={carried} people={people} /> : null}
      </div>
      {conversations.length > 0 ? (
        <div className={styles.all}>
          <Caption1>
            Open a conversation for its shared notes, the actions you agreed and your private notes.
          </Caption1>
          <Accordion
            multiple
            collapsible
            className={styles.accordion}
            openItems={openItems}
            onToggle={(_, data) => setOpenItems(data.openItems.map(String))}
          >
            {conversations.map((conversation) => {
              const status = conversationStatus(conversation, now, people);
              const own = drafts[conversation.id] ?? {};
              const unsaved =
                draftState(own.shared, conversation.sharedNotes).dirty ||
                draftState(own.private, conversation.privateNotes).dirty;
              return (
                <AccordionItem key={conversation.id} value={conversation.id}>
                  <AccordionHeader as="h3" size="small">
                    {`${conversationDay(conversation, now)} · ${status.label}${unsaved ? ' · unsaved notes' : ''}`}
                  </AccordionHeader>
                  <AccordionPanel className={styles.panelBody}>
                    <ConversationDetails
                      conversation={conversation}
                      people={people}
                      actions={actions}
                      drafts={own}
                      onDraftChange={(kind, draft) => setDraft(conversation.id, kind, draft)}
                      focusNotes={focusNotesOf === conversation.id}
                      onNotesFocused={onNotesFocused}
                    />
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </div>
      ) : null}
    </div>
  );
}

function CarriedActions({
  carried,
  people,
}: {
  carried: CarriedAction[];
  people: ConversationPeople;
}) {
  const styles = useStyles();
  const headingId = useId();
  const now = new Date();
  return (
    <section className={styles.carried} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={300} weight="semibold" className={styles.title}>
        Open actions from earlier conversations
      </Text>
      <Caption1>
        They carry into the next conversation’s agenda. Tick them off in the conversation they were
        agreed in.
      </Caption1>
      <ul className={styles.list}>
        {carried.map(({ conversation, item }) => (
          <li key={`${conversation.id}-${item.id}`} className={styles.carriedItem}>
            <CircleRegular className={styles.carriedIcon} aria-hidden />
            <span className={styles.carriedText}>
              <Text>{item.text}</Text>
              <Caption1>
                {[
                  `Owner: ${ownerName(item.owner, conversation, people)}`,
                  item.dueDate ? `Due ${formatCalendarDate(item.dueDate)}` : null,
                  `From ${conversationDay(conversation, now)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
