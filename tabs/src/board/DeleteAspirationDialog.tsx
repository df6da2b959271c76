import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';

import type { AspirationView } from '@contract/boardContract';
import { describeProblem } from '../api/describeProblem';
import { DialogButtons } from '../common/DialogButtons';
import { isStaleVersion } from '../common/StaleVersion';

export interface DeleteAspirationDialogProps {
  aspiration: AspirationView;
  onClose(): void;
  onDelete(id: string): Promise<void>;
  onLoadLatest(): Promise<void>;
}

/** Deleting is explicit and says what goes with it. A stale copy is never deleted blindly. */
export function DeleteAspirationDialog({
  aspiration,
  onClose,
  onDelete,
  onLoadLatest,
}: DeleteAspirationDialogProps) {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const stale = isStaleVersion(failure);

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      if (stale) {
        await onLoadLatest();
        setFailure(null);
        return;
      }
      await onDelete(aspiration.id);
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const problem = failure ? describeProblem(failure) : null;
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => (!data.open && !busy ? onClose() : undefined)}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Delete “${aspiration.title}”?`}</DialogTitle>
          <DialogContent>
            {problem ? (
              <MessageBar intent={stale ? 'warning' : 'error'} layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{problem.title}</MessageBarTitle>
                  {stale
                    ? 'It was changed after you opened it. Load the latest version and check it before you delete.'
                    : problem.message}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <Text as="p">
              {`This removes it from your board with its ${aspiration.steps.length} steps, ${aspiration.evidence.length} log entries and ${aspiration.comments.length} comments. You can’t undo this.`}
            </Text>
          </DialogContent>
          <DialogButtons
            label={stale ? 'Load latest version' : 'Delete'}
            busyLabel={stale ? 'Load latest version' : 'Deleting…'}
            cancelLabel="Keep it"
            busy={busy}
            onCancel={onClose}
            onPrimary={() => void confirm()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
