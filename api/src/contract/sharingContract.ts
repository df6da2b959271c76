import { z } from 'zod';

import type {
  AspirationKind,
  BoardPerson,
  EvidenceView,
  Horizon,
  PersonRef,
  StepView,
} from './boardContract';
import { boundedText } from './boardContract';
import { GUID } from './ids';

/**
 * Sharing beyond the manager (issue 13), shared by the API (validation) and the tab: the employee
 * shares their board or chosen aspirations with a sponsor or mentor, asks a named person for
 * advice on one aspiration, and the manager can say "I will sponsor this".
 */

export const RELATIONSHIPS = ['sponsor', 'mentor'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const SHARING_LIMITS = {
  sharesPerBoard: 30,
  aspirationsPerShare: 50,
  questionLength: 1000,
  replyLength: 2000,
  /** "Answers once or in a short thread". */
  messagesPerThread: 20,
  searchLength: 120,
  searchResults: 20,
} as const;

const personId = z
  .string({ error: 'personId must be the id of a person in your organisation.' })
  .regex(GUID, 'personId must be an id like 3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d8b74.')
  .transform((s) => s.toLowerCase());

export const shareInputSchema = z.strictObject({
  personId,
  relationship: z.enum(RELATIONSHIPS, {
    error: `relationship must be one of ${RELATIONSHIPS.join(', ')}.`,
  }),
  /** Null or absent: the whole board, including aspirations added later. */
  aspirationIds: z
    .array(z.string().min(1).max(100), { error: 'aspirationIds must be a list of aspiration ids.' })
    .min(1, 'Choose at least one aspiration, or share the whole board.')
    .max(SHARING_LIMITS.aspirationsPerShare)
    .nullable()
    .optional(),
});

export const adviceInputSchema = z.strictObject({
  personId,
  question: boundedText(SHARING_LIMITS.questionLength, 'The question'),
});

export const adviceReplySchema = z.strictObject({
  text: boundedText(SHARING_LIMITS.replyLength, 'The answer'),
});

export type ShareInput = z.input<typeof shareInputSchema>;
export type AdviceInput = z.input<typeof adviceInputSchema>;

// ---- Responses ----

export interface ShareView {
  person: BoardPerson;
  relationship: Relationship;
  /** Null: the whole board. */
  aspirationIds: string[] | null;
  sharedAt: string;
}

export interface ThreadMessageView {
  author: PersonRef;
  text: string;
  at: string;
}

/** One conversation about one aspiration between the employee and one other person. */
export interface AdviceThreadView {
  aspirationId: string;
  person: PersonRef;
  /** The employee's question; null when a sponsor or mentor started the thread with a comment. */
  question: string | null;
  askedAt: string;
  messages: ThreadMessageView[];
  etag: string;
}

/** The employee's "who can see what". */
export interface SharesView {
  shares: ShareView[];
  advice: AdviceThreadView[];
}

export interface SponsorshipView {
  by: PersonRef;
  at: string;
}

/** What a sponsor, mentor or asked person sees of one aspiration: never notes or comments. */
export interface SharedAspirationView {
  id: string;
  kind: AspirationKind;
  horizon: Horizon;
  title: string;
  details: string;
  targetDate: string | null;
  steps: StepView[];
  evidence: EvidenceView[];
  sponsorship: SponsorshipView | null;
  /** The viewer's own thread with the employee on this aspiration, if any. */
  thread: AdviceThreadView | null;
}

export interface SharedBoardView {
  employee: BoardPerson;
  /** How the viewer came to see it: a share, or only questions asked of them. */
  access: Relationship | 'advice';
  aspirations: SharedAspirationView[];
}

export interface SharedWithMeEntry {
  employee: BoardPerson;
  access: Relationship | 'advice';
  sharedAt: string;
  /** Questions waiting for the viewer's first answer. */
  openQuestions: number;
}

export interface SharedWithMeView {
  boards: SharedWithMeEntry[];
}

export interface PeopleSearchView {
  people: BoardPerson[];
}
