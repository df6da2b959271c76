import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SkeletonItem,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import type { BoardPerson, PrivateNotesView, ViewerRole } from '@contract/boardContract';
import { ApiProblem } from '../api/apiProblem';
import type { CareerBoardApi } from '../api/careerBoardApi';
import { describeProblem } from '../api/describeProblem';
import { notSeenByText } from '../common/boardText';
import { formatDay } from '../common/format';
import { Panel } from '../common/Panel';
import { boardSchemas } from '../forms/contractSchemas';
import { useLoad } from '../common/useLoad';
import { isStaleVersion } from '../common/StaleVersion';

const useStyles = makeStyles({
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  title: { margin: 0 },
  textarea: { minHeight: '120px' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  savedText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; saved: PrivateNotesView };

export interface PrivateNotesPanelProps {
  api: CareerBoardApi;
  employeeId: string;
  /** Who is reading: the panel names who else cannot (the manager, or the employee). */
  viewer: ViewerRole;
  employee: Pick<BoardPerson, 'displayName'>;
  /** The board's own limit, as the API sent it with the board. */
  maxLength: number;
}

/** Notes only their author can read, clearly marked as such. */
export function PrivateNotesPanel({
  api,
  employeeId,
  viewer,
  employee,
  maxLength,
}: PrivateNotesPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  /** After a 412: the version saved elsewhere, shown beside what was typed. */
  const [elsewhere, setElsewhere] = useState<PrivateNotesView | null>(null);

  useLoad(() => api.privateNotes(employeeId), [api, employeeId], {
    loaded: (saved) => {
      setLoad({ kind: 'ready', saved });
      setText(saved.text);
    },
    failed: (error) => setLoad({ kind: 'failed', error }),
  });

  const saved = load.kind === 'ready' ? load.saved : null;
  const dirty = saved !== null && text !== saved.text;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!saved) return;
    const { privateNotesInputSchema } = await boardSchemas();
    const parsed = privateNotesInputSchema.safeParse({ text });
    if (!parsed.success) {
      setFailure(
        new ApiProblem(422, 'Too long', parsed.error.issues[0]?.message ?? 'Shorten your notes.'),
      );
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const next = await api.savePrivateNotes(employeeId, parsed.data.text, saved.etag);
      setLoad({ kind: 'ready', saved: next });
      setElsewhere(null);
    } catch (error) {
      setFailure(error);
      if (isStaleVersion(error)) {
        const latest = await api.privateNotes(employeeId).catch(() => null);
        if (latest) {
          // Keep the typed text; adopt the new version so "Save" deliberately replaces it.
          setLoad({ kind: 'ready', saved: latest });
          setElsewhere(latest);
        }
      }
    } finally {
      setSaving(false);
    }
  }

  const problem = failure ? describeProblem(failure) : null;
  const stale = isStaleVersion(failure);

  return (
    <Panel
      as="section"
      gap="s"
      stroke="private"
      aria-labelledby={headingId}
      data-testid="private-notes"
    >
      <div className={styles.heading}>
        <LockClosedRegular aria-hidden />
        <Text as="h2" id={headingId} weight="semibold" size={400} className={styles.title}>
          Private notes
        </Text>
        <Badge appearance="tint" color="important" shape="rounded">
          Only you can see this
        </Badge>
      </div>
      <Caption1>
        {`${notSeenByText(viewer, employee)} Use it to prepare what you want to say.`}
      </Caption1>
      {load.kind === 'loading' ? (
        // A status, so its name may be read (a plain element may not carry one: axe's
        // aria-prohibited-attr, seen now that the side column follows the cards).
        <SkeletonItem className={styles.textarea} role="status" aria-label="Loading your notes" />
      ) : null}
      {load.kind === 'failed' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{describeProblem(load.error).title}</MessageBarTitle>
            {describeProblem(load.error).message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {saved ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <Field
            label="Your notes"
            validationState={problem && !stale ? 'error' : 'none'}
            validationMessage={problem && !stale ? problem.message : undefined}
          >
            <Textarea
              className={styles.textarea}
              value={text}
              resize="vertical"
              maxLength={maxLength}
              onChange={(_, data) => setText(data.value)}
            />
          </Field>
          {stale && elsewhere ? (
            <MessageBar intent="warning" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>Changed elsewhere</MessageBarTitle>
                These notes were saved from another window. Your text is kept above; this is what
                was saved:
                <Text as="p" className={styles.savedText}>
                  {elsewhere.text || '(empty)'}
                </Text>
              </MessageBarBody>
              <MessageBarActions>
                <Button
                  onClick={() => {
                    setText(elsewhere.text);
                    setFailure(null);
                    setElsewhere(null);
                  }}
                >
                  Use saved version
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={saving || !dirty}>
              {saving ? 'Saving…' : stale ? 'Save mine instead' : 'Save notes'}
            </Button>
            <Caption1 aria-live="polite">
              {dirty
                ? 'Unsaved changes'
                : saved.updatedAt
                  ? `Saved ${formatDay(saved.updatedAt)}`
                  : 'Nothing saved yet'}
            </Caption1>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}
