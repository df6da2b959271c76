import type { UnbookedNext, UnbookedReason } from '@contract/conversationContract';

/**
 * Why a pair has no conversation booked, and what happens next, in words. The same words on the
 * employee's board, the manager's team view and the admin's list, so nobody hears another story.
 */

export const REASON_TEXT: Record<UnbookedReason, string> = {
  'no-common-working-hours': 'the two working days never overlap (different time zones)',
  'stretch-off': 'the two working days never overlap, and stretching hours is turned off',
  'no-free-slot': 'no time is free on both calendars in the booking weeks',
  'out-of-office': 'one of the two is out of office for the rest of the booking weeks',
  'no-window-left': 'no booking days are left this quarter',
  'declined-too-often': 'the invite was declined too often',
  'graph-unavailable': 'Microsoft 365 could not be reached to read the calendars',
  'not-in-pilot': 'the employee is not in the pilot group',
};

/** Who reads it: the words for "what happens next" depend on who has to act. */
export type NotBookedReader = 'employee' | 'manager' | 'admin';

export function nextText(
  next: UnbookedNext | null,
  reader: NotBookedReader,
  managerName: string | null = null,
): string {
  switch (next) {
    case 'manager-picks':
      return reader === 'manager'
        ? 'Pick a time from the ones Career Board offers.'
        : reader === 'employee'
          ? `${managerName ?? 'Your manager'} picks a time from the ones Career Board offers; the invite follows.`
          : 'The manager picks a time from the ones Career Board offers.';
    case 'next-quarter':
      return 'Career Board books the next conversation next quarter.';
    case 'next-pass-retries':
      return 'Career Board tries again on its next daily run.';
    case null:
      // Only a booking that needs attention (declined too often) comes without a next step.
      return 'The manager and the employee agree a time between themselves.';
  }
}

export interface NotBooked {
  status: 'unbooked' | 'needs-manager-pick' | 'needs-attention';
  reason: UnbookedReason | null;
  next: UnbookedNext | null;
}

/** Why, as a clause ("the two working days never overlap …"), with or without a scheduler reason. */
export function reasonClause(notBooked: { status: string; reason: UnbookedReason | null }): string {
  if (notBooked.reason) return REASON_TEXT[notBooked.reason];
  return notBooked.status === 'needs-attention'
    ? 'the invite was declined or cancelled too often'
    : 'no time suits both of them yet';
}

/** The label a not-booked conversation carries wherever it is shown. */
export function notBookedLabel(notBooked: NotBooked): string {
  return notBooked.status === 'needs-manager-pick'
    ? 'Waiting for a time to be picked'
    : 'Not booked';
}
