import { Button } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useState } from 'react';

import type { ConversationView } from '@contract/conversationContract';
import { pickTimeDialog } from './deferredPickTime';

// The dialog's code (and Fluent's radio group) loads when a manager first opens it.
const PickTimeDialog = lazy(() =>
  pickTimeDialog.load().then((m) => ({ default: m.PickTimeDialog })),
);

export interface PickTimeButtonProps {
  employeeId: string;
  employeeName: string;
  conversationId: string;
  onBooked(conversation: ConversationView): void;
  size?: 'small' | 'medium';
}

/** "Pick a time": for the manager of a pair Career Board could not book on its own. */
export function PickTimeButton({ size = 'medium', ...props }: PickTimeButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        appearance="primary"
        size={size}
        icon={<CalendarAddRegular />}
        onClick={() => setOpen(true)}
        aria-label={`Pick a time to talk with ${props.employeeName}`}
      >
        Pick a time
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <PickTimeDialog {...props} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
