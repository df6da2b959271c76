import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';

import type { ConversationView, PickSlotView } from '@contract/conversationContract';
import { ApiProblem } from '../api/apiProblem';
import { describeProblem } from '../api/describeProblem';
import { DialogButtons } from './DialogButtons';
import { firstName, formatDateTime } from './format';
import { useSession } from './session';

export interface PickTimeDialogProps {
  employeeId: string;
  employeeName: string;
  conversationId: string;
  onClose(): void;
  onBooked(conversation: ConversationView): void;
}

type Offer =
  | { status: 'loading' }
  | { status: 'ready'; suggestions: PickSlotView[] }
  | { status: 'failed'; error: unknown };

/**
 * The manager picks the time of a conversation Career Board could not book on its own: times free
 * on both calendars, each shown in the manager's own time and the employee's. A time taken since
 * it was offered comes back as a 409 with fresh times, which replace the list.
 */
export function PickTimeDialog({
  employeeId,
  employeeName,
  conversationId,
  onClose,
  onBooked,
}: PickTimeDialogProps) {
  const { api } = useSession();
  const [offer, setOffer] = useState<Offer>({ status: 'loading' });
  const [chosen, setChosen] = useState<string>('');
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = firstName(employeeName);

  useEffect(() => {
    let live = true;
    api.pickSlots(employeeId, conversationId).then(
      (view) => live && setOffer({ status: 'ready', suggestions: view.suggestions }),
      (error: unknown) => live && setOffer({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [api, employeeId, conversationId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (offer.status !== 'ready') return;
    const slot = offer.suggestions.find((s) => s.start === chosen);
    if (!slot) {
      setNotice('Choose one of the times first.');
      return;
    }
    setFailure(null);
    setNotice(null);
    setSaving(true);
    try {
      onBooked(
        await api.pickSlot(employeeId, conversationId, { start: slot.start, end: slot.end }),
      );
      onClose();
    } catch (problem) {
      const fresh = freshSuggestions(problem);
      if (fresh) {
        setOffer({ status: 'ready', suggestions: fresh });
        setChosen('');
        setNotice('That time was just taken. Here are the times free now: pick another.');
      } else setFailure(problem);
    } finally {
      setSaving(false);
    }
  }

  const problem = failure
    ? describeProblem(failure)
    : offer.status === 'failed'
      ? describeProblem(offer.error)
      : null;
  return (
    <Dialog open onOpenChange={(_, data) => (!data.open && !saving ? onClose() : undefined)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{`Pick a time to talk with ${name}`}</DialogTitle>
            <DialogContent>
              {problem ? (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>{problem.title}</MessageBarTitle>
                    {problem.message}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {notice ? (
                <MessageBar intent="warning" layout="multiline" role="status">
                  <MessageBarBody>{notice}</MessageBarBody>
                </MessageBar>
              ) : null}
              <Text as="p">
                {`Career Board could not book this quarter’s conversation with ${name} on its own. These times are free on both calendars, each in your time and ${name}’s; the invite goes out as soon as you pick one.`}
              </Text>
              {offer.status === 'loading' ? (
                <Spinner size="small" label="Reading both calendars…" />
              ) : offer.status === 'ready' && offer.suggestions.length === 0 ? (
                <Text as="p">
                  {`No time is free on both calendars in the next three weeks. Free up some time, or agree one with ${name} and send the invite from Outlook.`}
                </Text>
              ) : offer.status === 'ready' ? (
                <RadioGroup
                  aria-label="Times free for both of you"
                  value={chosen}
                  onChange={(_, data) => setChosen(data.value)}
                >
                  {offer.suggestions.map((slot) => (
                    <Radio key={slot.start} value={slot.start} label={slotLabel(slot, name)} />
                  ))}
                </RadioGroup>
              ) : null}
            </DialogContent>
            <DialogButtons
              label="Book this time"
              busyLabel="Booking…"
              busy={saving}
              blocked={offer.status !== 'ready' || offer.suggestions.length === 0}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** "Mon 7 Dec, 20:30 for you · 07:00 for Jamal (outside working hours)". */
function slotLabel(slot: PickSlotView, name: string): string {
  const stretch = slot.outsideWorkingHours ? ' (outside working hours)' : '';
  return `${formatDateTime(slot.start)} your time · ${slot.employeeLocalStart} for ${name}${stretch}`;
}

function freshSuggestions(problem: unknown): PickSlotView[] | null {
  if (!(problem instanceof ApiProblem) || problem.status !== 409) return null;
  const suggestions = problem.extensions.suggestions;
  return Array.isArray(suggestions) ? (suggestions as PickSlotView[]) : null;
}
