import { z } from 'zod';

/** The tenant's retention setting for people who left, and what an erasure reports. */

/** Bounds of the tenant setting `leaverRetentionDays`. */
export const LEAVER_RETENTION_DAYS = {
  /**
   * Default: Entra ID keeps a deleted account restorable for 30 days; a board kept exactly as
   * long survives an account restored by mistake, and is gone soon after the account is.
   */
  default: 30,
  /** Below a week, one wrong sync (an account disabled by mistake over a weekend) erases a board. */
  min: 7,
  /** A year covers a long notice period or a legal hold; beyond it, keeping data has no purpose. */
  max: 365,
} as const;

export const leaverRetentionDaysSchema = z
  .number({ error: 'Retention must be a whole number of days.' })
  .int('Retention must be a whole number of days.')
  .min(
    LEAVER_RETENTION_DAYS.min,
    `Keep a leaver's data at least ${LEAVER_RETENTION_DAYS.min} days.`,
  )
  .max(LEAVER_RETENTION_DAYS.max, `Keep a leaver's data at most ${LEAVER_RETENTION_DAYS.max} days.`)
  .default(LEAVER_RETENTION_DAYS.default);

/** How many stored documents an erasure removed or made anonymous, per kind. Counts only. */
export interface ErasureCounts {
  boardDocuments: number;
  historyEntries: number;
  conversations: number;
  privateNotes: number;
  commentsOnOtherBoards: number;
  anonymisedElsewhere: number;
  directoryEntries: number;
}

export interface ErasureView {
  /** False when an earlier erasure had already removed everything (this call changed nothing). */
  erased: boolean;
  removed: ErasureCounts;
  /** When this person was first erased. */
  erasedAt: string;
}
