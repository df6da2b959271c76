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

export interface ConversationView {
  id: string;
  quarter: string;
  status: 'pending' | 'scheduled' | 'held' | 'needs-attention' | 'cancelled';
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
