import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { acknowledgementInputSchema, LIMITS } from '@contract/boardContract';
import type { AspirationView } from '@contract/boardContract';
import { needsAcknowledgement } from './boardLogic';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { DialogButtons } from '../common/DialogButtons';
import { firstName } from '../common/format';

export interface AcknowledgeDialogProps {
  aspiration: AspirationView;
  employeeName: string;
  onClose(): void;
  onAcknowledge(id: string, note: string | undefined): Promise<void>;
}

/** The manager says "I've read this", optionally with the support they commit to. */
export function AcknowledgeDialog({
  aspiration,
  employeeName,
  onClose,
  onAcknowledge,
}: AcknowledgeDialogProps) {
  const [note, setNote] = useState(aspiration.acknowledgement?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const name = firstName(employeeName);
  // Already seen and unchanged: the manager is only changing their support note.
  // Decided when the dialog opens, so the optimistic update while saving doesn't change the words.
  const [noteOnly] = useState(() => !needsAcknowledgement(aspiration));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = acknowledgementInputSchema.safeParse({ note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the note.');
      return;
    }
    setError(null);
    setFailure(null);
    setSaving(true);
    try {
      await onAcknowledge(aspiration.id, parsed.data.note || undefined);
      onClose();
    } catch (problem) {
      const fieldError = fieldErrorsFromProblem(problem).note;
      if (fieldError) setError(fieldError);
      else setFailure(problem);
    } finally {
      setSaving(false);
    }
  }

  const problem = failure ? describeProblem(failure) : null;
  return (
    <Dialog open onOpenChange={(_, data) => (!data.open && !saving ? onClose() : undefined)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>
              {noteOnly
                ? `Your support note on “${aspiration.title}”`
                : `Acknowledge “${aspiration.title}”`}
            </DialogTitle>
            <DialogContent>
              {problem ? (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>{problem.title}</MessageBarTitle>
                    {problem.message}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <Text as="p">
                {noteOnly
                  ? `${name} sees this note under the aspiration, with today’s date.`
                  : `${name} will see that you have read this, and when.`}
              </Text>
              <Field
                label="Support note (optional)"
                hint={`What will you do to help? A course, a stretch project, an introduction. ${name} sees this.`}
                validationState={error ? 'error' : 'none'}
                validationMessage={error ?? undefined}
              >
                <Textarea
                  value={note}
                  rows={4}
                  resize="vertical"
                  maxLength={LIMITS.noteLength + 100}
                  onChange={(_, data) => setNote(data.value)}
                  placeholder="e.g. I’ll put you forward to lead the Q3 pricing project."
                />
              </Field>
            </DialogContent>
            <DialogButtons
              label={noteOnly ? 'Save note' : 'Acknowledge'}
              busy={saving}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
