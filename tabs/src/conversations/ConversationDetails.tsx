import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

import { ActionItemList } from './ActionItemList';
import {
  editDraft,
  withActionAdded,
  withActionEdited,
  withActionRemoved,
} from './conversationLogic';
import type { ConversationPeople, Draft } from './conversationLogic';
import { ConversationPrivateNotes } from './ConversationPrivateNotes';
import { SharedNotes } from './SharedNotes';
import type { ConversationActions } from './useConversations';
import type { ConversationView } from '@contract/conversationContract';
import { useNotify } from '../common/useNotify';
import { isStaleVersion, StaleVersionBar, useStaleVersion } from '../common/StaleVersion';
import type { StaleVersionWords } from '../common/StaleVersion';

/** What the stale-version bar says here (common/StaleVersion.tsx). */
const STALE_WORDS: StaleVersionWords = {
  changed:
    'Someone saved a newer version of this conversation while you were working. What you typed is still here: load the latest version, check it, then save again.',
  loadedDiffers: 'Under your notes is what is saved now. Keep yours or change them, then save.',
  loadedSame: 'You see what is saved now. Make your change again if it is still needed.',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** After someone else's newer save: told, loading the latest, or loaded (typed text kept). */

export type DraftKind = 'shared' | 'private';

export interface ConversationDetailsProps {
  conversation: ConversationView;
  people: ConversationPeople;
  actions: ConversationActions;
  drafts: Partial<Record<DraftKind, Draft>>;
  onDraftChange(kind: DraftKind, draft: Draft | undefined): void;
  /** Put the cursor in the shared notes (the person asked to write them). */
  focusNotes: boolean;
  onNotesFocused(): void;
}

/** One conversation opened up: shared notes, agreed actions, and the viewer's private notes. */
export function ConversationDetails({
  conversation,
  people,
  actions,
  drafts,
  onDraftChange,
  focusNotes,
  onNotesFocused,
}: ConversationDetailsProps) {
  const styles = useStyles();
  const { notifyError } = useNotify();
  const {
    staleVersion: conflict,
    setStaleVersion: setConflict,
    loadLatest: reloadOverStale,
  } = useStaleVersion();
  const notes = useRef<HTMLTextAreaElement>(null);
  const { id } = conversation;

  useEffect(() => {
    if (!focusNotes) return;
    notes.current?.focus();
    onNotesFocused();
  }, [focusNotes, onNotesFocused]);

  const stale = () => setConflict('stale');
  /** Quick changes (tick, remove): a 412 offers the latest version, anything else is a toast. */
  const quietly = (work: Promise<void>, doing: string) =>
    work.catch((error: unknown) => {
      if (isStaleVersion(error)) stale();
      else notifyError(error, doing);
      throw error;
    });

  const loadLatest = () =>
    reloadOverStale(
      async () => {
        const fresh = await actions.reload();
        const latest = fresh.find((c) => c.id === id);
        const typed = drafts.shared;
        // Keep what was typed, now on top of what is saved, so the next save replaces it knowingly.
        if (latest && typed)
          onDraftChange('shared', editDraft(undefined, latest.sharedNotes, typed.text));
        notes.current?.focus();
      },
      (error) => notifyError(error, 'Couldn’t load the latest version'),
    );

  return (
    <div className={styles.root}>
      <StaleVersionBar
        staleVersion={conflict}
        words={STALE_WORDS}
        differs={Boolean(drafts.shared)}
        onLoadLatest={() => void loadLatest()}
      />
      <SharedNotes
        conversation={conversation}
        people={people}
        draft={drafts.shared}
        onDraftChange={(draft) => onDraftChange('shared', draft)}
        onSave={(text, basedOn) => actions.saveSharedNotes(id, text, basedOn)}
        blocked={conflict === 'stale' || conflict === 'loading'}
        showSavedNow={conflict === 'loaded'}
        onStale={stale}
        onSaved={() => setConflict('none')}
        textareaRef={notes}
      />
      <ActionItemList
        conversation={conversation}
        people={people}
        onAdd={async (fields) => {
          await actions.changeActions(id, withActionAdded(fields));
          setConflict('none');
        }}
        onEdit={async (itemId, fields) => {
          await actions.changeActions(id, withActionEdited(itemId, fields));
          setConflict('none');
        }}
        onToggle={(itemId, done) =>
          void quietly(actions.setActionDone(id, itemId, done), 'Couldn’t update the action').catch(
            () => undefined,
          )
        }
        onRemove={(itemId) =>
          quietly(
            actions.changeActions(id, withActionRemoved(itemId)),
            'Couldn’t remove the action',
          )
        }
        onStale={stale}
      />
      <ConversationPrivateNotes
        conversation={conversation}
        people={people}
        draft={drafts.private}
        onDraftChange={(draft) => onDraftChange('private', draft)}
        onSave={(text) => actions.savePrivateNotes(id, text)}
      />
    </div>
  );
}
