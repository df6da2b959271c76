import { z } from 'zod';

/** Quarterly conversations on the board: shared notes, agreed actions, and each person's own notes. */

export const CONVERSATION_LIMITS = {
  sharedNotesLength: 10000,
  privateNotesLength: 10000,
  actionItems: 50,
  actionTextLength: 500,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-31.');

export const actionItemInputSchema = z.strictObject({
  id: z.string().uuid().optional(),
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z.string().min(1, 'An action needs a description.').max(CONVERSATION_LIMITS.actionTextLength),
    ),
  owner: z.enum(['employee', 'manager'], { error: 'The owner is "employee" or "manager".' }),
  dueDate: isoDate.nullable().optional(),
  done: z.boolean().default(false),
});

export const conversationPatchSchema = z
  .strictObject({
    sharedNotes: z.string().max(CONVERSATION_LIMITS.sharedNotesLength).optional(),
    actionItems: z
      .array(actionItemInputSchema)
      .max(CONVERSATION_LIMITS.actionItems, `At most ${CONVERSATION_LIMITS.actionItems} actions.`)
      .optional(),
    privateNotes: z.string().max(CONVERSATION_LIMITS.privateNotesLength).optional(),
  })
  .refine(
    (p) => Object.keys(p).length > 0,
    'Say what to change: sharedNotes, actionItems or privateNotes.',
  );

export type ConversationPatch = z.input<typeof conversationPatchSchema>;

/**
 * Every state a pair's conversation can be in. The transitions between them live in one place,
 * `domain/conversations/lifecycle.ts`; nothing else decides them.
 * - `unbooked`: the pass tried and found no slot yet; `unbooked.reason` says why and what happens next.
 * - `needs-manager-pick`: no slot even with the stretch; the manager picks one of the offered slots.
 */
export const CONVERSATION_STATUSES = [
  'pending',
  'unbooked',
  'needs-manager-pick',
  'scheduled',
  'held',
  'needs-attention',
  'cancelled',
] as const;
export type ConversationStatusName = (typeof CONVERSATION_STATUSES)[number];

/** Why a pair has no conversation booked, as a code; the app shows each in words. */
export const UNBOOKED_REASONS = [
  'no-common-working-hours',
  'stretch-off',
  'no-free-slot',
  'out-of-office',
  'no-window-left',
  'declined-too-often',
  'graph-unavailable',
  'not-in-pilot',
] as const;
export type UnbookedReason = (typeof UNBOOKED_REASONS)[number];

/** What happens next for a pair that is not booked. */
export type UnbookedNext = 'next-pass-retries' | 'manager-picks' | 'next-quarter';

export interface UnbookedView {
  reason: UnbookedReason;
  next: UnbookedNext;
  /** When the pair first ended up without a slot this quarter. */
  since: string;
}

/** A slot outside someone's working hours, inside the tenant's stretch limits. */
export interface StretchView {
  /** Who takes the early side this time; the other takes the late side. Alternates by quarter. */
  earlySide: 'employee' | 'manager';
  /** Local start times as HH:mm for each person, e.g. { employee: '07:30', manager: '20:00' }. */
  employeeLocalStart: string;
  managerLocalStart: string;
}

export interface ConversationView {
  id: string;
  quarter: string;
  status: ConversationStatusName;
  unbooked?: UnbookedView | null;
  stretch?: StretchView | null;
  reason: 'quarterly' | 'new-manager';
  manager: { id: string };
  start: string | null;
  end: string | null;
  joinUrl: string | null;
  attempt: number;
  sharedNotes: string;
  actionItems: {
    id: string;
    text: string;
    owner: 'employee' | 'manager';
    dueDate: string | null;
    done: boolean;
  }[];
  /** True once the meeting has ended: both are asked to write what they agreed. */
  notesRequested: boolean;
  /** The caller's own notes on this conversation; nobody else's. */
  privateNotes: string;
  etag: string;
  log: { at: string; what: string; detail: string }[];
}

/** One time a manager can pick for a pair the pass could not book. */
export interface PickSlotView {
  start: string;
  end: string;
  managerLocalStart: string;
  employeeLocalStart: string;
  managerLocalDate: string;
  employeeLocalDate: string;
  outsideWorkingHours: boolean;
}

/** GET …/conversations/{id}/slots, and the `suggestions` of a 409 when a picked time was taken. */
export interface PickSuggestionsView {
  conversationId: string;
  timeZones: { employee: string; manager: string };
  suggestions: PickSlotView[];
}

export const pickSlotSchema = z.strictObject({
  start: z.iso.datetime({ offset: true, error: 'Give the start as an ISO 8601 instant.' }),
  end: z.iso.datetime({ offset: true, error: 'Give the end as an ISO 8601 instant.' }),
});
export type PickSlotInput = z.input<typeof pickSlotSchema>;

/** A pair without a conversation this quarter, for the admin: names and the reason, no board content. */
export interface UnbookedPairView {
  employee: { id: string; displayName: string };
  manager: { id: string; displayName: string };
  quarter: string;
  status: 'unbooked' | 'needs-manager-pick' | 'needs-attention';
  reason: UnbookedReason | null;
  next: UnbookedNext | null;
  since: string | null;
}

/**
 * The tenant's latest scheduling pass as its admin sees it: how far the queue workers got, and the
 * managers whose booking work failed on every delivery (the poison queue), with how many of their
 * pairs wait for the next pass. Names and counts only.
 */
export interface SchedulingPassView {
  startedAt: string;
  /** Null while the pass is still waiting for its work items. */
  finishedAt: string | null;
  workItems: { enqueued: number; done: number; failed: number };
  failedWork: { manager: { id: string; displayName: string }; pairs: number }[];
}

export interface UnbookedPairsView {
  quarter: string;
  pairs: UnbookedPairView[];
  /** Null before the first fanned-out pass. */
  latestPass: SchedulingPassView | null;
}
