import type { BoardPerson, ViewerRole } from '@contract/boardContract';
import type { ConversationView } from '@contract/conversationContract';
import { ApiProblem } from '../api/apiProblem';
import { firstName, formatDay, quarterText } from '../common/format';

/** Pure rules of the conversations section: which one is next, what to call it, who owns what. */

export type ActionItemView = ConversationView['actionItems'][number];
export type ActionOwner = ActionItemView['owner'];
/** An action as the API takes it back: a new one has no id yet. */
export type ActionItemInput = Omit<ActionItemView, 'id'> & { id?: string };

/** The two people on the board, and which of them is looking. */
export interface ConversationPeople {
  employee: BoardPerson;
  manager: BoardPerson | null;
  viewer: ViewerRole;
}

/** Newest first: by quarter, then by time (one still being booked counts as newest). */
export function newestFirst(conversations: readonly ConversationView[]): ConversationView[] {
  const when = (c: ConversationView) => c.start ?? '\uffff';
  return [...conversations].sort(
    (a, b) => b.quarter.localeCompare(a.quarter) || when(b).localeCompare(when(a)),
  );
}

/** Still ahead: being booked, booked for a time not yet over, or waiting for the two to agree one. */
export function isUpcoming(conversation: ConversationView, now: Date): boolean {
  switch (conversation.status) {
    case 'pending':
    case 'needs-attention':
    case 'unbooked':
    case 'needs-manager-pick':
      return true;
    case 'scheduled':
      return conversation.end === null || Date.parse(conversation.end) > now.getTime();
    default:
      return false;
  }
}

/** The conversation the two are heading for: the soonest upcoming one, booked before unbooked. */
export function nextConversation(
  conversations: readonly ConversationView[],
  now: Date,
): ConversationView | null {
  const upcoming = conversations.filter((c) => isUpcoming(c, now));
  upcoming.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff'));
  return upcoming[0] ?? null;
}

/** Conversations that have ended and still have no shared notes: both are asked to write them. */
export function conversationsWantingNotes(
  conversations: readonly ConversationView[],
): ConversationView[] {
  return conversations.filter((c) => c.notesRequested && c.sharedNotes.trim() === '');
}

export type StatusTone = 'success' | 'informative' | 'warning' | 'danger';

export interface ConversationStatus {
  /** One or three words, e.g. "Booked". */
  label: string;
  /** What it means for the two people, following the label after a dash. */
  detail: string;
  tone: StatusTone;
}

const TIMES = ['no times', 'once', 'twice'];

/** How many times an invite for this conversation was declined, as its log tells it. */
export function timesDeclined(log: ConversationView['log']): number {
  return log.filter(
    (entry) =>
      entry.what === 'declined' ||
      (entry.what === 'gave-up' && entry.detail.startsWith('declined')),
  ).length;
}

/**
 * The state in words. `people` says who is reading: a pair waiting for the manager's pick tells the
 * manager to pick and the employee who will (never "Career Board will book one").
 */
export function conversationStatus(
  conversation: ConversationView,
  now: Date,
  people?: ConversationPeople,
): ConversationStatus {
  const reader = people?.viewer ?? 'employee';
  const managerName = people?.manager ? firstName(people.manager.displayName) : null;
  switch (conversation.status) {
    case 'scheduled':
      return isUpcoming(conversation, now)
        ? { label: 'Booked', detail: 'the invite is in both your calendars.', tone: 'success' }
        : { label: 'Held', detail: 'the meeting time has passed.', tone: 'informative' };
    // Why, and what happens next, come with the reason (WaitingForTime.tsx, loaded when needed).
    case 'unbooked':
      return { label: 'Not booked yet', detail: '', tone: 'warning' };
    case 'needs-manager-pick':
      return {
        label:
          reader === 'manager'
            ? 'Pick a time'
            : `Waiting for ${managerName ?? 'your manager'} to pick a time`,
        detail: '',
        tone: 'warning',
      };
    case 'pending': {
      if (conversation.attempt <= 1) {
        return {
          label: 'Being booked',
          detail: 'Career Board is finding a time that suits you both and will send you an invite.',
          tone: 'informative',
        };
      }
      const last = [...conversation.log]
        .reverse()
        .find((entry) => entry.what === 'declined' || entry.what === 'cancelled');
      return {
        label: 'Being booked again',
        detail: `the last invite was ${last?.what === 'cancelled' ? 'cancelled' : 'declined'}, so Career Board is finding a new time.`,
        tone: 'warning',
      };
    }
    case 'needs-attention': {
      const declined = timesDeclined(conversation.log);
      return {
        label: 'Needs a new time',
        detail:
          declined > 0
            ? `the invite was declined ${TIMES[declined] ?? `${declined} times`}; talk to each other and agree a time yourselves.`
            : 'Career Board could not book a time that stuck; talk to each other and agree a time yourselves.',
        tone: 'danger',
      };
    }
    case 'held':
      return {
        label: 'Held',
        detail: conversation.sharedNotes.trim()
          ? 'what you agreed is written down.'
          : 'write down what you agreed.',
        tone: 'informative',
      };
    case 'cancelled':
      return {
        label: 'Cancelled',
        detail: 'this conversation will not take place.',
        tone: 'danger',
      };
  }
}

/** The day a conversation is known by: "1 December", or its quarter while it has no time yet. */
export function conversationDay(conversation: ConversationView, now: Date): string {
  return conversation.start
    ? formatDay(conversation.start, now)
    : quarterText(conversation.quarter);
}

/**
 * When it is, in the viewer's own locale and time zone, with the zone named:
 * "Tuesday 1 December, 16:00–16:30 CET".
 */
export function formatConversationTime(
  start: string,
  end: string | null,
  now: Date = new Date(),
  locale?: string,
  timeZone?: string,
): string {
  const from = new Date(start);
  if (Number.isNaN(from.getTime())) return start;
  const to = end ? new Date(end) : null;
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(from.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
  return to && !Number.isNaN(to.getTime()) && to > from
    ? format.formatRange(from, to)
    : format.format(from);
}

export function notesPromptText(conversation: ConversationView, now: Date): string {
  const when = conversation.start
    ? `on ${formatDay(conversation.start, now)}`
    : `in ${quarterText(conversation.quarter)}`;
  return `Your conversation ${when} has happened — write down what you agreed`;
}

/**
 * The owner of an action by name. "Manager" means the manager the conversation was held with: if
 * that is no longer the board's manager, the tab does not know their name.
 */
export function ownerName(
  owner: ActionOwner,
  conversation: Pick<ConversationView, 'manager'>,
  people: Pick<ConversationPeople, 'employee' | 'manager'>,
): string {
  if (owner === 'employee') return people.employee.displayName;
  return people.manager && people.manager.id === conversation.manager.id
    ? people.manager.displayName
    : 'Previous manager';
}

/** Who the viewer shares this with, by first name ("Tobias"), for hints like "You and Tobias". */
export function otherPersonName(people: ConversationPeople): string {
  const other = people.viewer === 'manager' ? people.employee : people.manager;
  return other ? firstName(other.displayName) : 'your manager';
}

export interface CarriedAction {
  conversation: ConversationView;
  item: ActionItemView;
}

/** Open actions agreed before the next conversation: the scheduler puts them on its agenda. */
export function carriedActions(
  conversations: readonly ConversationView[],
  next: ConversationView | null,
): CarriedAction[] {
  return conversations
    .filter((c) => c.id !== next?.id)
    .flatMap((conversation) =>
      conversation.actionItems.filter((item) => !item.done).map((item) => ({ conversation, item })),
    );
}

/** The actions as the API takes them back (strict: exactly these fields). */
export function toActionInputs(items: readonly ActionItemInput[]): ActionItemInput[] {
  return items.map(({ id, text, owner, dueDate, done }) =>
    id ? { id, text, owner, dueDate, done } : { text, owner, dueDate, done },
  );
}

/** A write that would overwrite someone else's newer change: treated like the API's 412. */
export function staleConversation(detail: string): ApiProblem {
  return new ApiProblem(412, 'Changed elsewhere', detail);
}

/** A change to the agreed actions, applied to the latest saved list when the write goes out. */
export type ActionsChange = (items: readonly ActionItemView[]) => ActionItemInput[];

export type ActionFields = Pick<ActionItemView, 'text' | 'owner' | 'dueDate'>;

export const withActionAdded =
  (fields: ActionFields): ActionsChange =>
  (items) => [...toActionInputs(items), { ...fields, done: false }];

/** Changes one action, or says it is gone (someone removed it meanwhile). */
function changeOne(itemId: string, edit: (item: ActionItemView) => ActionItemView): ActionsChange {
  return (items) => {
    if (!items.some((item) => item.id === itemId))
      throw staleConversation('This action was removed by someone else.');
    return toActionInputs(items.map((item) => (item.id === itemId ? edit(item) : item)));
  };
}

export const withActionEdited = (itemId: string, fields: ActionFields): ActionsChange =>
  changeOne(itemId, (item) => ({ ...item, ...fields }));

export const withActionDone = (itemId: string, done: boolean): ActionsChange =>
  changeOne(itemId, (item) => ({ ...item, done }));

export const withActionRemoved =
  (itemId: string): ActionsChange =>
  (items) =>
    toActionInputs(items.filter((item) => item.id !== itemId));

/**
 * What a text box shows and whether it differs from what is saved. A draft exists only while the
 * person has typed something: `base` is the saved text their typing started from.
 */
export interface Draft {
  text: string;
  base: string;
}

export interface DraftState {
  text: string;
  dirty: boolean;
  /** Someone saved different text since this person started typing. */
  changedElsewhere: boolean;
}

export function draftState(draft: Draft | undefined, saved: string): DraftState {
  if (!draft || draft.text === saved) return { text: saved, dirty: false, changedElsewhere: false };
  return { text: draft.text, dirty: true, changedElsewhere: draft.base !== saved };
}

/** The draft after typing `text`: none once it is back to what the typing started from. */
export function editDraft(
  draft: Draft | undefined,
  saved: string,
  text: string,
): Draft | undefined {
  const base = draft?.base ?? saved;
  return text === base ? undefined : { text, base };
}
