import { Button, DialogActions } from '@fluentui/react-components';

export interface DialogButtonsProps {
  /** The primary button's words while nothing is running. */
  label: string;
  /** The primary button's words while the action runs. */
  busyLabel?: string;
  /** Words for leaving without acting. */
  cancelLabel?: string;
  /** The action runs: leaving is disabled and the primary button cannot be pressed again. */
  busy: boolean;
  /** The primary button cannot be pressed for another reason (say, a stale version). */
  blocked?: boolean;
  onCancel(): void;
  /** Without it the primary button submits the dialog's form. */
  onPrimary?(): void;
}

/**
 * A dialog's actions, written once: leave, and the primary action with its busy state. The primary
 * button stays focusable while busy so a screen reader does not lose its place.
 */
export function DialogButtons({
  label,
  busyLabel = 'Saving…',
  cancelLabel = 'Cancel',
  busy,
  blocked = false,
  onCancel,
  onPrimary,
}: DialogButtonsProps) {
  const press = onPrimary ? { onClick: onPrimary } : { type: 'submit' as const };
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        {cancelLabel}
      </Button>
      <Button appearance="primary" {...press} disabledFocusable={busy || blocked}>
        {busy ? busyLabel : label}
      </Button>
    </DialogActions>
  );
}
