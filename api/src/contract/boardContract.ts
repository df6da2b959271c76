import { z } from 'zod';

import type { UnbookedNext, UnbookedReason } from './conversationContract';
import type { SponsorshipView } from './sharingContract';

/**
 * The board API's request schemas and response shapes, shared by the API (validation) and the
 * tab (forms and inline errors), so both sides agree on every limit.
 */

export const HORIZONS = ['next', '1y', '3y'] as const;
export const ASPIRATION_KINDS = ['title', 'project', 'account', 'skill', 'other'] as const;
export const STEP_STATUSES = ['open', 'done'] as const;

export const LIMITS = {
  aspirationsPerBoard: 50,
  stepsPerAspiration: 100,
  evidencePerAspiration: 200,
  commentsPerAspiration: 500,
  titleLength: 200,
  detailsLength: 4000,
  stepTextLength: 500,
  evidenceTextLength: 2000,
  linkLength: 2000,
  noteLength: 2000,
  commentLength: 2000,
  privateNotesLength: 20000,
} as const;

export type Horizon = (typeof HORIZONS)[number];
export type AspirationKind = (typeof ASPIRATION_KINDS)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-31.')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a real calendar date.',
  );

const text = (max: number, label: string, min = 1) =>
  z
    .string({ error: `${label} must be text.` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(
          min,
          min === 1 ? `${label} cannot be empty.` : `${label} needs at least ${min} characters.`,
        )
        .max(max, `${label} can be at most ${max} characters.`),
    );

/** Trimmed text between `min` and `max` characters, with messages naming the field. */
export { text as boundedText };

const httpsLink = z
  .string()
  .max(LIMITS.linkLength, `A link can be at most ${LIMITS.linkLength} characters.`)
  .url('Use a full link, starting with https://.')
  .refine((s) => /^https?:\/\//i.test(s), 'Only http and https links are allowed.');

export const stepInputSchema = z.strictObject({
  text: text(LIMITS.stepTextLength, 'A step'),
  status: z.enum(STEP_STATUSES).default('open'),
  dueDate: isoDate.nullable().optional(),
});

export const stepPatchSchema = z
  .strictObject({
    text: text(LIMITS.stepTextLength, 'A step').optional(),
    status: z.enum(STEP_STATUSES).optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Say what to change: text, status or dueDate.');

export const aspirationInputSchema = z.strictObject({
  kind: z.enum(ASPIRATION_KINDS, { error: `Kind must be one of ${ASPIRATION_KINDS.join(', ')}.` }),
  horizon: z.enum(HORIZONS, { error: `Horizon must be one of ${HORIZONS.join(', ')}.` }),
  title: text(LIMITS.titleLength, 'The title'),
  details: text(LIMITS.detailsLength, 'Details', 0).default(''),
  targetDate: isoDate.nullable().optional(),
  steps: z
    .array(stepInputSchema)
    .max(LIMITS.stepsPerAspiration, `At most ${LIMITS.stepsPerAspiration} steps.`)
    .optional(),
});

export const aspirationPatchSchema = z
  .strictObject({
    kind: z.enum(ASPIRATION_KINDS).optional(),
    horizon: z.enum(HORIZONS).optional(),
    title: text(LIMITS.titleLength, 'The title').optional(),
    details: text(LIMITS.detailsLength, 'Details', 0).optional(),
    targetDate: isoDate.nullable().optional(),
    /** Sort key within a horizon; the tab sends a value between its new neighbours. */
    position: z.number().finite().min(-1e12).max(1e12).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Say what to change.');

export const evidenceInputSchema = z.strictObject({
  text: text(LIMITS.evidenceTextLength, 'What you did'),
  date: isoDate,
  link: httpsLink.nullable().optional(),
});

export const evidencePatchSchema = z
  .strictObject({
    text: text(LIMITS.evidenceTextLength, 'What you did').optional(),
    date: isoDate.optional(),
    link: httpsLink.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Say what to change: text, date or link.');

export const acknowledgementInputSchema = z.strictObject({
  note: text(LIMITS.noteLength, 'The support note', 0).optional(),
});

export const commentInputSchema = z.strictObject({
  text: text(LIMITS.commentLength, 'A comment'),
});

export const privateNotesInputSchema = z.strictObject({
  text: z
    .string({ error: 'Notes must be text.' })
    .max(
      LIMITS.privateNotesLength,
      `Notes can be at most ${LIMITS.privateNotesLength} characters.`,
    ),
});

export type AspirationInput = z.input<typeof aspirationInputSchema>;
export type AspirationPatch = z.input<typeof aspirationPatchSchema>;
export type StepInput = z.input<typeof stepInputSchema>;
export type StepPatch = z.input<typeof stepPatchSchema>;
export type EvidenceInput = z.input<typeof evidenceInputSchema>;
export type EvidencePatch = z.input<typeof evidencePatchSchema>;

// ---- Responses ----

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface BoardPerson extends PersonRef {
  jobTitle: string | null;
}

export interface StepView {
  id: string;
  text: string;
  status: StepStatus;
  dueDate: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface EvidenceView {
  id: string;
  text: string;
  date: string;
  link: string | null;
  createdAt: string;
}

export interface AcknowledgementView {
  by: PersonRef;
  at: string;
  note: string | null;
}

export interface CommentView {
  id: string;
  author: PersonRef;
  text: string;
  createdAt: string;
}

export interface AspirationView {
  id: string;
  etag: string;
  kind: AspirationKind;
  horizon: Horizon;
  title: string;
  details: string;
  targetDate: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
  steps: StepView[];
  evidence: EvidenceView[];
  acknowledgement: AcknowledgementView | null;
  /** Edited by the employee after the manager last acknowledged it. */
  changedSinceAcknowledged: boolean;
  comments: CommentView[];
  /**
   * The manager's "I will sponsor this" (issue 13), apart from acknowledging; on the board read,
   * absent from the answers of single-aspiration writes.
   */
  sponsorship?: SponsorshipView | null;
}

export type ViewerRole = 'employee' | 'manager';

export interface BoardView {
  employee: BoardPerson;
  manager: BoardPerson | null;
  viewer: { id: string; role: ViewerRole };
  aspirations: AspirationView[];
  limits: typeof LIMITS;
}

export interface HistoryEntryView {
  id: string;
  at: string;
  actor: PersonRef;
  action: string;
  aspirationId: string | null;
  /** Human-readable, e.g. 'Changed the title of "Staff engineer"'. */
  summary: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface PrivateNotesView {
  text: string;
  updatedAt: string | null;
  etag: string | null;
}

export const TEAM_FLAGS = [
  'no-aspirations',
  'needs-acknowledgement',
  'conversation-overdue',
  /** No time suits the pair; the manager picks one of the offered times. */
  'conversation-needs-pick',
  /** An aspiration's target date has passed. */
  'target-date-passed',
] as const;
export type TeamFlag = (typeof TEAM_FLAGS)[number];

export interface ConversationRef {
  id: string;
  start: string;
  end: string;
  status: string;
  joinUrl: string | null;
}

export interface TeamMemberView extends BoardPerson {
  counts: { aspirations: number; needsAcknowledgement: number; changedSinceAcknowledged: number };
  /** Per horizon, the title of the most recently created aspiration (null if none). */
  latestByHorizon: Record<Horizon, string | null>;
  lastConversation: ConversationRef | null;
  nextConversation: ConversationRef | null;
  /** This quarter's conversation when it is not booked: its state and the reason, in codes. */
  notBooked: NotBookedRef | null;
  flags: TeamFlag[];
}

export interface NotBookedRef {
  conversationId: string;
  status: 'unbooked' | 'needs-manager-pick' | 'needs-attention';
  reason: UnbookedReason | null;
  next: UnbookedNext | null;
  since: string | null;
}

export interface TeamView {
  manager: BoardPerson;
  members: TeamMemberView[];
  nextCursor: string | null;
}

export interface MeView extends BoardPerson {
  mail: string | null;
  tenantId: string;
  isAdmin: boolean;
  manager: BoardPerson | null;
  directReports: BoardPerson[];
}

export interface ChatPairView {
  isPair: boolean;
  employee: BoardPerson | null;
  manager: BoardPerson | null;
  /** When not a pair: what the two people are to each other, said plainly. */
  reason: string | null;
}

export interface ProblemView {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}
